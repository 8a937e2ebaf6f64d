package org.dicomguard.contract;

/**
 * The out-of-distribution gate's verdict for a study that passed it.
 *
 * <p>Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is NaN, infinite or out of range.
 *
 * @param score the gate's distance of the study's input statistics from the reference profile
 *        (Mahalanobis distance, dimensionless), finite and {@code >= 0}
 * @param threshold the calibrated distance above which studies are rejected, finite and {@code > 0};
 *        a prediction normally has {@code score <= threshold}
 */
public record OodAssessment(double score, double threshold) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param score the {@code score} component
     * @param threshold the {@code threshold} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public OodAssessment {
        score = Checks.finiteNonNegative("ood.score", score);
        threshold = Checks.finitePositive("ood.threshold", threshold);
    }
}
