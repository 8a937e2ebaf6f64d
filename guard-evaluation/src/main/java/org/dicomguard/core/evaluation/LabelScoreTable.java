package org.dicomguard.core.evaluation;

/**
 * Labels and scores of one model on one test pack, as read from a {@code label,score} CSV.
 *
 * @param labels 0/1 labels, copied
 * @param scores finite scores in the same order, copied
 */
public record LabelScoreTable(int[] labels, double[] scores) {

    /** @throws IllegalArgumentException on null arrays or different lengths */
    public LabelScoreTable {
        if (labels == null || scores == null || labels.length != scores.length) {
            throw new IllegalArgumentException("labels and scores must be non-null with equal lengths");
        }
        labels = labels.clone();
        scores = scores.clone();
    }

    /** @return a copy of the labels */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** @return a copy of the scores */
    @Override
    public double[] scores() {
        return scores.clone();
    }

    /** @return number of rows */
    public int size() {
        return labels.length;
    }

    /** @return number of rows labelled 1 */
    public int positiveCount() {
        int count = 0;
        for (int label : labels) {
            count += label;
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabelScoreTable t && java.util.Arrays.equals(labels, t.labels)
                && java.util.Arrays.equals(scores, t.scores);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(labels) + java.util.Arrays.hashCode(scores);
    }

    @Override
    public String toString() {
        return "LabelScoreTable[" + labels.length + " rows]";
    }
}
