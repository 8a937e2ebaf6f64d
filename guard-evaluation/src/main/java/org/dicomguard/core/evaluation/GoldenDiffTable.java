package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Plain-text table of a golden comparison, columns padded to align in a terminal or CI log.
 * Long values are cut to {@value #MAX_CELL_CHARS} characters.
 */
public final class GoldenDiffTable {

    /** Longest cell before it is cut with "...". */
    public static final int MAX_CELL_CHARS = 60;

    private static final String[] HEADER = {"study", "field", "change", "before", "after"};

    private GoldenDiffTable() {
    }

    /**
     * @param comparison the check outcome
     * @return a header line, one line per diff and a summary line; just the summary when it passed
     */
    public static String render(GoldenComparison comparison) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (GoldenDiff d : comparison.diffs()) {
            rows.add(new String[] {d.studyInstanceUid(), d.fieldPath().isEmpty() ? "(study)" : d.fieldPath(),
                d.kind().name(), cut(d.before()), cut(d.after())});
        }
        StringBuilder text = new StringBuilder();
        if (!comparison.passed()) {
            int[] widths = new int[HEADER.length];
            for (String[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    widths[c] = Math.max(widths[c], row[c].length());
                }
            }
            for (int r = 0; r < rows.size(); r++) {
                appendRow(text, rows.get(r), widths);
                if (r == 0) {
                    String[] rule = new String[widths.length];
                    for (int c = 0; c < widths.length; c++) {
                        rule[c] = "-".repeat(widths[c]);
                    }
                    appendRow(text, rule, widths);
                }
            }
        }
        text.append(comparison.diffs().size()).append(" difference(s) in ").append(comparison.studiesCompared())
                .append(" compared studies: ").append(comparison.passed() ? "PASSED" : "FAILED").append('\n');
        return text.toString();
    }

    private static void appendRow(StringBuilder text, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            line.append(row[c]).append(" ".repeat(widths[c] - row[c].length()));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static String cut(String value) {
        return value.length() <= MAX_CELL_CHARS ? value : value.substring(0, MAX_CELL_CHARS - 3) + "...";
    }
}
