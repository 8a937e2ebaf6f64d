package org.dicomguard.core.task.mammography;

import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.preprocess.InputStatistic;
import java.util.Arrays;
import java.util.List;

/**
 * The result of preprocessing one mammography image.
 *
 * <p>The arrays are owned by this result (freshly allocated per image, never shared with the
 * preprocessor's scratch buffers) and not copied again: treat them as read-only. The breast mask
 * is kept as runs (a few per row), not as a byte per pixel: {@link #breastMask()} expands it for
 * overlays and tests, so the Pipeline never allocates a full-size mask per image.
 *
 * @param tensorChw              model input, channels x height x width, row-major, values in [0, 1],
 *                               0 outside the breast, chest wall on the configured side
 * @param channels               number of channels, always 1
 * @param heightPixels           tensor height
 * @param widthPixels            tensor width
 * @param breastMaskRuns         breast mask in original image orientation as horizontal runs, three
 *                               ints each (row, first column, end column exclusive), in row order
 * @param maskRows               rows of the mask (= image rows)
 * @param maskColumns            columns of the mask (= image columns)
 * @param cropBox                region of the original image that was resampled into the tensor
 * @param flippedHorizontally    whether the crop was mirrored to put the chest wall on the configured side
 * @param breastFound            false when the mask is empty (blank or saturated input); the tensor is then all 0
 * @param statistics             named input statistics in a fixed order, see {@link MammographyStatistics}
 */
public record MammographyPreprocessed(
        float[] tensorChw,
        int channels,
        int heightPixels,
        int widthPixels,
        int[] breastMaskRuns,
        int maskRows,
        int maskColumns,
        CropBox cropBox,
        boolean flippedHorizontally,
        boolean breastFound,
        List<InputStatistic> statistics) {

    /** Validates sizes and copies the statistics list. */
    public MammographyPreprocessed {
        if (tensorChw.length != channels * heightPixels * widthPixels) {
            throw new IllegalArgumentException("tensorChw must hold channels*height*width="
                    + channels * heightPixels * widthPixels + " values, got " + tensorChw.length);
        }
        if (breastMaskRuns.length % 3 != 0) {
            throw new IllegalArgumentException("breastMaskRuns must hold (row, start, end) triples, got "
                    + breastMaskRuns.length + " ints");
        }
        for (int i = 0; i < breastMaskRuns.length; i += 3) {
            int row = breastMaskRuns[i];
            if (row < 0 || row >= maskRows || breastMaskRuns[i + 1] < 0 || breastMaskRuns[i + 1] >= breastMaskRuns[i + 2]
                    || breastMaskRuns[i + 2] > maskColumns) {
                throw new IllegalArgumentException("breast mask run " + i / 3 + " (row " + row + ", columns "
                        + breastMaskRuns[i + 1] + ".." + breastMaskRuns[i + 2] + ") is outside " + maskRows + "x"
                        + maskColumns);
            }
        }
        statistics = List.copyOf(statistics);
    }

    /**
     * @param name statistic name, e.g. "maskAreaFraction"
     * @return its value
     * @throws IllegalArgumentException when there is no statistic of that name
     */
    public double statistic(String name) {
        for (InputStatistic statistic : statistics) {
            if (statistic.name().equals(name)) {
                return statistic.value();
            }
        }
        throw new IllegalArgumentException("no statistic named " + name);
    }

    /** @return a new rows*columns array, 1 inside the breast mask and 0 outside */
    public byte[] breastMask() {
        byte[] mask = new byte[maskRows * maskColumns];
        for (int i = 0; i < breastMaskRuns.length; i += 3) {
            int offset = breastMaskRuns[i] * maskColumns;
            Arrays.fill(mask, offset + breastMaskRuns[i + 1], offset + breastMaskRuns[i + 2], (byte) 1);
        }
        return mask;
    }

    /** @return the tensor shape as {1, channels, height, width}, the batch layout of the model input */
    public long[] batchShape() {
        return new long[] {1, channels, heightPixels, widthPixels};
    }

    /**
     * The breast mask sampled at the centers of the tensor's pixels (nearest image pixel of the
     * crop, mirrored as the tensor is): the organ mask occlusion tests use.
     *
     * @return heightPixels*widthPixels values, 1 inside the breast; all 0 when no breast was found
     */
    public byte[] breastMaskOnTensorGrid() {
        byte[] grid = new byte[heightPixels * widthPixels];
        if (!breastFound) {
            return grid;
        }
        int[] firstRun = new int[maskRows + 1];
        Arrays.fill(firstRun, breastMaskRuns.length / 3);
        for (int i = breastMaskRuns.length / 3 - 1; i >= 0; i--) {
            firstRun[breastMaskRuns[3 * i]] = i;
        }
        for (int r = maskRows - 1; r >= 0; r--) {
            firstRun[r] = Math.min(firstRun[r], firstRun[r + 1]);
        }
        for (int y = 0; y < heightPixels; y++) {
            int row = cropBox.nearestRow(y, heightPixels);
            for (int x = 0; x < widthPixels; x++) {
                int column = cropBox.nearestColumn(flippedHorizontally ? widthPixels - 1 - x : x, widthPixels);
                for (int run = firstRun[row]; run < firstRun[row + 1]; run++) {
                    if (column >= breastMaskRuns[3 * run + 1] && column < breastMaskRuns[3 * run + 2]) {
                        grid[y * widthPixels + x] = 1;
                        break;
                    }
                }
            }
        }
        return grid;
    }
}
