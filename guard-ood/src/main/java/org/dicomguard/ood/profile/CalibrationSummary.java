package org.dicomguard.ood.profile;

import java.util.Arrays;
import java.util.Objects;

/**
 * Summary of the calibration scores (Mahalanobis distances of held-out in-distribution
 * studies), kept in the profile so that a reviewer sees how the threshold relates to them.
 * Quantiles are the nearest-rank ones: the {@code ceil(q*n)}-th smallest score.
 *
 * @param count  number of calibration scores, &gt;= 1
 * @param min    smallest score
 * @param median 0.5 quantile
 * @param p90    0.9 quantile
 * @param p99    0.99 quantile
 * @param max    largest score
 */
public record CalibrationSummary(int count, double min, double median, double p90, double p99, double max) {

    /** Validates count, finiteness and order. */
    public CalibrationSummary {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        double[] ordered = {min, median, p90, p99, max};
        for (int i = 0; i < ordered.length; i++) {
            if (!Double.isFinite(ordered[i]) || (i > 0 && ordered[i] < ordered[i - 1])) {
                throw new IllegalArgumentException("calibration summary must be finite and non-decreasing "
                        + "(min <= median <= p90 <= p99 <= max), got " + Arrays.toString(ordered));
            }
        }
    }

    /**
     * @param scores finite scores, at least one; not modified
     * @return their summary
     */
    public static CalibrationSummary of(double[] scores) {
        Objects.requireNonNull(scores, "scores");
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores must not be empty");
        }
        double[] s = scores.clone();
        Arrays.sort(s);
        return new CalibrationSummary(s.length, s[0], nearestRank(s, 0.5), nearestRank(s, 0.9),
                nearestRank(s, 0.99), s[s.length - 1]);
    }

    private static double nearestRank(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(1, Math.min(sorted.length, rank)) - 1];
    }
}
