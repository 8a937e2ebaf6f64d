package org.dicomguard.core.synthetic;

import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticOptions;

/**
 * Image size preset of a synthetic pack.
 *
 * <p>{@link #REALISTIC} (the command-line default) uses clinical sizes and a mix of acquisition
 * profiles: mammograms from three detectors, 2294 x 1914 to 4096 x 3328, 12 to 16 bits, with implants
 * and skin markers in some studies ({@link MammographyDetectorProfile}); chest CT of 512 x 512 with 100
 * to 400 slices of 0.625 to 2.5 mm from three scanner protocols ({@link ChestCtScannerProfile},
 * {@link ChestCtSyntheticOptions#realistic()}); chest radiographs of 2000 to 3000 pixels a side.
 * {@link #SMALL} makes fast packs for unit tests: mammograms of 512 x 416 pixels, chest CT of
 * 128 x 128 x 32 voxels ({@link ChestCtSyntheticOptions#small()}), radiographs of 448 to 512 pixels.
 */
public enum SyntheticPackSize {
    /** Reduced sizes for fast demos and tests. */
    SMALL("small"),
    /** Full clinical sizes. */
    REALISTIC("realistic");

    /** Rows of a small synthetic mammogram. */
    public static final int SMALL_MAMMOGRAPHY_ROWS = 512;
    /** Columns of a small synthetic mammogram. */
    public static final int SMALL_MAMMOGRAPHY_COLUMNS = 416;

    private final String code;

    SyntheticPackSize(String code) {
        this.code = code;
    }

    /** @return {@code small} or {@code realistic} */
    public String code() {
        return code;
    }

    /**
     * @param code {@code small} or {@code realistic}
     * @return the size
     * @throws IllegalArgumentException for any other code
     */
    public static SyntheticPackSize fromCode(String code) {
        for (SyntheticPackSize size : values()) {
            if (size.code.equals(code)) {
                return size;
            }
        }
        throw new IllegalArgumentException("size must be one of small, realistic, got " + code);
    }

    /** @return the mammography generator options of this size (other options at their defaults) */
    public MammographySyntheticOptions mammographyOptions() {
        MammographySyntheticOptions defaults = MammographySyntheticOptions.defaults();
        return this == REALISTIC ? defaults
                : defaults.withImageSize(MammographySyntheticSize.fixed(SMALL_MAMMOGRAPHY_ROWS, SMALL_MAMMOGRAPHY_COLUMNS));
    }

    /** @return the chest radiograph generator options of this size: 448 to 512 or 2000 to 3000 pixels a side */
    public ChestXraySyntheticOptions chestXrayOptions() {
        return this == REALISTIC ? ChestXraySyntheticOptions.realistic() : ChestXraySyntheticOptions.small();
    }

    /** @return the chest-CT generator options of this size */
    public ChestCtSyntheticOptions chestCtOptions() {
        return this == REALISTIC ? ChestCtSyntheticOptions.realistic() : ChestCtSyntheticOptions.small();
    }
}
