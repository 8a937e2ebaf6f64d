package org.dicomguard.core.evaluation;

/**
 * Paired DeLong comparison of two models scored on the same cases.
 *
 * @param first                  AUC result of the first model
 * @param second                 AUC result of the second model
 * @param aucDifference          {@code first.auc() - second.auc()}, in [-1, 1]
 * @param differenceVariance     DeLong variance of the difference (accounts for the correlation
 *                               between the models), finite and non-negative
 * @param z                      {@code aucDifference / sqrt(differenceVariance)}; 0 when both are 0,
 *                               and plus or minus infinity when the variance is 0 but the
 *                               difference is not (a degenerate, perfectly separated case)
 * @param pValue                 two-sided p-value of "equal AUC", in [0, 1]
 * @param difference95Low        lower end of the 95% interval of the difference, clipped to [-1, 1]
 * @param difference95High       upper end of the 95% interval of the difference, clipped to [-1, 1]
 */
public record PairedDeLongResult(AucResult first, AucResult second, double aucDifference,
                                 double differenceVariance, double z, double pValue,
                                 double difference95Low, double difference95High) {

    /** @throws IllegalArgumentException when a value is null, NaN or out of range */
    public PairedDeLongResult {
        if (first == null || second == null) {
            throw new IllegalArgumentException("first and second must not be null");
        }
        if (!(aucDifference >= -1.0 && aucDifference <= 1.0)) {
            throw new IllegalArgumentException("aucDifference = " + aucDifference + ", must be in [-1, 1]");
        }
        if (!(differenceVariance >= 0.0) || Double.isInfinite(differenceVariance)) {
            throw new IllegalArgumentException("differenceVariance = " + differenceVariance
                    + ", must be finite and >= 0");
        }
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z must not be NaN");
        }
        if (!(pValue >= 0.0 && pValue <= 1.0)) {
            throw new IllegalArgumentException("pValue = " + pValue + ", must be in [0, 1]");
        }
        if (!(difference95Low >= -1.0 && difference95Low <= aucDifference
                && difference95High >= aucDifference && difference95High <= 1.0)) {
            throw new IllegalArgumentException("difference interval [" + difference95Low + ", "
                    + difference95High + "] must lie in [-1, 1] and contain " + aucDifference);
        }
    }
}
