package org.dicomguard.core.task.mammography;

import org.dicomguard.core.preprocess.AreaResampler;
import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.preprocess.HistogramMath;
import org.dicomguard.core.preprocess.PresentationValues;
import java.util.Arrays;

/**
 * Mammography preprocessing: presentation mapping (MONOCHROME1 inversion, rescale sign), breast mask,
 * orientation, crop, area resampling, normalization and input statistics.
 *
 * <p>Steps, each linear in the pixel count and working on primitive arrays:
 * <ol>
 *   <li>Stored values map through a 65536-entry lookup table to presentation values in
 *       [0, 2^BitsStored - 1] where high means dense (MONOCHROME1 and negative slopes are inverted).
 *       Rescale is linear, and every later intensity decision is a percentile of this image, so the
 *       slope's magnitude and the intercept cancel out; only its sign matters.</li>
 *   <li>Breast mask: a threshold from the histogram ({@link BreastMaskThresholdMethod}), the largest
 *       4-connected component (which drops burned-in side markers and labels in the air), hole
 *       filling.</li>
 *   <li>Orientation: the side holding more mask area is the chest wall; the crop is mirrored so the
 *       chest wall ends on {@link MammographyPreprocessingConfig#canonicalChestWallSide()}.</li>
 *   <li>Crop to the mask bounding box plus margin; values inside the mask are normalized so that the
 *       configured low/high percentiles inside the mask map to 0 and 1 (clipped), outside the mask
 *       0; area-averaged to the model input size.</li>
 * </ol>
 *
 * <p>Thread-safety: NOT thread-safe. An instance keeps scratch buffers (lookup tables, histograms,
 * run lists) that are reused across images to avoid allocating per image; use one instance per
 * thread (instances are cheap, under 1 MB). Results never share arrays with the scratch buffers.
 */
public final class MammographyPreprocessor {

    private static final int LUT_SIZE = 65536;

    private final MammographyPreprocessingConfig config;
    private final char[] presentationLut = new char[LUT_SIZE];
    private final byte[] foregroundLut = new byte[LUT_SIZE];
    private final float[] normalizedLut = new float[LUT_SIZE];
    private final int[] rawHistogram = new int[LUT_SIZE];
    private final int[] histogram = new int[LUT_SIZE];
    private final int[] insideRawHistogram = new int[LUT_SIZE];
    private final int[] insideHistogram = new int[LUT_SIZE];
    private final RunLengthMask mask = new RunLengthMask();
    private final RunLengthMask holes = new RunLengthMask();
    private final AreaResampler resampler = new AreaResampler();
    /** The band of table indexes the last image used: both raw histograms are 0 outside it. */
    private int usedLow;
    private int usedHigh = LUT_SIZE - 1;

    /** @param config validated preprocessing settings */
    public MammographyPreprocessor(MammographyPreprocessingConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
    }

    /** @return the configuration this preprocessor applies */
    public MammographyPreprocessingConfig config() {
        return config;
    }

    /**
     * Preprocesses one image. Never fails for a valid input record: an image without a breast
     * (blank, saturated) gives {@code breastFound == false}, an all-zero tensor and statistics that
     * the OOD gate rejects.
     *
     * @param input the image, not modified
     * @return a result that owns its arrays
     */
    public MammographyPreprocessed preprocess(MammographyImageInput input) {
        int rows = input.rows();
        int columns = input.columns();
        short[] stored = input.storedValues();
        int maxValue = (1 << input.bitsStored()) - 1;

        // Tables are indexed by the 16-bit stored value, but an image uses a narrow band of them
        // (a 14-bit mammogram at most a quarter): only the band [low, high] found while counting
        // is filled and read, and only the previous image's band is cleared, so the fixed cost
        // per image and the scratch memory it touches follow the image's value range.
        Arrays.fill(rawHistogram, usedLow, usedHigh + 1, 0);
        Arrays.fill(insideRawHistogram, usedLow, usedHigh + 1, 0);
        int low = LUT_SIZE - 1;
        int high = 0;
        for (short value : stored) {
            int raw = value & 0xFFFF;
            rawHistogram[raw]++;
            low = Math.min(low, raw);
            high = Math.max(high, raw);
        }
        if (stored.length == 0) {
            low = 0;
            high = 0;
        }
        usedLow = low;
        usedHigh = high;
        PresentationValues.fillTable(input, presentationLut, low, high);
        mapHistogram(rawHistogram, histogram, maxValue, low, high);

        int threshold = threshold(maxValue);
        for (int raw = low; raw <= high; raw++) {
            foregroundLut[raw] = (byte) (presentationLut[raw] > threshold ? 1 : 0);
        }
        mask.threshold(stored, rows, columns, foregroundLut);
        mask.keepLargestComponent();
        mask.fillHoles(holes);

        MaskGeometry geometry = MaskGeometry.of(mask, rows, columns);

        for (int run = 0; run < mask.runCount(); run++) {
            int offset = mask.runRow(run) * columns;
            for (int i = offset + mask.runStart(run), end = offset + mask.runEnd(run); i < end; i++) {
                insideRawHistogram[stored[i] & 0xFFFF]++;
            }
        }
        mapHistogram(insideRawHistogram, insideHistogram, maxValue, low, high);
        int p1 = HistogramMath.percentile(insideHistogram, maxValue + 1, config.normalizationLowPercentile());
        int p2 = HistogramMath.percentile(insideHistogram, maxValue + 1, config.normalizationHighPercentile());
        float span = Math.max(1, p2 - p1);
        for (int raw = low; raw <= high; raw++) {
            float value = (presentationLut[raw] - p1) / span;
            normalizedLut[raw] = value < 0f ? 0f : (value > 1f ? 1f : value);
        }

        boolean chestWallRight = geometry.chestWallOnRight(input.imageLaterality());
        boolean flip = chestWallRight != (config.canonicalChestWallSide() == ChestWallSide.RIGHT);
        CropBox crop = geometry.cropBox(config.cropMarginFraction());
        int height = config.modelInputHeightPixels();
        int width = config.modelInputWidthPixels();
        float[] tensor = new float[height * width];
        if (geometry.area() > 0) {
            resampler.resample((row, into) -> maskedRow(stored, columns, crop, row, into),
                    crop.rowCount(), crop.columnCount(), tensor, height, width);
            // Float rounding of the area weights can give 1.0000001 for a block of ones; the tensor
            // contract is [0, 1].
            for (int i = 0; i < tensor.length; i++) {
                tensor[i] = Math.min(1f, Math.max(0f, tensor[i]));
            }
            if (flip) {
                mirrorRows(tensor, height, width);
            }
        }
        MammographyStatistics.Inputs statisticsInputs = new MammographyStatistics.Inputs(rows, columns,
                input.pixelSpacingRowMm(), input.pixelSpacingColumnMm(), maxValue, histogram, insideHistogram,
                geometry, chestWallRight, tensor, height, width);
        return new MammographyPreprocessed(tensor, 1, height, width, mask.toRunTriples(), rows, columns, crop, flip,
                geometry.area() > 0, MammographyStatistics.compute(statisticsInputs));
    }

    /** One crop row: normalized values inside the mask's runs of that image row, 0 elsewhere. */
    private void maskedRow(short[] stored, int columns, CropBox crop, int row, float[] into) {
        int imageRow = crop.rowStart() + row;
        int c0 = crop.columnStart();
        int c1 = c0 + crop.columnCount();
        Arrays.fill(into, 0, crop.columnCount(), 0f);
        int offset = imageRow * columns;
        for (int run = mask.firstRunOfRow(imageRow), end = mask.firstRunOfRow(imageRow + 1); run < end; run++) {
            for (int x = Math.max(c0, mask.runStart(run)), stop = Math.min(c1, mask.runEnd(run)); x < stop; x++) {
                into[x - c0] = normalizedLut[stored[offset + x] & 0xFFFF];
            }
        }
    }

    private int threshold(int maxValue) {
        if (config.breastMaskThresholdMethod() == BreastMaskThresholdMethod.OTSU) {
            return HistogramMath.otsu(histogram, maxValue + 1);
        }
        int p01 = HistogramMath.percentile(histogram, maxValue + 1, 1);
        int p99 = HistogramMath.percentile(histogram, maxValue + 1, 99);
        return p01 + (int) Math.floor(config.breastMaskBinarizationThresholdFraction() * (p99 - p01));
    }

    private void mapHistogram(int[] raw, int[] into, int maxValue, int low, int high) {
        Arrays.fill(into, 0, maxValue + 1, 0);
        for (int i = low; i <= high; i++) {
            if (raw[i] != 0) {
                into[presentationLut[i]] += raw[i];
            }
        }
    }

    private static void mirrorRows(float[] tensor, int height, int width) {
        for (int y = 0; y < height; y++) {
            int offset = y * width;
            for (int a = offset, b = offset + width - 1; a < b; a++, b--) {
                float swap = tensor[a];
                tensor[a] = tensor[b];
                tensor[b] = swap;
            }
        }
    }
}
