package org.dicomguard.ood.drift;

import java.time.Duration;
import java.util.Objects;

/**
 * When the drift monitor raises and clears alerts. Tuned to be "not too sensitive": alerts that
 * fire often teach people to ignore them.
 *
 * <p>A stream is tested every {@code evaluationIntervalObservations} observations once its window
 * holds at least {@code minimumWindowSizeObservations} values. An alert is RAISED when the
 * corrected KS p-value is below {@code raiseFamilyAlpha} <em>and</em> the PSI is at least
 * {@code psiRaiseThreshold} (significant and large enough to matter), and the cooldown since the
 * stream's last raise has passed. It is CLEARED only when the corrected p-value reaches
 * {@code clearFamilyAlpha} <em>or</em> the PSI falls below {@code psiClearThreshold}: the relaxed
 * levels give hysteresis, so a stream on the edge does not flap.
 *
 * @param windowSizeObservations         values per stream in the sliding window, &gt;= 10
 * @param minimumWindowSizeObservations  values needed before a stream is tested, in [10, windowSizeObservations]
 * @param evaluationIntervalObservations observations between test rounds, &gt;= 1
 * @param raiseFamilyAlpha               strict level for raising, in (0, 1)
 * @param clearFamilyAlpha               relaxed level for clearing, in [raiseFamilyAlpha, 1)
 * @param psiRaiseThreshold              PSI needed to raise, &gt; 0
 * @param psiClearThreshold              PSI below which an alert clears, in (0, psiRaiseThreshold]
 * @param cooldownObservations           observations after a raise before the same stream may raise again, &gt;= 0
 * @param cooldown                       time after a raise before the same stream may raise again, &gt;= 0
 * @param correction                     multiple-testing correction across the streams of one round
 */
public record DriftPolicy(int windowSizeObservations, int minimumWindowSizeObservations,
                          int evaluationIntervalObservations, double raiseFamilyAlpha, double clearFamilyAlpha,
                          double psiRaiseThreshold, double psiClearThreshold, long cooldownObservations,
                          Duration cooldown, MultipleTestingCorrection correction) {

    /** Validates every component against the ranges above. */
    public DriftPolicy {
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(correction, "correction");
        if (windowSizeObservations < 10) {
            throw new IllegalArgumentException("windowSizeObservations must be >= 10, got " + windowSizeObservations);
        }
        if (minimumWindowSizeObservations < 10 || minimumWindowSizeObservations > windowSizeObservations) {
            throw new IllegalArgumentException("minimumWindowSizeObservations must be in [10, "
                    + windowSizeObservations + "], got " + minimumWindowSizeObservations);
        }
        if (evaluationIntervalObservations < 1) {
            throw new IllegalArgumentException("evaluationIntervalObservations must be >= 1, got "
                    + evaluationIntervalObservations);
        }
        if (!(raiseFamilyAlpha > 0 && raiseFamilyAlpha < 1)) {
            throw new IllegalArgumentException("raiseFamilyAlpha must be in (0, 1), got " + raiseFamilyAlpha);
        }
        if (!(clearFamilyAlpha >= raiseFamilyAlpha && clearFamilyAlpha < 1)) {
            throw new IllegalArgumentException("clearFamilyAlpha must be in [raiseFamilyAlpha=" + raiseFamilyAlpha
                    + ", 1), got " + clearFamilyAlpha);
        }
        if (!(psiRaiseThreshold > 0) || Double.isInfinite(psiRaiseThreshold)) {
            throw new IllegalArgumentException("psiRaiseThreshold must be finite and > 0, got " + psiRaiseThreshold);
        }
        if (!(psiClearThreshold > 0 && psiClearThreshold <= psiRaiseThreshold)) {
            throw new IllegalArgumentException("psiClearThreshold must be in (0, psiRaiseThreshold=" + psiRaiseThreshold
                    + "], got " + psiClearThreshold);
        }
        if (cooldownObservations < 0) {
            throw new IllegalArgumentException("cooldownObservations must be >= 0, got " + cooldownObservations);
        }
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must be >= 0, got " + cooldown);
        }
    }

    /**
     * @return window 500, minimum 200, every 50 observations, raise at 0.001 and PSI 0.2, clear at 0.05 or
     *         PSI 0.1, cooldown 2000 observations and 1 hour, Bonferroni
     */
    public static DriftPolicy defaults() {
        return new DriftPolicy(500, 200, 50, 0.001, 0.05, 0.2, 0.1, 2000, Duration.ofHours(1),
                MultipleTestingCorrection.BONFERRONI);
    }

    /**
     * @param value window size
     * @param minimum minimum window size
     * @return a copy with them
     */
    public DriftPolicy withWindowSizeObservations(int value, int minimum) {
        return new DriftPolicy(value, minimum, evaluationIntervalObservations, raiseFamilyAlpha, clearFamilyAlpha,
                psiRaiseThreshold, psiClearThreshold, cooldownObservations, cooldown, correction);
    }

    /**
     * @param value observations between rounds
     * @return a copy with it
     */
    public DriftPolicy withEvaluationIntervalObservations(int value) {
        return new DriftPolicy(windowSizeObservations, minimumWindowSizeObservations, value, raiseFamilyAlpha,
                clearFamilyAlpha, psiRaiseThreshold, psiClearThreshold, cooldownObservations, cooldown, correction);
    }

    /**
     * @param observations cooldown in observations
     * @param time cooldown in time
     * @return a copy with them
     */
    public DriftPolicy withCooldown(long observations, Duration time) {
        return new DriftPolicy(windowSizeObservations, minimumWindowSizeObservations, evaluationIntervalObservations,
                raiseFamilyAlpha, clearFamilyAlpha, psiRaiseThreshold, psiClearThreshold, observations, time, correction);
    }

    /**
     * @param value the correction
     * @return a copy with it
     */
    public DriftPolicy withCorrection(MultipleTestingCorrection value) {
        return new DriftPolicy(windowSizeObservations, minimumWindowSizeObservations, evaluationIntervalObservations,
                raiseFamilyAlpha, clearFamilyAlpha, psiRaiseThreshold, psiClearThreshold, cooldownObservations,
                cooldown, value);
    }
}
