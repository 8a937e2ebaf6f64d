package org.dicomguard.core.evaluation;

import java.util.Arrays;

/**
 * ROC-AUC with its DeLong variance and 95% confidence interval, for primitive score and label
 * arrays.
 *
 * <p>Design note. The AUC is the Mann-Whitney statistic: the fraction of (positive, negative)
 * pairs ranked correctly, a tie counting one half (Hanley &amp; McNeil 1982, "The meaning and use
 * of the area under a ROC curve", Radiology 143). Its variance is DeLong's nonparametric
 * estimate from structural components (DeLong, DeLong &amp; Clarke-Pearson 1988, Biometrics 44):
 * {@code V10[i]} is the AUC of positive {@code i} against all negatives, {@code V01[j]} that of
 * all positives against negative {@code j}, and {@code var = S10/m + S01/n} with {@code S10},
 * {@code S01} their sample variances (denominators m-1, n-1). Sun &amp; Xu (2014, "Fast
 * implementation of DeLong's algorithm for comparing the areas under correlated ROC curves",
 * IEEE Signal Processing Letters 21(11)) showed that the components are midrank differences,
 * {@code V10[i] = (Tz[i] - Tx[i]) / n}; we compute the same quantities as "negatives below plus
 * half the negatives tied" by sorting each class once (LSD radix sort of a primitive copy,
 * no boxing, 6 passes of 11 bits: linear time) and merging the two sorted arrays; O(N) memory. The AUC itself is
 * accumulated as an exact integer count of half-pairs, so it equals the O(mn) pair count bit for
 * bit.
 *
 * <p>Confidence interval: the logit-free normal interval {@code auc ± 1.959963984540054 *
 * sqrt(var)}, clipped to [0, 1]. Clipping keeps reports in range for AUCs near 1 at the price of
 * a slightly short interval there; no transformation is applied so that the numbers match
 * pROC/scikit-style DeLong implementations.
 *
 * <p>Small classes: with a single positive (or negative) the sample variance of its components
 * is undefined (0/0). Instead of NaN or a falsely exact zero we use 1/4, the largest variance any
 * quantity in [0, 1] can have, so the interval is honest (wide) rather than missing.
 *
 * <p>Stateless and thread-safe.
 */
public final class RocAuc {

    /** Variance bound used for a class with one member: the maximum variance of a [0,1] value. */
    static final double SINGLE_CASE_COMPONENT_VARIANCE = 0.25;

    private RocAuc() {
    }

    /**
     * @param scores one score per case, higher meaning more likely positive; NaN refused; not modified
     * @param labels 0 (negative) or 1 (positive) per case, not modified
     * @return AUC, DeLong variance and 95% interval
     * @throws IllegalArgumentException on length mismatch, NaN score, label other than 0/1, or when
     *                                  a class is empty (the message names both counts)
     */
    public static AucResult auc(double[] scores, int[] labels) {
        return auc(scores, BinaryLabels.fromInts(labels));
    }

    /**
     * @param scores one score per case, higher meaning more likely positive; NaN refused; not modified
     * @param labels true for a positive case, not modified
     * @return AUC, DeLong variance and 95% interval
     * @throws IllegalArgumentException on length mismatch, NaN score, or when a class is empty
     *                                  (the message names both counts)
     */
    public static AucResult auc(double[] scores, boolean[] labels) {
        double[][] byClass = BinaryLabels.sortedByClass(scores, labels);
        double[] positives = byClass[0];
        double[] negatives = byClass[1];
        int m = positives.length;
        int n = negatives.length;

        double[] v10 = new double[m];
        double[] v01 = new double[n];
        long twiceCorrectPairs = sortedComponents(positives, negatives, v10, v01);
        double auc = twiceCorrectPairs / (2.0 * m * (double) n);
        double variance = componentVariance(v10, auc) / m + componentVariance(v01, auc) / n;
        return withInterval(m, n, auc, variance);
    }

    /**
     * Sample variance of structural components around their mean (which equals the AUC), or the
     * single-case bound when there is one component.
     */
    static double componentVariance(double[] components, double auc) {
        int count = components.length;
        if (count < 2) {
            return SINGLE_CASE_COMPONENT_VARIANCE;
        }
        double sum = 0;
        for (double c : components) {
            double d = c - auc;
            sum += d * d;
        }
        return sum / (count - 1);
    }

    /** Builds the result with the clipped normal interval. */
    static AucResult withInterval(int m, int n, double auc, double variance) {
        double halfWidth = StandardNormal.Z_975 * Math.sqrt(variance);
        double low = Math.max(0.0, Math.min(auc, auc - halfWidth));
        double high = Math.min(1.0, Math.max(auc, auc + halfWidth));
        return new AucResult(m, n, auc, variance, low, high);
    }

    /**
     * Structural components in input order, for the paired test where the components of two
     * models must be matched case by case. Components are computed in sorted order by the merge
     * and scattered back through the radix argsort: O(N).
     *
     * @return {V10 per positive in input order, V01 per negative in input order, {2*pairs}}
     */
    static double[][] componentsInInputOrder(double[] scores, boolean[] labels, int positiveCount) {
        double[][] byClass = BinaryLabels.split(scores, labels, positiveCount);
        double[] positives = byClass[0];
        double[] negatives = byClass[1];
        double[] sortedPositives = positives.clone();
        double[] sortedNegatives = negatives.clone();
        int[] positiveOrder = DoubleRadixSort.sortWithOrder(sortedPositives);
        int[] negativeOrder = DoubleRadixSort.sortWithOrder(sortedNegatives);
        int m = positives.length;
        int n = negatives.length;
        double[] v10Sorted = new double[m];
        double[] v01Sorted = new double[n];
        long twicePairs = sortedComponents(sortedPositives, sortedNegatives, v10Sorted, v01Sorted);
        double[] v10 = new double[m];
        for (int k = 0; k < m; k++) {
            v10[positiveOrder[k]] = v10Sorted[k];
        }
        double[] v01 = new double[n];
        for (int k = 0; k < n; k++) {
            v01[negativeOrder[k]] = v01Sorted[k];
        }
        return new double[][] {v10, v01, {twicePairs}};
    }

    /**
     * Structural components by merging the two ascending arrays (the midrank differences of Sun
     * &amp; Xu): {@code V10[i] = (negatives below + half the negatives tied) / n} and
     * {@code V01[j] = (positives above + half the positives tied) / m}.
     *
     * @param positives ascending positive scores, not modified
     * @param negatives ascending negative scores, not modified
     * @param v10       receives V10 in sorted order
     * @param v01       receives V01 in sorted order
     * @return twice the number of correctly ordered pairs (ties count one), exact
     */
    private static long sortedComponents(double[] positives, double[] negatives, double[] v10, double[] v01) {
        int m = positives.length;
        int n = negatives.length;
        long twiceCorrectPairs = 0;
        int below = 0;
        int belowOrTied = 0;
        for (int i = 0; i < m; i++) {
            double x = positives[i];
            while (below < n && negatives[below] < x) {
                below++;
            }
            if (belowOrTied < below) {
                belowOrTied = below;
            }
            while (belowOrTied < n && negatives[belowOrTied] <= x) {
                belowOrTied++;
            }
            // 2*(negatives below) + (negatives tied) = below + belowOrTied
            long twice = (long) below + belowOrTied;
            twiceCorrectPairs += twice;
            v10[i] = twice / (2.0 * n);
        }
        below = 0;
        belowOrTied = 0;
        for (int j = 0; j < n; j++) {
            double y = negatives[j];
            while (below < m && positives[below] < y) {
                below++;
            }
            if (belowOrTied < below) {
                belowOrTied = below;
            }
            while (belowOrTied < m && positives[belowOrTied] <= y) {
                belowOrTied++;
            }
            // 2*(positives above) + (positives tied) = 2m - below - belowOrTied
            v01[j] = (2L * m - below - belowOrTied) / (2.0 * m);
        }
        return twiceCorrectPairs;
    }
}
