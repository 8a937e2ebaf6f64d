package org.dicomguard.core.task.chestct;

import org.dicomguard.core.preprocess.InputStatistic;
import java.util.List;
import java.util.Objects;

/**
 * The output of chest-CT preprocessing: the model input tensor, the lung mask and crop box it came
 * from (for overlays and review), the named input statistics and the config fingerprint.
 *
 * <p>The arrays are not copied: callers must not modify them.
 *
 * @param tensor            lung-windowed HU in [0, 1], shape (depth, height, width), index {@code (z * height + y) * width + x}
 * @param tensorDepth       D of the tensor (config {@code targetGridDepthVoxels})
 * @param tensorHeight      H of the tensor (config {@code targetGridHeightVoxels})
 * @param tensorWidth       W of the tensor (config {@code targetGridWidthVoxels})
 * @param lungMask          the lung mask on the assembled volume's grid
 * @param cropBox           the voxel box of the assembled volume that was resampled into the tensor
 * @param statistics        named input statistics in a fixed order (see {@link ChestCtStatistics})
 * @param configFingerprint fingerprint of the config that produced this result
 */
public record ChestCtPreprocessingResult(
        float[] tensor,
        int tensorDepth,
        int tensorHeight,
        int tensorWidth,
        LungMask lungMask,
        CtBox cropBox,
        List<InputStatistic> statistics,
        String configFingerprint) {

    /** Validates sizes and copies the statistics list. */
    public ChestCtPreprocessingResult {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(lungMask, "lungMask");
        Objects.requireNonNull(cropBox, "cropBox");
        Objects.requireNonNull(configFingerprint, "configFingerprint");
        statistics = List.copyOf(statistics);
        if ((long) tensorDepth * tensorHeight * tensorWidth != tensor.length) {
            throw new IllegalArgumentException("tensor must have " + (long) tensorDepth * tensorHeight * tensorWidth
                    + " entries, got " + tensor.length);
        }
    }

    /**
     * @param name a statistic name
     * @return its value
     * @throws IllegalArgumentException if there is no statistic of that name
     */
    public double statistic(String name) {
        for (InputStatistic s : statistics) {
            if (s.name().equals(name)) {
                return s.value();
            }
        }
        throw new IllegalArgumentException("no statistic named '" + name + "'");
    }

    /**
     * @return the lung mask sampled at the tensor's voxel centers, in the tensor's layout (1 inside
     *         the lungs); a new array
     */
    public byte[] lungMaskOnTensorGrid() {
        return ChestCtPreprocessor.lungMaskOnTensorGrid(this);
    }
}
