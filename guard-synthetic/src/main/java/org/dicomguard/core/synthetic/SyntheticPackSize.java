package org.dicomguard.core.synthetic;

/**
 * Image size preset of a synthetic pack; each task's {@link SyntheticPackTask} says what it means
 * for its generator (e.g. mammograms of 512 x 416 pixels or at detector size).
 *
 * <p>{@link #REALISTIC} (the command-line default) uses clinical sizes and a mix of acquisition
 * profiles (detectors and scanner protocols, see each task's facet). {@link #SMALL} makes fast packs
 * for unit tests and the demo.
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
