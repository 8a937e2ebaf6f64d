package org.dicomguard.core.synthetic;

/**
 * Image size preset of a synthetic pack; each task's {@link SyntheticPackTask} says what it means
 * for its generator (e.g. mammograms of 512 x 416 pixels or at detector size).
 *
 * <p>{@link #SMALL} (the command-line default) makes fast demo packs. {@link #REALISTIC} uses full
 * detector and scanner sizes.
 */
public enum SyntheticPackSize {
    /** Reduced sizes for fast demos and tests. */
    SMALL("small"),
    /** Full clinical sizes. */
    REALISTIC("realistic");

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
}
