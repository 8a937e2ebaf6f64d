package org.dicomguard.core.evaluation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of a labelled pack: {@code labels.csv} (header {@code studyInstanceUid,<codes...>},
 * one 0/1 row per in-distribution study) and the optional {@code ood.csv} (header
 * {@code studyInstanceUid,kind}, one row per out-of-distribution study).
 *
 * @param pathologyCodes codes of the label columns, in file order
 * @param labels         labels per study UID, in file order; each array is parallel to {@code pathologyCodes}
 * @param oodKinds       kind per out-of-distribution study UID, in file order; empty without ood.csv
 */
public record PackEvaluationLabels(List<String> pathologyCodes, Map<String, int[]> labels, Map<String, String> oodKinds) {

    /** File name of the labels of in-distribution studies. */
    public static final String LABELS_FILE = "labels.csv";
    /** File name of the list of out-of-distribution studies. */
    public static final String OOD_FILE = "ood.csv";

    /** Copies the collections (the arrays are shared: treat them as read-only). */
    public PackEvaluationLabels {
        pathologyCodes = List.copyOf(pathologyCodes);
        labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        oodKinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(oodKinds));
        for (String uid : oodKinds.keySet()) {
            if (labels.containsKey(uid)) {
                throw new IllegalArgumentException("study " + uid + " is both labelled and listed as out-of-distribution");
            }
        }
    }

    /**
     * @param pack pack folder holding {@value #LABELS_FILE} and optionally {@value #OOD_FILE}
     * @return the labels
     * @throws EvaluationInputException naming file and line when a file is missing or malformed
     */
    public static PackEvaluationLabels read(Path pack) throws EvaluationInputException {
        Path labelsFile = pack.resolve(LABELS_FILE);
        List<String> lines = lines(labelsFile);
        if (lines.isEmpty()) {
            throw new EvaluationInputException(labelsFile.toString(), 1, "empty file; expected header studyInstanceUid,<codes...>");
        }
        String[] header = lines.get(0).split(",", -1);
        if (header.length < 2 || !header[0].trim().equals("studyInstanceUid")) {
            throw new EvaluationInputException(labelsFile.toString(), 1,
                    "header must be studyInstanceUid,<pathology codes...>, got \"" + lines.get(0) + "\"");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            codes.add(header[i].trim());
        }
        Map<String, int[]> labels = new LinkedHashMap<>();
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new EvaluationInputException(labelsFile.toString(), n + 1,
                        "expected " + header.length + " columns, got " + cells.length);
            }
            int[] row = new int[codes.size()];
            for (int c = 0; c < row.length; c++) {
                String cell = cells[c + 1].trim();
                if (!cell.equals("0") && !cell.equals("1")) {
                    throw new EvaluationInputException(labelsFile.toString(), n + 1,
                            "label of " + codes.get(c) + " must be 0 or 1, got \"" + cell + "\"");
                }
                row[c] = cell.equals("1") ? 1 : 0;
            }
            if (labels.put(cells[0].trim(), row) != null) {
                throw new EvaluationInputException(labelsFile.toString(), n + 1, "study listed twice");
            }
        }
        Map<String, String> ood = new LinkedHashMap<>();
        Path oodFile = pack.resolve(OOD_FILE);
        if (Files.isRegularFile(oodFile)) {
            List<String> oodLines = lines(oodFile);
            for (int n = 1; n < oodLines.size(); n++) {
                if (oodLines.get(n).isBlank()) {
                    continue;
                }
                String[] cells = oodLines.get(n).split(",", -1);
                if (cells.length != 2) {
                    throw new EvaluationInputException(oodFile.toString(), n + 1, "expected studyInstanceUid,kind");
                }
                ood.put(cells[0].trim(), cells[1].trim());
            }
        }
        try {
            return new PackEvaluationLabels(codes, labels, ood);
        } catch (IllegalArgumentException e) {
            throw new EvaluationInputException(oodFile.toString(), e.getMessage(), e);
        }
    }

    private static List<String> lines(Path file) throws EvaluationInputException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EvaluationInputException(file.toString(), "cannot read: " + e.getMessage(), e);
        }
    }
}
