package org.dicomguard.core.synthetic;

/**
 * What a synthetic image offered to the mammography pipeline really shows.
 *
 * <p>{@link #BREAST} is in distribution; every other kind is an out-of-distribution case that the
 * header rules or the statistics gate must reject.
 */
public enum MammographySyntheticKind {
    /** A breast against air, the in-distribution case. */
    BREAST,
    /** An axial CT-like chest slice (modality CT, Hounsfield rescale). */
    CT_SLICE,
    /** A knee radiograph: two long bones meeting at a joint inside soft tissue (modality DX). */
    KNEE_RADIOGRAPH,
    /** A hand radiograph: palm and finger bones inside soft tissue (modality DX). */
    HAND_RADIOGRAPH,
    /** A uniform cylindrical calibration phantom (a bottle) in air, labelled as mammography. */
    BOTTLE_PHANTOM,
    /** Almost uniform air, e.g. an exposure without a patient, labelled as mammography. */
    BLANK,
    /** Every pixel at the top of the stored range, e.g. detector saturation. */
    SATURATED,
    /** A real-looking breast whose PhotometricInterpretation contradicts its pixels. */
    WRONG_PHOTOMETRIC
}
