package org.dicomguard.core.preprocess;

/**
 * Separable area-averaging resampler (box filter with fractional edge weights).
 *
 * <p>Design note: downscaling a 3000-pixel crop to 256 pixels with bilinear sampling would alias
 * calcification-sized detail away at random; averaging every source pixel by its overlap with the
 * destination pixel keeps small bright objects visible and is exact for constant regions. When
 * upsampling, each destination pixel lies inside one source pixel and the result equals
 * nearest-neighbour. Weights depend only on the sizes, so they are computed once per axis.
 *
 * <p>Not thread-safe: instances keep scratch arrays.
 */
public final class AreaResampler {

    private float[] rowBuffer = new float[0];
    private float[] passedRow = new float[0];

    /** Per destination index: first source index, number of sources, and their weights. */
    static final class AxisWeights {
        final int[] first;
        final int[] count;
        final float[] weights;
        final int maxCount;

        AxisWeights(int sourceLength, int destinationLength) {
            first = new int[destinationLength];
            count = new int[destinationLength];
            double scale = (double) sourceLength / destinationLength;
            int max = 0;
            for (int j = 0; j < destinationLength; j++) {
                double begin = j * scale;
                double end = (j + 1) * scale;
                int s0 = (int) Math.floor(begin);
                int s1 = Math.min(sourceLength, (int) Math.ceil(end));
                first[j] = s0;
                count[j] = Math.max(1, s1 - s0);
                max = Math.max(max, count[j]);
            }
            maxCount = max;
            weights = new float[destinationLength * max];
            for (int j = 0; j < destinationLength; j++) {
                double begin = j * scale;
                double end = (j + 1) * scale;
                for (int k = 0; k < count[j]; k++) {
                    int s = first[j] + k;
                    double overlap = Math.min(end, s + 1) - Math.max(begin, s);
                    weights[j * max + k] = (float) (overlap / scale);
                }
            }
        }
    }

    /** Supplies one source row of the region being resampled. */
    public interface RowSource {
        /**
         * @param row  row index inside the region, 0-based
         * @param into destination for the region's width values, overwritten
         */
        void row(int row, float[] into);
    }

    /**
     * @param source       the region's rows, each {@code sourceWidth} values
     * @param sourceHeight region height, &gt;= 1
     * @param sourceWidth  region width, &gt;= 1
     * @param out          destination, height*width values, overwritten
     */
    public void resample(RowSource source, int sourceHeight, int sourceWidth, float[] out, int height, int width) {
        AxisWeights horizontal = new AxisWeights(sourceWidth, width);
        AxisWeights vertical = new AxisWeights(sourceHeight, height);
        if (rowBuffer.length < sourceWidth) {
            rowBuffer = new float[sourceWidth];
        }
        if (passedRow.length < width) {
            passedRow = new float[width];
        }
        java.util.Arrays.fill(out, 0, height * width, 0f);
        // Destination rows gather consecutive source rows, and a source row on a fractional edge
        // belongs to two destination rows (or to many when upsampling): the last source row's
        // horizontal pass is kept, so every source row is fetched and passed once.
        int passedRowIndex = -1;
        for (int i = 0; i < height; i++) {
            int outOffset = i * width;
            for (int k = 0; k < vertical.count[i]; k++) {
                int sourceRow = vertical.first[i] + k;
                float rowWeight = vertical.weights[i * vertical.maxCount + k];
                if (sourceRow != passedRowIndex) {
                    source.row(sourceRow, rowBuffer);
                    horizontalPass(horizontal, rowBuffer, passedRow, width);
                    passedRowIndex = sourceRow;
                }
                if (rowWeight == 0f) {
                    continue;
                }
                for (int j = 0; j < width; j++) {
                    out[outOffset + j] += rowWeight * passedRow[j];
                }
            }
        }
    }

    private static void horizontalPass(AxisWeights weights, float[] row, float[] into, int width) {
        for (int j = 0; j < width; j++) {
            int first = weights.first[j];
            int base = j * weights.maxCount;
            float sum = 0f;
            for (int k = 0; k < weights.count[j]; k++) {
                sum += weights.weights[base + k] * row[first + k];
            }
            into[j] = sum;
        }
    }
}
