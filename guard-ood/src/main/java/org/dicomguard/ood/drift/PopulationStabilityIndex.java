package org.dicomguard.ood.drift;

import java.util.Arrays;
import java.util.Objects;

/**
 * Population Stability Index of a window against fixed reference bins.
 *
 * <p>Design note: the KS p-value answers "is there any change"; with large windows it flags
 * changes too small to matter. PSI, {@code sum (a_i - e_i) ln(a_i / e_i)} over bins, measures how
 * much the distribution moved, and the drift monitor raises only when both agree. Bins are the
 * deciles of the reference (deduplicated for ties), proportions below {@link #EPSILON} are
 * raised to it so that an empty bin gives a large but finite contribution. Common reading:
 * PSI &lt; 0.1 stable, 0.1 to 0.25 moderate shift, &gt; 0.25 major shift (Siddiqi, "Credit Risk
 * Scorecards", 2006; Yurdakul, "Statistical properties of the population stability index", 2018).
 *
 * <p>Immutable and thread-safe.
 */
public final class PopulationStabilityIndex {

    /** Smallest proportion used in the logarithm. */
    public static final double EPSILON = 1e-4;
    /** Number of quantile bins requested (fewer when the reference has ties). */
    public static final int BIN_COUNT = 10;

    private final double[] upperEdges;
    private final double[] expected;

    /**
     * @param sortedReference the reference sample sorted ascending, at least 2 values; not modified
     */
    public PopulationStabilityIndex(double[] sortedReference) {
        Objects.requireNonNull(sortedReference, "sortedReference");
        if (sortedReference.length < 2) {
            throw new IllegalArgumentException("reference needs at least 2 values, got " + sortedReference.length);
        }
        int n = sortedReference.length;
        double[] edges = new double[BIN_COUNT - 1];
        int count = 0;
        for (int k = 1; k < BIN_COUNT; k++) {
            double edge = sortedReference[Math.min(n - 1, (int) Math.ceil(k * n / (double) BIN_COUNT) - 1)];
            if (count == 0 || edge > edges[count - 1]) {
                edges[count++] = edge;
            }
        }
        // Bins: (-inf, e0], (e0, e1], ..., (e_last, +inf)
        this.upperEdges = Arrays.copyOf(edges, count);
        this.expected = proportions(sortedReference);
    }

    /** @return the number of bins in use */
    public int binCount() {
        return expected.length;
    }

    /**
     * @param window the recent values, any order, non-empty; not modified
     * @return the PSI, &gt;= 0
     */
    public double of(double[] window) {
        if (window.length == 0) {
            throw new IllegalArgumentException("window must not be empty");
        }
        double[] actual = proportions(window);
        double psi = 0;
        for (int b = 0; b < actual.length; b++) {
            double a = Math.max(EPSILON, actual[b]);
            double e = Math.max(EPSILON, expected[b]);
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    private double[] proportions(double[] values) {
        double[] counts = new double[upperEdges.length + 1];
        for (double v : values) {
            int pos = Arrays.binarySearch(upperEdges, v);
            // Exact hit on an edge belongs to that edge's bin (upper edge inclusive).
            int bin = pos >= 0 ? pos : -pos - 1;
            counts[bin]++;
        }
        for (int b = 0; b < counts.length; b++) {
            counts[b] /= values.length;
        }
        return counts;
    }
}
