package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.preprocess.AreaResampler;
import org.dicomguard.core.preprocess.CropBox;

import java.util.Arrays;

/**
 * Chest radiograph preprocessing: grayscale pipeline ({@link ChestXrayGrayscale}), a reduced
 * working image, collimation and lung-field masks ({@link ChestXrayLungFields}), crop to the
 * lung fields with a margin, area resampling of the original pixels to the model grid, and
 * normalization by percentiles inside the lung mask (values clamped to [0, 1]).
 *
 * <p>Design note: the masks are computed at {@code maskWorkingGridPixels} (a 3000-pixel image
 * reduced 12 times) because the lung fields are large smooth shapes; the tensor itself is
 * resampled from the original pixels, so small findings keep their contrast. Not thread-safe
 * (keeps a resampler with scratch buffers); use one instance per thread.
 */
public final class ChestXrayPreprocessor {

    private final ChestXrayPreprocessingConfig config;
    private final AreaResampler resampler = new AreaResampler();

    /** @param config settings; not null */
    public ChestXrayPreprocessor(ChestXrayPreprocessingConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /** @return the config */
    public ChestXrayPreprocessingConfig config() {
        return config;
    }

    /**
     * @param input the image, not modified
     * @return the tensor, masks and statistics
     */
    public ChestXrayPreprocessed preprocess(ChestXrayImageInput input) {
        float[] table = ChestXrayGrayscale.table(input);
        short[] stored = input.storedValues();
        int rows = input.rows();
        int columns = input.columns();
        double scale = Math.min(1.0, (double) config.maskWorkingGridPixels() / Math.max(rows, columns));
        int wRows = Math.max(1, (int) Math.round(rows * scale));
        int wColumns = Math.max(1, (int) Math.round(columns * scale));
        float[] working = new float[wRows * wColumns];
        resampler.resample((row, into) -> lookupRow(stored, table, columns, row, 0, columns, into), rows, columns,
                working, wRows, wColumns);
        double spacingRowMm = input.pixelSpacingRowMm() * rows / wRows;
        double spacingColumnMm = input.pixelSpacingColumnMm() * columns / wColumns;
        ChestXrayLungFields.Masks masks = ChestXrayLungFields.segment(working, wRows, wColumns,
                (spacingRowMm + spacingColumnMm) / 2, config);

        int height = config.modelInputHeightPixels();
        int width = config.modelInputWidthPixels();
        float[] tensor = new float[height * width];
        CropBox lungBox = boundingBox(masks.lungMask(), wRows, wColumns);
        if (masks.lungComponents() == 0 || lungBox == null) {
            CropBox none = new CropBox(0, 0, wRows, wColumns);
            return new ChestXrayPreprocessed(false, tensor, height, width, wRows, wColumns, working, masks, none,
                    new CropBox(0, 0, rows, columns), ChestXrayStatistics.compute(new ChestXrayStatistics.Inputs(
                            working, wRows, wColumns, spacingRowMm, spacingColumnMm, masks, tensor, height, width)));
        }
        CropBox cropWorking = withMargin(lungBox, masks.field());
        int r0 = (int) Math.floor(cropWorking.rowStart() * (double) rows / wRows);
        int r1 = Math.min(rows, (int) Math.ceil(cropWorking.rowEnd() * (double) rows / wRows));
        int c0 = (int) Math.floor(cropWorking.columnStart() * (double) columns / wColumns);
        int c1 = Math.min(columns, (int) Math.ceil(cropWorking.columnEnd() * (double) columns / wColumns));
        CropBox cropImage = new CropBox(r0, c0, r1 - r0, c1 - c0);
        resampler.resample((row, into) -> lookupRow(stored, table, columns, r0 + row, c0, c1 - c0, into),
                r1 - r0, c1 - c0, tensor, height, width);
        normalizeInsideMask(tensor, height, width, masks.lungMask(), wColumns, cropWorking);
        return new ChestXrayPreprocessed(true, tensor, height, width, wRows, wColumns, working, masks, cropWorking,
                cropImage, ChestXrayStatistics.compute(new ChestXrayStatistics.Inputs(working, wRows, wColumns,
                spacingRowMm, spacingColumnMm, masks, tensor, height, width)));
    }

    private static void lookupRow(short[] stored, float[] table, int columns, int row, int column, int count,
                                  float[] into) {
        int base = row * columns + column;
        for (int j = 0; j < count; j++) {
            into[j] = table[stored[base + j] & 0xFFFF];
        }
    }

    private CropBox withMargin(CropBox box, CropBox field) {
        int marginRows = (int) Math.round(config.cropMarginFraction() * box.rowCount());
        int marginColumns = (int) Math.round(config.cropMarginFraction() * box.columnCount());
        int r0 = Math.max(field.rowStart(), box.rowStart() - marginRows);
        int r1 = Math.min(field.rowEnd(), box.rowEnd() + marginRows);
        int c0 = Math.max(field.columnStart(), box.columnStart() - marginColumns);
        int c1 = Math.min(field.columnEnd(), box.columnEnd() + marginColumns);
        return new CropBox(r0, c0, r1 - r0, c1 - c0);
    }

    /** @return the bounding box of the set pixels; null when none is set */
    static CropBox boundingBox(byte[] mask, int rows, int columns) {
        int r0 = rows;
        int r1 = -1;
        int c0 = columns;
        int c1 = -1;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (mask[r * columns + c] != 0) {
                    r0 = Math.min(r0, r);
                    r1 = Math.max(r1, r);
                    c0 = Math.min(c0, c);
                    c1 = Math.max(c1, c);
                }
            }
        }
        return r1 < 0 ? null : new CropBox(r0, c0, r1 - r0 + 1, c1 - c0 + 1);
    }

    /**
     * Maps the low/high percentiles of the tensor pixels that fall in the lung mask (nearest working
     * pixel) to 0 and 1, clamping outside values.
     */
    private void normalizeInsideMask(float[] tensor, int height, int width, byte[] lungMask, int wColumns,
                                     CropBox crop) {
        float[] inside = new float[tensor.length];
        byte[] lungOnGrid = maskOnTensorGrid(lungMask, wColumns, crop, height, width);
        int n = 0;
        for (int k = 0; k < tensor.length; k++) {
            if (lungOnGrid[k] != 0) {
                inside[n++] = tensor[k];
            }
        }
        if (n == 0) {
            return;
        }
        Arrays.sort(inside, 0, n);
        float low = inside[Math.min(n - 1, (int) (config.normalizationLowPercentile() / 100 * n))];
        float high = inside[Math.min(n - 1, (int) (config.normalizationHighPercentile() / 100 * n))];
        float span = high > low ? high - low : 1e-6f;
        for (int k = 0; k < tensor.length; k++) {
            tensor[k] = Math.max(0f, Math.min(1f, (tensor[k] - low) / span));
        }
    }

    /**
     * A working-image mask sampled at the centers of the tensor's pixels (nearest working pixel):
     * the pixels normalization counts as lung, and the organ mask occlusion tests use.
     *
     * @param workingMask 0/1 per working pixel
     * @param wColumns    working image columns
     * @param crop        the crop in working pixels that was resampled into the tensor
     * @param height      tensor height
     * @param width       tensor width
     * @return height*width values, 1 where the mask holds
     */
    static byte[] maskOnTensorGrid(byte[] workingMask, int wColumns, CropBox crop, int height, int width) {
        byte[] grid = new byte[height * width];
        for (int i = 0; i < height; i++) {
            int wr = crop.nearestRow(i, height);
            for (int j = 0; j < width; j++) {
                grid[i * width + j] = workingMask[wr * wColumns + crop.nearestColumn(j, width)] != 0 ? (byte) 1 : 0;
            }
        }
        return grid;
    }
}
