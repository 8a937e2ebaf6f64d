package org.dicomguard.core.synthetic;

import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticOptions;

/**
 * Image size preset of a synthetic pack.
 *
 * <p>{@link #SMALL} (the command-line default) makes fast demo packs: mammograms of 512 x 416
 * pixels and chest CT of 128 x 128 x 32 voxels ({@link ChestCtSyntheticOptions#small()}).
 * {@link #REALISTIC} uses full detector and scanner sizes: mammograms of 3328 x 2560 or
 * 2294 x 1914 ({@link MammographySyntheticSize#REALISTIC}), chest CT of 512 x 512 x 96
 * ({@link ChestCtSyntheticOptions#defaults()}).
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
        return this == REALISTIC ? ChestCtSyntheticOptions.defaults() : ChestCtSyntheticOptions.small();
    }
}
