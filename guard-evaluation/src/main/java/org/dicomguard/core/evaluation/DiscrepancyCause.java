package org.dicomguard.core.evaluation;

/**
 * Named causes of a discrepancy between our probabilities and an external party's. The JSON
 * spelling is the constant name. Declaration order is the tie-break when two causes explain
 * the data equally well (simpler, more common first).
 */
public enum DiscrepancyCause {
    /** Their values are ours quantized to a step (e.g. 0.01 for integer percent), possibly rescaled. */
    ROUNDING,
    /** Their values are ours multiplied by a constant factor (e.g. 100). */
    RESCALING,
    /** An aggregate (max, noisy-or, ...) over all pathologies replaced each pathology's own value. */
    AGGREGATE_SUBSTITUTION,
    /** Their column for one pathology carries our values of another. */
    COLUMN_SWAP,
    /** Their values are 0/1: ours thresholded. */
    BINARIZATION,
    /** Their values are one minus ours. */
    INVERSION,
    /** Their rows carry the values of other studies (shifted or permuted). */
    ROW_MISALIGNMENT,
    /** No tested hypothesis explains enough of their values (or there is no discrepancy). */
    NONE_FOUND
}
