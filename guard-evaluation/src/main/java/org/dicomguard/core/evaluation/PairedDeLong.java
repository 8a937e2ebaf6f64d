package org.dicomguard.core.evaluation;

/**
 * Paired DeLong test: do two models scored on the same labelled cases have the same ROC-AUC?
 *
 * <p>Design note. DeLong, DeLong &amp; Clarke-Pearson (1988, Biometrics 44) estimate the
 * covariance of correlated AUCs from the structural components of each model:
 * {@code Var(A - B) = (S10_AA + S10_BB - 2 S10_AB)/m + (S01_AA + S01_BB - 2 S01_AB)/n}, which is
 * the sample variance of the per-case component differences {@code V10A[i] - V10B[i]} (and
 * likewise for negatives). Components come from {@link RocAuc} in the midrank form of Sun &amp;
 * Xu (2014, IEEE SPL 21(11)), O(N log N). The statistic {@code z = (A - B)/sqrt(Var)} is
 * referred to the standard normal; the 95% interval of the difference is
 * {@code (A - B) ± 1.959963984540054 sqrt(Var)} clipped to [-1, 1].
 *
 * <p>A class with a single case has no sample variance; its term uses the bound 1, the largest
 * variance a difference of two [0, 1] quantities can have (see {@link RocAuc} for the same rule
 * on one model).
 *
 * <p>Stateless and thread-safe.
 */
public final class PairedDeLong {

    /** Variance bound for a single-case class: the maximum variance of a value in [-1, 1]. */
    private static final double SINGLE_CASE_DIFFERENCE_VARIANCE = 1.0;

    private PairedDeLong() {
    }

    /**
     * @param firstScores  scores of the first model, not modified
     * @param secondScores scores of the second model on the same cases in the same order, not modified
     * @param labels       0/1 labels, not modified
     * @return the paired comparison
     * @throws IllegalArgumentException on length mismatch, NaN, bad label or a missing class
     */
    public static PairedDeLongResult compare(double[] firstScores, double[] secondScores, int[] labels) {
        return compare(firstScores, secondScores, BinaryLabels.fromInts(labels));
    }

    /**
     * @param firstScores  scores of the first model, not modified
     * @param secondScores scores of the second model on the same cases in the same order, not modified
     * @param labels       true for positive cases, not modified
     * @return the paired comparison
     * @throws IllegalArgumentException on length mismatch, NaN or a missing class
     */
    public static PairedDeLongResult compare(double[] firstScores, double[] secondScores, boolean[] labels) {
        int positiveCount = BinaryLabels.checkAndCountPositives(firstScores, labels);
        BinaryLabels.checkAndCountPositives(secondScores, labels);
        int m = positiveCount;
        int n = labels.length - positiveCount;
        double[][] a = RocAuc.componentsInInputOrder(firstScores, labels, positiveCount);
        double[][] b = RocAuc.componentsInInputOrder(secondScores, labels, positiveCount);
        double aucA = a[2][0] / (2.0 * m * (double) n);
        double aucB = b[2][0] / (2.0 * m * (double) n);
        AucResult first = RocAuc.withInterval(m, n, aucA,
                RocAuc.componentVariance(a[0], aucA) / m + RocAuc.componentVariance(a[1], aucA) / n);
        AucResult second = RocAuc.withInterval(m, n, aucB,
                RocAuc.componentVariance(b[0], aucB) / m + RocAuc.componentVariance(b[1], aucB) / n);

        double difference = aucA - aucB;
        double variance = differenceVariance(a[0], b[0], difference) / m
                + differenceVariance(a[1], b[1], difference) / n;
        double z;
        if (variance > 0) {
            z = difference / Math.sqrt(variance);
        } else {
            z = difference == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        double pValue = StandardNormal.twoSidedPValue(z);
        double halfWidth = StandardNormal.Z_975 * Math.sqrt(variance);
        double low = Math.max(-1.0, Math.min(difference, difference - halfWidth));
        double high = Math.min(1.0, Math.max(difference, difference + halfWidth));
        return new PairedDeLongResult(first, second, difference, variance, z, pValue, low, high);
    }

    /** Sample variance of the per-case component differences, whose mean is the AUC difference. */
    private static double differenceVariance(double[] componentsA, double[] componentsB, double meanDifference) {
        int count = componentsA.length;
        if (count < 2) {
            return SINGLE_CASE_DIFFERENCE_VARIANCE;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            double d = componentsA[i] - componentsB[i] - meanDifference;
            sum += d * d;
        }
        return sum / (count - 1);
    }
}
