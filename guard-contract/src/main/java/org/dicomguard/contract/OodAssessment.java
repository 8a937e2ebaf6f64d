package org.dicomguard.contract;

/**
 * The out-of-distribution gate's verdict for a study that passed it.
 *
 * <p>Thread-safe (immutable).
 *
 * @param score the gate's distance of the study's input statistics from the reference profile
 *        (Mahalanobis distance, dimensionless), finite and {@code >= 0}
 * @param threshold the calibrated distance above which studies are rejected, finite and {@code > 0};
 *        a prediction normally has {@code score <= threshold}
 */
public record OodAssessment(double score, double threshold) {

    /** @throws IllegalArgumentException naming the field when a value is NaN, infinite or out of range */
    public OodAssessment {
        score = Checks.finiteNonNegative("ood.score", score);
        threshold = Checks.finitePositive("ood.threshold", threshold);
    }
}
