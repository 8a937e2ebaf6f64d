package org.dicomguard.core.preprocess;

import java.util.List;

/**
 * The result of preprocessing one mammography image.
 *
 * <p>The arrays are owned by this result (freshly allocated per image, never shared with the
 * preprocessor's scratch buffers) and not copied again: treat them as read-only.
 *
 * @param tensorChw              model input, channels x height x width, row-major, values in [0, 1],
 *                               0 outside the breast, chest wall on the configured side
 * @param channels               number of channels, always 1
 * @param heightPixels           tensor height
 * @param widthPixels            tensor width
 * @param breastMask             breast mask in original image orientation, rows*columns, 1 = breast
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
        byte[] breastMask,
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
        if (breastMask.length != maskRows * maskColumns) {
            throw new IllegalArgumentException("breastMask must hold maskRows*maskColumns=" + maskRows * maskColumns
                    + " values, got " + breastMask.length);
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

    /** @return the tensor shape as {1, channels, height, width}, the batch layout of the model input */
    public long[] batchShape() {
        return new long[] {1, channels, heightPixels, widthPixels};
    }
}
