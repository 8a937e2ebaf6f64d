package org.dicomguard.core.evaluation;

/**
 * Input checks and label conversion shared by the ROC code. Package-private: callers see the
 * messages, not this class.
 */
final class BinaryLabels {

    private BinaryLabels() {
    }

    /**
     * @param labels 0/1 labels, not modified
     * @return the same labels as booleans (1 = positive)
     * @throws IllegalArgumentException naming the first index whose label is not 0 or 1
     */
    static boolean[] fromInts(int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("labels must not be null");
        }
        boolean[] positive = new boolean[labels.length];
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i];
            if (label != 0 && label != 1) {
                throw new IllegalArgumentException("labels[" + i + "] = " + label + ", must be 0 or 1");
            }
            positive[i] = label == 1;
        }
        return positive;
    }

    /**
     * Checks lengths, finiteness-or-infinity (NaN is refused) and that both classes are present.
     *
     * @param scores scores, not modified
     * @param labels labels, not modified
     * @return the number of positives
     * @throws IllegalArgumentException on null, length mismatch, NaN, or an empty or one-class input
     */
    static int checkAndCountPositives(double[] scores, boolean[] labels) {
        if (scores == null || labels == null) {
            throw new IllegalArgumentException("scores and labels must not be null");
        }
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores.length = " + scores.length
                    + " differs from labels.length = " + labels.length);
        }
        int positiveCount = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("scores[" + i + "] is NaN; every score must be a number");
            }
            if (labels[i]) {
                positiveCount++;
            }
        }
        int negativeCount = scores.length - positiveCount;
        if (positiveCount == 0 || negativeCount == 0) {
            throw new IllegalArgumentException("ROC-AUC needs at least one positive and one negative, got "
                    + positiveCount + " positives and " + negativeCount + " negatives");
        }
        return positiveCount;
    }

    /**
     * Splits scores by class into fresh arrays; -0.0 becomes 0.0 so that sorting and
     * comparison agree on ties.
     *
     * @param scores        scores, not modified
     * @param labels        labels, not modified
     * @param positiveCount number of true labels
     * @return {positive scores, negative scores} in input order
     */
    static double[][] split(double[] scores, boolean[] labels, int positiveCount) {
        double[] positives = new double[positiveCount];
        double[] negatives = new double[scores.length - positiveCount];
        int p = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            // + 0.0 maps -0.0 to 0.0: Arrays.sort orders -0.0 before 0.0 while == calls them equal.
            double score = scores[i] + 0.0;
            if (labels[i]) {
                positives[p++] = score;
            } else {
                negatives[n++] = score;
            }
        }
        return new double[][] {positives, negatives};
    }

    /**
     * The checks of {@link #checkAndCountPositives}, then the scores split by class and each class
     * sorted ascending: the common start of the AUC and the ROC curve.
     *
     * @param scores one score per case, not modified
     * @param labels true for a positive case, not modified
     * @return {sorted positive scores, sorted negative scores}, new arrays
     */
    static double[][] sortedByClass(double[] scores, boolean[] labels) {
        double[][] byClass = split(scores, labels, checkAndCountPositives(scores, labels));
        DoubleRadixSort.sort(byClass[0]);
        DoubleRadixSort.sort(byClass[1]);
        return byClass;
    }
}
