package org.dicomguard.core.evaluation;

/**
 * The release rule for one pathology: is our AUC on the test pack not worse than the
 * reference AUC by more than a margin?
 *
 * <p>Design note: a pathology passes when the <em>lower end of the 95% DeLong interval</em> is at
 * least {@code referenceAuc - margin}: {@code auc95Low >= referenceAuc - nonInferiorityMarginAuc}.
 * This is the usual non-inferiority test at one-sided level 2.5%. Comparing the point estimate
 * instead ({@code auc >= referenceAuc - margin}) would let a small or unlucky pack pass a
 * degraded model half of the time when the true AUC sits exactly at the boundary; the interval
 * rule puts the burden of proof on the model. The price is that the pack must be large enough
 * for the interval to be narrow: with about 100 positives and 100 negatives at AUC 0.85 the
 * half-width is about 0.05, so a model equal to its reference passes with the default margin.
 *
 * <p>Stateless and thread-safe.
 */
public final class NonInferiority {

    /** Default margin in AUC units: 0.05. */
    public static final double DEFAULT_MARGIN_AUC = 0.05;

    private NonInferiority() {
    }

    /**
     * @param auc95Low                lower end of the 95% interval of our AUC, in [0, 1]
     * @param referenceAuc            reference AUC from the release metric test, in [0, 1]
     * @param nonInferiorityMarginAuc allowed loss, in [0, 1)
     * @return true when {@code auc95Low >= referenceAuc - nonInferiorityMarginAuc}
     * @throws IllegalArgumentException when a value is out of range
     */
    public static boolean passes(double auc95Low, double referenceAuc, double nonInferiorityMarginAuc) {
        requireRange("auc95Low", auc95Low, 0, 1);
        requireRange("referenceAuc", referenceAuc, 0, 1);
        if (!(nonInferiorityMarginAuc >= 0 && nonInferiorityMarginAuc < 1)) {
            throw new IllegalArgumentException("nonInferiorityMarginAuc = " + nonInferiorityMarginAuc + ", must be in [0, 1)");
        }
        return auc95Low >= referenceAuc - nonInferiorityMarginAuc;
    }

    static void requireRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new IllegalArgumentException(name + " = " + value + ", must be in [" + low + ", " + high + "]");
        }
    }
}
