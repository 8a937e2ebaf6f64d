package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.preprocess.CtBinaryMorphology;
import org.dicomguard.core.preprocess.CtConnectedComponents;
import org.dicomguard.core.preprocess.HistogramMath;

/**
 * Collimation and lung-field masks of a chest radiograph, computed on a reduced working image of
 * presentation fractions (0 dark, 1 bright).
 *
 * <p>Design note (classical, after Armato et al. 1998 and van Ginneken et al. 2006, simplified):
 * <ol>
 * <li>collimation and border: rows and columns at the image edges that are almost all unexposed
 *     (bright shutter or white border) are stripped, up to a bound per side. Dark lines are not:
 *     a column beside the patient is all direct exposure, and air is what step 2 needs;</li>
 * <li>body from air: Otsu (1979) on the field splits dark from bright; dark pixels connected to
 *     the field border are the air around the patient, everything else (holes filled) the body;</li>
 * <li>lungs: Otsu on the body's pixels splits aerated lung from soft tissue and bone; the dark
 *     components inside the body of at least a set part of its area are candidates, and the two
 *     largest are the lung fields;</li>
 * <li>a closing bridges ribs, clavicles and vessels, hole filling takes in nodules and
 *     consolidation, and the result is kept inside the body.</li>
 * </ol>
 * The morphology and components are guard-core's CT helpers run on a one-slice volume. Stateless
 * and thread-safe.
 */
public final class ChestXrayLungFields {

    private static final int BINS = 1024;
    private static final int GUARD_PIXELS = 2;

    private ChestXrayLungFields() {
    }

    /**
     * The masks of one working image.
     *
     * @param field          the field left after collimation and border removal, in working pixels
     * @param bodyMask       0/1 per working pixel: body (outside the field: 0)
     * @param lungMask       0/1 per working pixel: lung fields (outside the field: 0)
     * @param lungComponents number of lung components kept: 0, 1 or 2
     * @param lungAreas      areas of the kept components in working pixels, largest first (two entries, 0 when absent)
     */
    public record Masks(CropBox field, byte[] bodyMask, byte[] lungMask, int lungComponents, long[] lungAreas) {
    }

    /**
     * @param image          presentation fractions, rows*columns, not modified
     * @param rows           working rows
     * @param columns        working columns
     * @param pixelSpacingMm working pixel size in mm (mean of both directions)
     * @param config         thresholds and radii
     * @return the masks
     */
    public static Masks segment(float[] image, int rows, int columns, double pixelSpacingMm,
                                ChestXrayPreprocessingConfig config) {
        CropBox field = field(image, rows, columns, config);
        int fh = field.rowCount();
        int fw = field.columnCount();
        float[] f = new float[fh * fw];
        for (int r = 0; r < fh; r++) {
            System.arraycopy(image, (field.rowStart() + r) * columns + field.columnStart(), f, r * fw, fw);
        }
        int[] histogram = new int[BINS];
        for (float v : f) {
            histogram[bin(v)]++;
        }
        int airThreshold = HistogramMath.otsu(histogram, BINS);
        byte[] dark = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            dark[i] = (byte) (bin(f[i]) <= airThreshold ? 1 : 0);
        }
        byte[] outside = CtConnectedComponents.reachableFromInPlaneBorder(dark, 1, fh, fw);
        byte[] body = new byte[f.length];
        int[] bodyHistogram = new int[BINS];
        long bodyArea = 0;
        for (int i = 0; i < f.length; i++) {
            body[i] = (byte) (1 - outside[i]);
        }
        CtBinaryMorphology.fillHolesPerSlice(body, 1, fh, fw);
        for (int i = 0; i < f.length; i++) {
            if (body[i] != 0) {
                bodyHistogram[bin(f[i])]++;
                bodyArea++;
            }
        }
        byte[] lungs = new byte[f.length];
        long[] areas = new long[2];
        int kept = 0;
        if (bodyArea > 0) {
            int lungThreshold = HistogramMath.otsu(bodyHistogram, BINS);
            byte[] candidates = new byte[f.length];
            for (int i = 0; i < f.length; i++) {
                candidates[i] = (byte) (body[i] != 0 && outside[i] == 0 && bin(f[i]) <= lungThreshold ? 1 : 0);
            }
            long[][] components = CtConnectedComponents.componentsBySize(candidates, 1, fh, fw);
            int[] seeds = new int[2];
            for (long[] c : components) {
                if (kept == 2 || c[1] < config.minLungComponentAreaFractionOfBody() * bodyArea) {
                    break;
                }
                seeds[kept] = (int) c[0];
                areas[kept] = c[1];
                kept++;
            }
            if (kept > 0) {
                lungs = CtConnectedComponents.keepComponents(candidates, 1, fh, fw, java.util.Arrays.copyOf(seeds, kept));
                int radius = (int) Math.round(config.lungClosingRadiusMm() / pixelSpacingMm);
                if (radius > 0) {
                    lungs = CtBinaryMorphology.erode(CtBinaryMorphology.dilate(lungs, 1, fh, fw, 0, radius, radius),
                            1, fh, fw, 0, radius, radius);
                }
                CtBinaryMorphology.fillHolesPerSlice(lungs, 1, fh, fw);
                for (int i = 0; i < f.length; i++) {
                    lungs[i] &= body[i];
                }
            }
        }
        return new Masks(field, place(body, field, rows, columns), place(lungs, field, rows, columns), kept, areas);
    }

    private static int bin(float v) {
        return Math.max(0, Math.min(BINS - 1, (int) (v * BINS)));
    }

    private static byte[] place(byte[] inField, CropBox field, int rows, int columns) {
        byte[] out = new byte[rows * columns];
        for (int r = 0; r < field.rowCount(); r++) {
            System.arraycopy(inField, r * field.columnCount(), out, (field.rowStart() + r) * columns + field.columnStart(),
                    field.columnCount());
        }
        return out;
    }

    /** The box left after stripping flat (unexposed or padding) lines from each side. */
    static CropBox field(float[] image, int rows, int columns, ChestXrayPreprocessingConfig config) {
        double high = config.collimationUnexposedPresentationFraction();
        double low = Double.NEGATIVE_INFINITY;
        double coverage = config.collimationLineCoverageFraction();
        int maxRows = (int) (config.collimationMaxStripFraction() * rows);
        int maxColumns = (int) (config.collimationMaxStripFraction() * columns);
        int top = 0;
        int bottom = rows;
        int left = 0;
        int right = columns;
        while (top < maxRows && flatRow(image, columns, top, left, right, low, high, coverage)) {
            top++;
        }
        while (rows - bottom < maxRows && flatRow(image, columns, bottom - 1, left, right, low, high, coverage)) {
            bottom--;
        }
        while (left < maxColumns && flatColumn(image, columns, left, top, bottom, low, high, coverage)) {
            left++;
        }
        while (columns - right < maxColumns && flatColumn(image, columns, right - 1, top, bottom, low, high, coverage)) {
            right--;
        }
        // Two more lines on every side: a shutter edge averaged into a working pixel is neither
        // unexposed nor air and would wall the air off from the border the body step floods from.
        int guard = Math.min(GUARD_PIXELS, Math.min((bottom - top) / 4, (right - left) / 4));
        return new CropBox(top + guard, left + guard, bottom - top - 2 * guard, right - left - 2 * guard);
    }

    private static boolean flatRow(float[] image, int columns, int row, int from, int to, double low, double high,
                                   double coverage) {
        int flat = 0;
        for (int c = from; c < to; c++) {
            float v = image[row * columns + c];
            if (v >= high || v <= low) {
                flat++;
            }
        }
        return flat >= coverage * (to - from);
    }

    private static boolean flatColumn(float[] image, int columns, int column, int from, int to, double low, double high,
                                      double coverage) {
        int flat = 0;
        for (int r = from; r < to; r++) {
            float v = image[r * columns + column];
            if (v >= high || v <= low) {
                flat++;
            }
        }
        return flat >= coverage * (to - from);
    }
}
