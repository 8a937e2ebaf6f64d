package org.dicomguard.core.evaluation;

import java.util.List;

/**
 * Outcome of a golden (result-invariance) check.
 *
 * @param studiesCompared studies present in both golden and current results
 * @param diffs           every difference beyond tolerance, ordered by study then field path; copied
 */
public record GoldenComparison(int studiesCompared, List<GoldenDiff> diffs) {

    /** @throws IllegalArgumentException on a negative count or null list */
    public GoldenComparison {
        if (studiesCompared < 0 || diffs == null) {
            throw new IllegalArgumentException("studiesCompared = " + studiesCompared + " must be >= 0 and diffs non-null");
        }
        diffs = List.copyOf(diffs);
    }

    /** @return true when nothing changed beyond tolerance */
    public boolean passed() {
        return diffs.isEmpty();
    }

    /** @return the aligned plain-text table of {@link GoldenDiffTable#render(GoldenComparison)} */
    public String renderTable() {
        return GoldenDiffTable.render(this);
    }
}
