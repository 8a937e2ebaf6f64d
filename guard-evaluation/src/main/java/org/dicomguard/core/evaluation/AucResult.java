package org.dicomguard.core.evaluation;

/**
 * ROC-AUC of one score against binary labels, with its DeLong variance and 95% confidence
 * interval.
 *
 * @param positiveCount number of positive cases, at least 1
 * @param negativeCount number of negative cases, at least 1
 * @param auc           area under the ROC curve in [0, 1]; ties count one half
 * @param variance      DeLong variance estimate of {@code auc}, finite and non-negative
 * @param auc95Low      lower end of the 95% confidence interval, in [0, auc]
 * @param auc95High     upper end of the 95% confidence interval, in [auc, 1]
 */
public record AucResult(int positiveCount, int negativeCount, double auc, double variance,
                        double auc95Low, double auc95High) {

    /**
     * @throws IllegalArgumentException when a count is below 1, a value is outside its range or
     *                                  the interval does not contain {@code auc}
     */
    public AucResult {
        if (positiveCount < 1 || negativeCount < 1) {
            throw new IllegalArgumentException("positiveCount = " + positiveCount + " and negativeCount = "
                    + negativeCount + " must both be >= 1");
        }
        if (!(auc >= 0.0 && auc <= 1.0)) {
            throw new IllegalArgumentException("auc = " + auc + ", must be in [0, 1]");
        }
        if (!(variance >= 0.0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance = " + variance + ", must be finite and >= 0");
        }
        if (!(auc95Low >= 0.0 && auc95Low <= auc && auc95High >= auc && auc95High <= 1.0)) {
            throw new IllegalArgumentException("95% interval [" + auc95Low + ", " + auc95High
                    + "] must lie in [0, 1] and contain auc = " + auc);
        }
    }

    /** @return positiveCount + negativeCount */
    public int caseCount() {
        return positiveCount + negativeCount;
    }

    /** @return the standard error, the square root of {@link #variance()} */
    public double standardError() {
        return Math.sqrt(variance);
    }
}
