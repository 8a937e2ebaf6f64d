package org.dicomguard.core.synthetic;

/**
 * Size and content options of the synthetic chest-CT generator. The anatomy is defined in
 * millimetres, so a smaller grid shows the same patient at coarser spacing: pixel spacing is
 * {@code fieldOfViewMm / columns} and slice spacing {@code scanLengthMm / sliceCount}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rows                        rows per slice; default 512, range [32, 1024]
 * @param columns                     columns per slice; default 512, range [32, 1024]
 * @param sliceCount                  slices per series; default 96, range [8, 1024]
 * @param fieldOfViewMm               reconstruction diameter; default 360, range [250, 500]
 * @param scanLengthMm                extent along the body axis; default 240, range [180, 400]
 * @param pathologyPrevalenceFraction probability that each pathology label is present; default 0.5, range [0, 1]
 * @param noiseSigmaHu                standard deviation of the image noise; default 20, range [0, 200]
 * @param scannerProfilesDrawn        draw a {@link ChestCtScannerProfile} per study (slice spacing, slice
 *                                    count, field of view, noise, kernel), which then replaces
 *                                    {@code sliceCount}, {@code fieldOfViewMm} and {@code scanLengthMm};
 *                                    true for {@link #realistic()}
 */
public record ChestCtSyntheticOptions(
        int rows,
        int columns,
        int sliceCount,
        double fieldOfViewMm,
        double scanLengthMm,
        double pathologyPrevalenceFraction,
        double noiseSigmaHu,
        boolean scannerProfilesDrawn) {

    /** Validates every component; messages name the field, the value and the allowed range. */
    public ChestCtSyntheticOptions {
        check("rows", rows, 32, 1024);
        check("columns", columns, 32, 1024);
        check("sliceCount", sliceCount, 8, 1024);
        check("fieldOfViewMm", fieldOfViewMm, 250, 500);
        check("scanLengthMm", scanLengthMm, 180, 400);
        check("pathologyPrevalenceFraction", pathologyPrevalenceFraction, 0, 1);
        check("noiseSigmaHu", noiseSigmaHu, 0, 200);
    }

    /**
     * Options with one fixed protocol (no scanner profile drawn).
     *
     * @param rows see {@link #rows()} @param columns see {@link #columns()} @param sliceCount see {@link #sliceCount()}
     * @param fieldOfViewMm see {@link #fieldOfViewMm()} @param scanLengthMm see {@link #scanLengthMm()}
     * @param pathologyPrevalenceFraction see {@link #pathologyPrevalenceFraction()}
     * @param noiseSigmaHu see {@link #noiseSigmaHu()}
     */
    public ChestCtSyntheticOptions(int rows, int columns, int sliceCount, double fieldOfViewMm, double scanLengthMm,
                                   double pathologyPrevalenceFraction, double noiseSigmaHu) {
        this(rows, columns, sliceCount, fieldOfViewMm, scanLengthMm, pathologyPrevalenceFraction, noiseSigmaHu, false);
    }

    /** @return full size with one fixed protocol: 512 x 512 x 96 slices, about 0.7 mm pixels and 2.5 mm slices */
    public static ChestCtSyntheticOptions defaults() {
        return new ChestCtSyntheticOptions(512, 512, 96, 360, 240, 0.5, 20);
    }

    /**
     * @return clinical size with a scanner profile drawn per study: 512 x 512, 100 to 400 slices of
     *         0.625 to 2.5 mm, three noise levels and kernels ({@link ChestCtScannerProfile})
     */
    public static ChestCtSyntheticOptions realistic() {
        return new ChestCtSyntheticOptions(512, 512, 96, 360, 240, 0.5, 22, true);
    }

    /** @return the reduced size for fast tests and small demo packs: 128 x 128 x 32 */
    public static ChestCtSyntheticOptions small() {
        return new ChestCtSyntheticOptions(128, 128, 32, 360, 240, 0.5, 20);
    }

    /**
     * @param rows       see {@link #rows()}
     * @param columns    see {@link #columns()}
     * @param sliceCount see {@link #sliceCount()}
     * @return a copy with this grid size
     */
    public ChestCtSyntheticOptions withSize(int rows, int columns, int sliceCount) {
        return new ChestCtSyntheticOptions(rows, columns, sliceCount, fieldOfViewMm, scanLengthMm,
                pathologyPrevalenceFraction, noiseSigmaHu, scannerProfilesDrawn);
    }

    /** @param value see {@link #pathologyPrevalenceFraction()} @return a copy with this value */
    public ChestCtSyntheticOptions withPathologyPrevalenceFraction(double value) {
        return new ChestCtSyntheticOptions(rows, columns, sliceCount, fieldOfViewMm, scanLengthMm, value,
                noiseSigmaHu, scannerProfilesDrawn);
    }

    /** @param value see {@link #noiseSigmaHu()} @return a copy with this value */
    public ChestCtSyntheticOptions withNoiseSigmaHu(double value) {
        return new ChestCtSyntheticOptions(rows, columns, sliceCount, fieldOfViewMm, scanLengthMm,
                pathologyPrevalenceFraction, value, scannerProfilesDrawn);
    }

    /** @return pixel spacing in mm (square pixels, from the columns) */
    public double pixelSpacingMm() {
        return fieldOfViewMm / columns;
    }

    /** @return distance between slice centers in mm */
    public double sliceSpacingMm() {
        return scanLengthMm / sliceCount;
    }

    private static void check(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
