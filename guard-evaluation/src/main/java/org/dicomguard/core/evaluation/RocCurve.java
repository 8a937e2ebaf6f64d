package org.dicomguard.core.evaluation;

import java.util.Arrays;

/**
 * Points of an empirical ROC curve, for plotting. Point {@code k} is the operating point of the
 * rule "positive when score &gt;= thresholds[k]"; point 0 is (0, 0) with threshold +infinity and
 * the last point is (1, 1). Tied scores produce one point, so a tie between classes shows as a
 * diagonal segment and the trapezoid area under these points equals the Mann-Whitney AUC of
 * {@link RocAuc}.
 *
 * @param falsePositiveRates non-decreasing, in [0, 1]; copied
 * @param truePositiveRates  non-decreasing, in [0, 1], same length; copied
 * @param thresholds         strictly decreasing score thresholds, same length; copied
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {

    /** @throws IllegalArgumentException when arrays are null, empty or of different lengths */
    public RocCurve {
        if (falsePositiveRates == null || truePositiveRates == null || thresholds == null) {
            throw new IllegalArgumentException("falsePositiveRates, truePositiveRates and thresholds must not be null");
        }
        if (falsePositiveRates.length < 2 || falsePositiveRates.length != truePositiveRates.length
                || thresholds.length != falsePositiveRates.length) {
            throw new IllegalArgumentException("lengths " + falsePositiveRates.length + ", " + truePositiveRates.length
                    + ", " + thresholds.length + " must be equal and >= 2");
        }
        falsePositiveRates = falsePositiveRates.clone();
        truePositiveRates = truePositiveRates.clone();
        thresholds = thresholds.clone();
    }

    /**
     * @param scores scores, not modified
     * @param labels 0/1 labels, not modified
     * @return the empirical ROC curve
     * @throws IllegalArgumentException as {@link RocAuc#auc(double[], int[])}
     */
    public static RocCurve of(double[] scores, int[] labels) {
        return of(scores, BinaryLabels.fromInts(labels));
    }

    /**
     * @param scores scores, not modified
     * @param labels true for positives, not modified
     * @return the empirical ROC curve; O(N log N)
     * @throws IllegalArgumentException as {@link RocAuc#auc(double[], boolean[])}
     */
    public static RocCurve of(double[] scores, boolean[] labels) {
        double[][] byClass = BinaryLabels.sortedByClass(scores, labels);
        double[] positives = byClass[0];
        double[] negatives = byClass[1];
        int m = positives.length;
        int n = negatives.length;
        double[] fpr = new double[m + n + 1];
        double[] tpr = new double[m + n + 1];
        double[] thr = new double[m + n + 1];
        thr[0] = Double.POSITIVE_INFINITY;
        int count = 1;
        int p = m - 1;
        int q = n - 1;
        // Walk both sorted arrays from the top; each distinct score is one threshold.
        while (p >= 0 || q >= 0) {
            double threshold = Math.max(p >= 0 ? positives[p] : Double.NEGATIVE_INFINITY,
                    q >= 0 ? negatives[q] : Double.NEGATIVE_INFINITY);
            while (p >= 0 && positives[p] >= threshold) {
                p--;
            }
            while (q >= 0 && negatives[q] >= threshold) {
                q--;
            }
            tpr[count] = (m - 1 - p) / (double) m;
            fpr[count] = (n - 1 - q) / (double) n;
            thr[count] = threshold;
            count++;
        }
        return new RocCurve(Arrays.copyOf(fpr, count), Arrays.copyOf(tpr, count), Arrays.copyOf(thr, count));
    }

    /** @return number of points */
    public int size() {
        return thresholds.length;
    }

    /** @return a copy of the false-positive rates */
    @Override
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /** @return a copy of the true-positive rates */
    @Override
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /** @return a copy of the thresholds */
    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** @return trapezoid area under the points; equals the Mann-Whitney AUC up to rounding */
    public double trapezoidArea() {
        double area = 0;
        for (int k = 1; k < thresholds.length; k++) {
            area += (falsePositiveRates[k] - falsePositiveRates[k - 1])
                    * (truePositiveRates[k] + truePositiveRates[k - 1]) / 2.0;
        }
        return area;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RocCurve c && Arrays.equals(falsePositiveRates, c.falsePositiveRates)
                && Arrays.equals(truePositiveRates, c.truePositiveRates) && Arrays.equals(thresholds, c.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(falsePositiveRates) + Arrays.hashCode(truePositiveRates))
                + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[" + thresholds.length + " points]";
    }
}
