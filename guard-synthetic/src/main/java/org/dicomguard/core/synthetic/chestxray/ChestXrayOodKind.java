package org.dicomguard.core.synthetic.chestxray;

import java.util.Locale;

/**
 * Out-of-distribution images for the chest radiograph task. Every kind but {@link #LATERAL_CHEST}
 * carries a header that claims a frontal chest (CR or DX, CHEST, PA), so only the pixels can give
 * it away; the lateral chest says LL, as a real one would.
 */
public enum ChestXrayOodKind {
    /** Water bottles on the detector: the calibration shot of the post-mortems. */
    BOTTLE_PHANTOM,
    /** A hand radiograph. */
    HAND,
    /** A knee radiograph. */
    KNEE,
    /** A skull radiograph. */
    SKULL,
    /** An abdomen radiograph: a body, bowel gas, no lung fields. */
    ABDOMEN,
    /** A lateral chest (ViewPosition LL). */
    LATERAL_CHEST,
    /** A synthetic mammogram relabelled as a chest radiograph. */
    MAMMOGRAM,
    /** An axial CT slice relabelled as a chest radiograph. */
    CT_SLICE,
    /** A uniform image. */
    BLANK,
    /** An image at the top of its stored range. */
    SATURATED,
    /** A chest whose PhotometricInterpretation says the opposite of its pixels. */
    INVERTED_PHOTOMETRIC;

    /** @return the code, lower case with dashes, e.g. {@code bottle-phantom} */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @param code a code of {@link #code()}
     * @return the kind
     * @throws IllegalArgumentException for an unknown code
     */
    public static ChestXrayOodKind fromCode(String code) {
        for (ChestXrayOodKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown chest-xray out-of-distribution kind " + code);
    }
}
