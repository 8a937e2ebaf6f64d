package org.dicomguard.ood.gate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Objects;

/**
 * Split-conformal threshold for a nonconformity score (here the Mahalanobis distance).
 *
 * <p>Design note: with n calibration scores from held-out in-distribution studies, accepting a
 * new score when it is at most the k-th smallest calibration score, {@code k = ceil((n+1)(1-alpha))},
 * rejects an exchangeable in-distribution study with probability at most {@code alpha} (and at
 * least {@code alpha - 1/(n+1)} when scores have no ties). Reference: V. Vovk, A. Gammerman,
 * G. Shafer, "Algorithmic Learning in a Random World", 2005; A. Angelopoulos and S. Bates,
 * "A Gentle Introduction to Conformal Prediction", 2021, section 1.
 *
 * <p>When {@code k > n} the calibration set is too small to support the target rate and the
 * threshold is {@code +Infinity} (accept everything): the guarantee still holds, but the gate
 * would be useless, so the profile fitter refuses that case. The rank is computed in exact
 * decimal arithmetic so that, e.g., n = 99 and alpha = 0.01 gives k = 99 and not 100.
 */
public final class ConformalThreshold {

    private ConformalThreshold() {
    }

    /**
     * @param calibrationCount n, at least 1
     * @param alpha            target false-reject rate in (0, 1)
     * @return {@code ceil((n+1)(1-alpha))}, in [1, n+1]; n+1 means "no finite threshold"
     */
    public static int rank(int calibrationCount, double alpha) {
        if (calibrationCount < 1) {
            throw new IllegalArgumentException("calibrationCount must be >= 1, got " + calibrationCount);
        }
        checkAlpha(alpha);
        BigDecimal product = BigDecimal.valueOf(calibrationCount + 1L)
                .multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(alpha)));
        return Math.max(1, product.setScale(0, RoundingMode.CEILING).intValueExact());
    }

    /**
     * @param alpha target false-reject rate in (0, 1)
     * @return the smallest n for which the threshold is finite: {@code ceil(1/alpha) - 1}
     */
    public static int minimumCalibrationCount(double alpha) {
        checkAlpha(alpha);
        // (n+1)(1-alpha) > n  <=>  n < 1/alpha - 1; start just below and step up in exact arithmetic.
        int n = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 2L, (long) Math.floor(1 / alpha) - 2));
        while (rank(n, alpha) > n) {
            n++;
        }
        return n;
    }

    /**
     * @param calibrationScores finite scores of held-out in-distribution studies, n &gt;= 1; not modified
     * @param alpha             target false-reject rate in (0, 1)
     * @return the {@link #rank}-th smallest score, or {@code +Infinity} if that rank exceeds n
     */
    public static double threshold(double[] calibrationScores, double alpha) {
        Objects.requireNonNull(calibrationScores, "calibrationScores");
        int n = calibrationScores.length;
        int k = rank(n, alpha);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(calibrationScores[i])) {
                throw new IllegalArgumentException("calibrationScores[" + i + "] is not finite: " + calibrationScores[i]);
            }
        }
        if (k > n) {
            return Double.POSITIVE_INFINITY;
        }
        double[] sorted = calibrationScores.clone();
        Arrays.sort(sorted);
        return sorted[k - 1];
    }

    private static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha (target false-reject rate) must be in (0, 1), got " + alpha);
        }
    }
}
