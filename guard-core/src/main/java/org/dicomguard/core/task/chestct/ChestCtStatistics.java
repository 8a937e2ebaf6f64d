package org.dicomguard.core.task.chestct;

import org.dicomguard.core.preprocess.InputStatistic;
import java.util.List;

/**
 * Computes the named input statistics of a chest CT from its volume and lung mask, in this fixed
 * order: {@code lungVolumeFraction}, {@code lungVolumeMl}, {@code lungComponentCount},
 * {@code bodyVolumeFraction}, {@code meanHuInsideLungMask}, {@code huP05InsideLungMask},
 * {@code huP50InsideLungMask}, {@code huP95InsideLungMask}, {@code huP50OutsideLungMask},
 * {@code huP95OutsideLungMask}, {@code fractionBelowMinus950Hu}, {@code sliceSpacingMm},
 * {@code sliceCount}.
 *
 * <p>Design note: these separate what a chest-CT model must not score from real chests: a blank
 * or saturated series has no lungs and extreme percentiles; a water bottle has no lungs and a
 * body of 0 HU; a head or abdomen has at most tiny air components. Every value is finite so that
 * the gate can score it: when the mask is empty, the "inside" percentiles and mean are taken over
 * the whole volume (and the lung fraction of 0 already flags the study). Percentiles come from a
 * 1-HU histogram over [-4096, 4095], exact to 1 HU, linear in the voxel count.
 *
 * <p>Stateless and thread-safe.
 */
public final class ChestCtStatistics {

    /** The statistic names, in output order. */
    public static final List<String> NAMES = List.of(
            "lungVolumeFraction", "lungVolumeMl", "lungComponentCount", "bodyVolumeFraction", "meanHuInsideLungMask",
            "huP05InsideLungMask", "huP50InsideLungMask", "huP95InsideLungMask", "huP50OutsideLungMask",
            "huP95OutsideLungMask", "fractionBelowMinus950Hu", "sliceSpacingMm", "sliceCount");

    private static final int HISTOGRAM_OFFSET = 4096;
    private static final int HISTOGRAM_SIZE = 8192;

    private ChestCtStatistics() {
    }

    /**
     * @param volume the HU volume, not modified
     * @param mask   its lung mask, not modified
     * @param config supplies {@code bodyThresholdHu}
     * @return the statistics in the documented order
     */
    public static List<InputStatistic> compute(CtVolume volume, LungMask mask,
            ChestCtPreprocessingConfig config) {
        short[] hu = volume.huValues();
        byte[] lung = mask.voxels();
        long[] inside = new long[HISTOGRAM_SIZE];
        long[] outside = new long[HISTOGRAM_SIZE];
        long bodyCount = 0;
        long belowMinus950 = 0;
        int bodyThreshold = config.bodyThresholdHu();
        for (int i = 0; i < hu.length; i++) {
            int value = hu[i];
            int bin = Math.max(0, Math.min(HISTOGRAM_SIZE - 1, value + HISTOGRAM_OFFSET));
            if (lung[i] != 0) {
                inside[bin]++;
            } else {
                outside[bin]++;
            }
            if (value > bodyThreshold) {
                bodyCount++;
            }
            if (value < -950) {
                belowMinus950++;
            }
        }
        double total = hu.length;
        long insideCount = mask.lungVoxelCount();
        long[] insideForStats = insideCount > 0 ? inside : sum(inside, outside);
        long[] outsideForStats = insideCount < hu.length ? outside : sum(inside, outside);
        return List.of(
                new InputStatistic("lungVolumeFraction", "fraction", insideCount / total),
                new InputStatistic("lungVolumeMl", "mL", insideCount * volume.voxelVolumeMl()),
                new InputStatistic("lungComponentCount", "count", mask.componentCount()),
                new InputStatistic("bodyVolumeFraction", "fraction", bodyCount / total),
                new InputStatistic("meanHuInsideLungMask", "HU", mean(insideForStats)),
                new InputStatistic("huP05InsideLungMask", "HU", percentile(insideForStats, 0.05)),
                new InputStatistic("huP50InsideLungMask", "HU", percentile(insideForStats, 0.50)),
                new InputStatistic("huP95InsideLungMask", "HU", percentile(insideForStats, 0.95)),
                new InputStatistic("huP50OutsideLungMask", "HU", percentile(outsideForStats, 0.50)),
                new InputStatistic("huP95OutsideLungMask", "HU", percentile(outsideForStats, 0.95)),
                new InputStatistic("fractionBelowMinus950Hu", "fraction", belowMinus950 / total),
                new InputStatistic("sliceSpacingMm", "mm", volume.sliceSpacingMm()),
                new InputStatistic("sliceCount", "count", volume.depth()));
    }

    private static long[] sum(long[] a, long[] b) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double mean(long[] histogram) {
        double sum = 0;
        long count = 0;
        for (int bin = 0; bin < histogram.length; bin++) {
            sum += (double) histogram[bin] * (bin - HISTOGRAM_OFFSET);
            count += histogram[bin];
        }
        return count == 0 ? 0 : sum / count;
    }

    /** @return the smallest HU whose cumulative count reaches {@code fraction} of the total */
    private static double percentile(long[] histogram, double fraction) {
        long count = 0;
        for (long c : histogram) {
            count += c;
        }
        if (count == 0) {
            return 0;
        }
        long target = Math.max(1, (long) Math.ceil(fraction * count));
        long cumulative = 0;
        for (int bin = 0; bin < histogram.length; bin++) {
            cumulative += histogram[bin];
            if (cumulative >= target) {
                return bin - HISTOGRAM_OFFSET;
            }
        }
        return HISTOGRAM_SIZE - 1 - HISTOGRAM_OFFSET;
    }
}
