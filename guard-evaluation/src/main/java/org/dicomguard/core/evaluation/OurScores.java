package org.dicomguard.core.evaluation;

import java.util.List;
import java.util.Map;

/**
 * Our per-pathology probabilities as read from {@code score} output (contract JSON lines).
 *
 * @param probabilities                 prediction rows in file order, one column per pathology code
 * @param anyPathologyProbabilities     {@code anyPathology.probability} per prediction row (same order);
 *                                      copied; empty when no line carried an aggregate
 * @param anyPathologyRule              the aggregate rule named in the first prediction ("max",
 *                                      "noisyOr", ...), or "" when absent
 * @param decisionThresholdProbabilities per pathology code, from the first prediction; copied
 * @param rejectedCount                 lines with status "rejected" (skipped)
 * @param failedCount                   lines with status "failed" (skipped)
 */
public record OurScores(StudyTable probabilities, double[] anyPathologyProbabilities, String anyPathologyRule,
                        Map<String, Double> decisionThresholdProbabilities, int rejectedCount, int failedCount) {

    /** @throws IllegalArgumentException on nulls, negative counts or a length mismatch */
    public OurScores {
        if (probabilities == null || anyPathologyProbabilities == null || anyPathologyRule == null) {
            throw new IllegalArgumentException("probabilities, anyPathologyProbabilities and anyPathologyRule must not be null");
        }
        if (anyPathologyProbabilities.length != 0 && anyPathologyProbabilities.length != probabilities.size()) {
            throw new IllegalArgumentException("anyPathologyProbabilities.length = " + anyPathologyProbabilities.length
                    + ", must be 0 or " + probabilities.size());
        }
        if (rejectedCount < 0 || failedCount < 0) {
            throw new IllegalArgumentException("rejectedCount = " + rejectedCount + " and failedCount = "
                    + failedCount + " must be >= 0");
        }
        anyPathologyProbabilities = anyPathologyProbabilities.clone();
        decisionThresholdProbabilities = Map.copyOf(decisionThresholdProbabilities);
    }

    /** @return a copy of the aggregate probabilities */
    @Override
    public double[] anyPathologyProbabilities() {
        return anyPathologyProbabilities.clone();
    }

    /** @return the pathology codes, in the order of the first prediction */
    public List<String> pathologyCodes() {
        return probabilities.pathologyCodes();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OurScores o && probabilities.equals(o.probabilities)
                && java.util.Arrays.equals(anyPathologyProbabilities, o.anyPathologyProbabilities)
                && anyPathologyRule.equals(o.anyPathologyRule)
                && decisionThresholdProbabilities.equals(o.decisionThresholdProbabilities)
                && rejectedCount == o.rejectedCount && failedCount == o.failedCount;
    }

    @Override
    public int hashCode() {
        return probabilities.hashCode() * 31 + java.util.Arrays.hashCode(anyPathologyProbabilities);
    }

    @Override
    public String toString() {
        return "OurScores[" + probabilities + ", rejected=" + rejectedCount + ", failed=" + failedCount + "]";
    }
}
