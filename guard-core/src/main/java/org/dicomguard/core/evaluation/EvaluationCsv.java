package org.dicomguard.core.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict readers for the evaluation CSV files. A header row is required; fields are separated
 * by commas without quoting; numbers are plain decimals (no NaN, Infinity, hex or percent
 * signs); empty lines are errors. Every error names the file and the 1-based line number.
 *
 * <p>Why strict: the discrepancies this package diagnoses (percent rounding, swapped columns)
 * are exactly what a lenient reader would silently absorb.
 */
public final class EvaluationCsv {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private EvaluationCsv() {
    }

    /**
     * Reads a CSV with header {@code label,score} (in either order, no other columns).
     *
     * @param file the CSV file
     * @return labels and scores in file order
     * @throws EvaluationInputException when the file cannot be read or a line is malformed
     */
    public static LabelScoreTable readLabelScore(Path file) throws EvaluationInputException {
        String source = file.toString();
        List<String[]> rows = readRows(file);
        if (rows.isEmpty()) {
            throw new EvaluationInputException(source, 1, "empty file, expected header 'label,score'");
        }
        String[] header = rows.get(0);
        List<String> names = Arrays.asList(header);
        int labelColumn = names.indexOf("label");
        int scoreColumn = names.indexOf("score");
        if (header.length != 2 || labelColumn < 0 || scoreColumn < 0) {
            throw new EvaluationInputException(source, 1, "header must be 'label,score', got '"
                    + String.join(",", header) + "'");
        }
        int[] labels = new int[rows.size() - 1];
        double[] scores = new double[rows.size() - 1];
        for (int r = 1; r < rows.size(); r++) {
            String[] fields = rows.get(r);
            int line = r + 1;
            requireFieldCount(source, line, fields, 2);
            labels[r - 1] = parseLabel(source, line, "label", fields[labelColumn]);
            scores[r - 1] = parseNumber(source, line, "score", fields[scoreColumn]);
        }
        return new LabelScoreTable(labels, scores);
    }

    /**
     * Reads a CSV with header {@code studyInstanceUid,<pathology code>,...}.
     *
     * @param file       the CSV file
     * @param binaryOnly true for label files: every value must be 0 or 1
     * @return the table in file order
     * @throws EvaluationInputException when unreadable, the header is wrong, a study repeats, a
     *                                  row has the wrong number of fields or a value is not a number
     */
    public static StudyTable readStudyTable(Path file, boolean binaryOnly) throws EvaluationInputException {
        String source = file.toString();
        List<String[]> rows = readRows(file);
        if (rows.isEmpty()) {
            throw new EvaluationInputException(source, 1, "empty file, expected header 'studyInstanceUid,<pathology code>,...'");
        }
        String[] header = rows.get(0);
        if (header.length < 2 || !header[0].equals("studyInstanceUid")) {
            throw new EvaluationInputException(source, 1, "header must be 'studyInstanceUid,<pathology code>,...', got '"
                    + String.join(",", header) + "'");
        }
        List<String> codes = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            if (header[c].isEmpty() || codes.contains(header[c])) {
                throw new EvaluationInputException(source, 1, "pathology column " + (c + 1) + " '" + header[c]
                        + "' is empty or repeated");
            }
            codes.add(header[c]);
        }
        List<String> studies = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        double[][] values = new double[rows.size() - 1][];
        for (int r = 1; r < rows.size(); r++) {
            String[] fields = rows.get(r);
            int line = r + 1;
            requireFieldCount(source, line, fields, header.length);
            String study = fields[0];
            if (study.isEmpty()) {
                throw new EvaluationInputException(source, line, "studyInstanceUid is empty");
            }
            Integer previous = firstLine.putIfAbsent(study, line);
            if (previous != null) {
                throw new EvaluationInputException(source, line, "study " + study + " repeats line " + previous);
            }
            studies.add(study);
            values[r - 1] = new double[codes.size()];
            for (int c = 0; c < codes.size(); c++) {
                values[r - 1][c] = binaryOnly
                        ? parseLabel(source, line, codes.get(c), fields[c + 1])
                        : parseNumber(source, line, codes.get(c), fields[c + 1]);
            }
        }
        return new StudyTable(codes, studies, values);
    }

    private static List<String[]> readRows(Path file) throws EvaluationInputException {
        String source = file.toString();
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    throw new EvaluationInputException(source, lineNumber, "empty line");
                }
                if (line.indexOf('"') >= 0) {
                    throw new EvaluationInputException(source, lineNumber, "quoted fields are not supported");
                }
                String[] fields = line.split(",", -1);
                for (int f = 0; f < fields.length; f++) {
                    fields[f] = fields[f].strip();
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new EvaluationInputException(source, "cannot read: " + e.getMessage(), e);
        }
        return rows;
    }

    private static void requireFieldCount(String source, int line, String[] fields, int expected)
            throws EvaluationInputException {
        if (fields.length != expected) {
            throw new EvaluationInputException(source, line, "expected " + expected + " fields, got " + fields.length);
        }
    }

    private static int parseLabel(String source, int line, String column, String text) throws EvaluationInputException {
        if (text.equals("0")) {
            return 0;
        }
        if (text.equals("1")) {
            return 1;
        }
        throw new EvaluationInputException(source, line, column + " '" + abbreviate(text) + "' must be 0 or 1");
    }

    private static double parseNumber(String source, int line, String column, String text)
            throws EvaluationInputException {
        if (!DECIMAL.matcher(text).matches()) {
            throw new EvaluationInputException(source, line, column + " '" + abbreviate(text) + "' is not a number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new EvaluationInputException(source, line, column + " '" + abbreviate(text) + "' is out of range");
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
