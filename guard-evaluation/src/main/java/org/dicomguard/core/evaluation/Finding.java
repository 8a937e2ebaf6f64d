package org.dicomguard.core.evaluation;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * One hypothesis tested on one pathology column (package-private working value of the diagnoser).
 *
 * @param cause           hypothesised cause
 * @param pathology       their pathology code the hypothesis was tested on
 * @param fraction        fraction of rows whose value the hypothesis reproduces within tolerance
 * @param maxAbsError     largest |theirs - transform(ours)| over all rows
 * @param parameters      step, factor, threshold, source column...; insertion-ordered
 * @param predicted       transform(ours) per aligned row, for the AUC the hypothesis predicts
 * @param corrected       theirs with the transform undone per aligned row, or empty when the
 *                        transform is not invertible (rounding, binarization, aggregate)
 * @param valueTransform  the per-value transform for causes that act on each value alone
 *                        (rounding, rescaling, inversion), so it can be composed with a column swap
 * @param affectedRows    per aligned row, true where the cause is seen on that row only (a
 *                        substitution that affects part of the rows); empty when the hypothesis
 *                        is about every row
 */
record Finding(DiscrepancyCause cause, String pathology, double fraction, double maxAbsError,
               Map<String, Object> parameters, double[] predicted, double[] corrected,
               Optional<DoubleUnaryOperator> valueTransform, boolean[] affectedRows) {

    /** A finding about every row (no per-row scope). */
    Finding(DiscrepancyCause cause, String pathology, double fraction, double maxAbsError,
            Map<String, Object> parameters, double[] predicted, double[] corrected,
            Optional<DoubleUnaryOperator> valueTransform) {
        this(cause, pathology, fraction, maxAbsError, parameters, predicted, corrected, valueTransform, new boolean[0]);
    }

    /** @return the same finding with {@code key = value} added to its parameters (changes its group) */
    Finding withParameter(String key, Object value) {
        Map<String, Object> extended = new java.util.LinkedHashMap<>(parameters);
        extended.put(key, value);
        return new Finding(cause, pathology, fraction, maxAbsError, extended, predicted, corrected, valueTransform,
                affectedRows);
    }

    /** @return the key that decides which findings on different pathologies merge into one explanation */
    String groupKey() {
        // Swaps merge regardless of the source column: the explanation then carries the mapping.
        return cause == DiscrepancyCause.COLUMN_SWAP
                ? cause.name() + parameters.getOrDefault("afterTransform", "")
                : cause.name() + parameters;
    }
}
