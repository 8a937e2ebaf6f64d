package org.dicomguard.ood.profile;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A reproducible split of n studies into a fit part and a held-out calibration part.
 *
 * <p>Design note: the conformal guarantee needs calibration studies that the fit never saw and
 * that are exchangeable with future in-distribution studies, so the split is a seeded uniform
 * shuffle (Fisher-Yates with {@link SplittableRandom}); the same seed gives the same split on
 * every platform, which makes a profile reproducible from its inputs.
 *
 * @param fitIndices         indices of the fit part, ascending
 * @param calibrationIndices indices of the calibration part, ascending
 */
public record DeterministicSplit(int[] fitIndices, int[] calibrationIndices) {

    /** Copies the arrays. */
    public DeterministicSplit {
        fitIndices = fitIndices.clone();
        calibrationIndices = calibrationIndices.clone();
    }

    /**
     * @param count               number of studies, at least 4
     * @param calibrationFraction share held out for calibration, in (0, 1); rounded, at least 2 each side
     * @param seed                shuffle seed
     * @return the split
     */
    public static DeterministicSplit of(int count, double calibrationFraction, long seed) {
        if (count < 4) {
            throw new IllegalArgumentException("count must be >= 4 to split, got " + count);
        }
        if (!(calibrationFraction > 0 && calibrationFraction < 1)) {
            throw new IllegalArgumentException("calibrationFraction must be in (0, 1), got " + calibrationFraction);
        }
        int calibration = (int) Math.round(count * calibrationFraction);
        calibration = Math.max(2, Math.min(count - 2, calibration));
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] cal = Arrays.copyOfRange(order, 0, calibration);
        int[] fit = Arrays.copyOfRange(order, calibration, count);
        Arrays.sort(cal);
        Arrays.sort(fit);
        return new DeterministicSplit(fit, cal);
    }

    /** @return a copy of the fit indices */
    @Override
    public int[] fitIndices() {
        return fitIndices.clone();
    }

    /** @return a copy of the calibration indices */
    @Override
    public int[] calibrationIndices() {
        return calibrationIndices.clone();
    }

    /**
     * @param rows    all rows, not modified
     * @param indices which to take
     * @return the selected rows (shared row arrays, not copied)
     */
    public static double[][] select(double[][] rows, int[] indices) {
        double[][] out = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            out[i] = rows[indices[i]];
        }
        return out;
    }
}
