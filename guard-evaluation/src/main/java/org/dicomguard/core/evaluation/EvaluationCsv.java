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

/**
 * Strict readers for the evaluation CSV files. A header row is required; fields are separated
 * by commas without quoting; numbers are plain decimals (no NaN, Infinity, hex or percent
 * signs); empty lines are errors. Every error names the file and the 1-based line number.
 *
 * <p>Why strict: the discrepancies this package diagnoses (percent rounding, swapped columns)
 * are exactly what a lenient reader would silently absorb.
 */
public final class EvaluationCsv {

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
        int[] columns = new int[2];
        int[][] labels = {new int[1024]};
        double[][] scores = {new double[1024]};
        int[] count = {0};
        forEachRow(file, (line, fields) -> {
            if (line == 1) {
                List<String> names = Arrays.asList(fields);
                columns[0] = names.indexOf("label");
                columns[1] = names.indexOf("score");
                if (fields.length != 2 || columns[0] < 0 || columns[1] < 0) {
                    throw new EvaluationInputException(source, 1, "header must be 'label,score', got '"
                            + String.join(",", fields) + "'");
                }
                return;
            }
            requireFieldCount(source, line, fields, 2);
            int row = count[0]++;
            if (row == labels[0].length) {
                labels[0] = Arrays.copyOf(labels[0], row * 2);
                scores[0] = Arrays.copyOf(scores[0], row * 2);
            }
            labels[0][row] = parseLabel(source, line, "label", fields[columns[0]]);
            scores[0][row] = parseNumber(source, line, "score", fields[columns[1]]);
        });
        if (count[0] == 0 && columns[0] == columns[1]) {
            throw new EvaluationInputException(source, 1, "empty file, expected header 'label,score'");
        }
        return new LabelScoreTable(Arrays.copyOf(labels[0], count[0]), Arrays.copyOf(scores[0], count[0]));
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

    /** Receives each row, with its 1-based line number, as trimmed fields. */
    private interface RowHandler {
        void row(int lineNumber, String[] fields) throws EvaluationInputException;
    }

    private static List<String[]> readRows(Path file) throws EvaluationInputException {
        List<String[]> rows = new ArrayList<>();
        forEachRow(file, (line, fields) -> rows.add(fields));
        return rows;
    }

    private static void forEachRow(Path file, RowHandler handler) throws EvaluationInputException {
        String source = file.toString();
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
                handler.row(lineNumber, fields);
            }
        } catch (IOException e) {
            throw new EvaluationInputException(source, "cannot read: " + e.getMessage(), e);
        }
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
        if (!isDecimal(text)) {
            throw new EvaluationInputException(source, line, column + " '" + abbreviate(text) + "' is not a number");
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new EvaluationInputException(source, line, column + " '" + abbreviate(text) + "' is out of range");
        }
        return value;
    }

    /** Same language as {@code [+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?}, without a regex engine per value. */
    static boolean isDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
