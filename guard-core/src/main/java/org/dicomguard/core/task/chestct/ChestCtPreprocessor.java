package org.dicomguard.core.task.chestct;

import java.util.List;
import java.util.Objects;

/**
 * Chest-CT preprocessing from slices to model input: series assembly ({@link CtSeriesAssembler}),
 * HU conversion, 3D lung mask ({@link LungMaskSegmenter}), crop to the lung bounding box plus
 * {@code cropMarginMm}, trilinear resampling to the target grid, lung window mapped to [0, 1],
 * and the input statistics ({@link ChestCtStatistics}).
 *
 * <p>Design note: the crop follows the lungs, so the model sees lungs at a similar scale whatever
 * the field of view; with an empty mask the whole volume is used and the statistics flag the
 * study. Resampling maps voxel centers to voxel centers ({@code src = (dst + 0.5) * scale - 0.5},
 * clamped at the edges), so a crop resampled to its own size is returned unchanged.
 *
 * <p>Immutable and thread-safe: one instance can serve concurrent studies; each call allocates
 * its own buffers.
 */
public final class ChestCtPreprocessor {

    private final ChestCtPreprocessingConfig config;
    private final String configFingerprint;

    /** @param config the validated preprocessing config */
    public ChestCtPreprocessor(ChestCtPreprocessingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.configFingerprint = config.sha256Fingerprint();
    }

    /** @return the config this preprocessor applies */
    public ChestCtPreprocessingConfig config() {
        return config;
    }

    /**
     * @param slices slices of one series in any order, not modified
     * @return tensor, mask, crop box and statistics
     * @throws SeriesAssemblyException if the slices do not form one evenly spaced volume
     */
    public ChestCtPreprocessingResult preprocess(List<CtSliceInput> slices) throws SeriesAssemblyException {
        return preprocess(CtSeriesAssembler.assemble(slices, config));
    }

    /**
     * @param volume an assembled HU volume, not modified
     * @return tensor, mask, crop box and statistics
     */
    public ChestCtPreprocessingResult preprocess(CtVolume volume) {
        Objects.requireNonNull(volume, "volume");
        LungMask mask = LungMaskSegmenter.segment(volume, config);
        CtBox crop = CtBox.boundingBox(mask.voxels(), volume.depth(), volume.height(), volume.width());
        if (!mask.isEmpty()) {
            crop = crop.expand(marginVoxels(volume.sliceSpacingMm()), marginVoxels(volume.rowSpacingMm()),
                    marginVoxels(volume.columnSpacingMm()), volume.depth(), volume.height(), volume.width());
        }
        float[] tensor = resampleWindowed(volume, crop);
        return new ChestCtPreprocessingResult(tensor, config.targetGridDepthVoxels(), config.targetGridHeightVoxels(),
                config.targetGridWidthVoxels(), mask, crop, ChestCtStatistics.compute(volume, mask, config),
                configFingerprint);
    }

    private int marginVoxels(double spacingMm) {
        return (int) Math.ceil(config.cropMarginMm() / spacingMm);
    }

    private float[] resampleWindowed(CtVolume volume, CtBox crop) {
        int outD = config.targetGridDepthVoxels();
        int outH = config.targetGridHeightVoxels();
        int outW = config.targetGridWidthVoxels();
        AxisMap mz = new AxisMap(crop.z0(), crop.depth(), outD);
        AxisMap my = new AxisMap(crop.y0(), crop.height(), outH);
        AxisMap mx = new AxisMap(crop.x0(), crop.width(), outW);
        short[] hu = volume.huValues();
        int h = volume.height();
        int w = volume.width();
        double low = config.lungWindowCenterHu() - config.lungWindowWidthHu() / 2;
        double width = config.lungWindowWidthHu();
        float[] out = new float[outD * outH * outW];
        int o = 0;
        for (int z = 0; z < outD; z++) {
            int za = mz.lower[z] * h;
            int zb = mz.upper[z] * h;
            double fz = mz.weight[z];
            for (int y = 0; y < outH; y++) {
                int ya = my.lower[y];
                int yb = my.upper[y];
                double fy = my.weight[y];
                int r00 = (za + ya) * w;
                int r01 = (za + yb) * w;
                int r10 = (zb + ya) * w;
                int r11 = (zb + yb) * w;
                for (int x = 0; x < outW; x++, o++) {
                    int xa = mx.lower[x];
                    int xb = mx.upper[x];
                    double fx = mx.weight[x];
                    double c00 = hu[r00 + xa] + fx * (hu[r00 + xb] - hu[r00 + xa]);
                    double c01 = hu[r01 + xa] + fx * (hu[r01 + xb] - hu[r01 + xa]);
                    double c10 = hu[r10 + xa] + fx * (hu[r10 + xb] - hu[r10 + xa]);
                    double c11 = hu[r11 + xa] + fx * (hu[r11 + xb] - hu[r11 + xa]);
                    double c0 = c00 + fy * (c01 - c00);
                    double c1 = c10 + fy * (c11 - c10);
                    double value = (c0 + fz * (c1 - c0) - low) / width;
                    out[o] = (float) Math.max(0, Math.min(1, value));
                }
            }
        }
        return out;
    }

    /**
     * The lung mask sampled at the tensor's voxel centers (the nearer of the two source voxels the
     * resampling blends, on each axis): the organ mask occlusion tests use.
     *
     * @param result a result of this class
     * @return depth*height*width values in the tensor's layout, 1 inside the lungs
     */
    static byte[] lungMaskOnTensorGrid(ChestCtPreprocessingResult result) {
        CtBox crop = result.cropBox();
        LungMask mask = result.lungMask();
        AxisMap mz = new AxisMap(crop.z0(), crop.depth(), result.tensorDepth());
        AxisMap my = new AxisMap(crop.y0(), crop.height(), result.tensorHeight());
        AxisMap mx = new AxisMap(crop.x0(), crop.width(), result.tensorWidth());
        byte[] voxels = mask.voxels();
        byte[] grid = new byte[result.tensor().length];
        int o = 0;
        for (int z = 0; z < result.tensorDepth(); z++) {
            int sz = mz.nearest(z);
            for (int y = 0; y < result.tensorHeight(); y++) {
                int row = (sz * mask.height() + my.nearest(y)) * mask.width();
                for (int x = 0; x < result.tensorWidth(); x++, o++) {
                    grid[o] = voxels[row + mx.nearest(x)] != 0 ? (byte) 1 : 0;
                }
            }
        }
        return grid;
    }

    /** Source neighbours and weight of each target index along one axis (voxel centers aligned). */
    private static final class AxisMap {
        final int[] lower;
        final int[] upper;
        final double[] weight;

        AxisMap(int start, int length, int targetLength) {
            lower = new int[targetLength];
            upper = new int[targetLength];
            weight = new double[targetLength];
            double scale = (double) length / targetLength;
            for (int i = 0; i < targetLength; i++) {
                double source = Math.max(0, Math.min(length - 1, (i + 0.5) * scale - 0.5));
                int a = (int) Math.floor(source);
                int b = Math.min(length - 1, a + 1);
                lower[i] = start + a;
                upper[i] = start + b;
                weight[i] = source - a;
            }
        }

        int nearest(int i) {
            return weight[i] < 0.5 ? lower[i] : upper[i];
        }
    }
}
