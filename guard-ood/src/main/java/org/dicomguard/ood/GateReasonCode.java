package org.dicomguard.ood;

/**
 * Stable codes of the reasons why an input cannot be processed. The names are part of the
 * output contract (they appear as {@code reasons[].code} in rejected results and as tag values in
 * dashboards): never rename one, only add.
 */
public enum GateReasonCode {
    /** Modality (0008,0060) absent or not among the allowed ones. */
    WRONG_MODALITY,
    /** SOP Class UID (0008,0016) absent or not among the allowed ones. */
    WRONG_SOP_CLASS,
    /** Body Part Examined (0018,0015) absent or not allowed. Soft: see {@link Severity#SOFT}. */
    WRONG_BODY_PART,
    /** View Position (0018,5101) absent or not allowed. Soft: see {@link Severity#SOFT}. */
    WRONG_VIEW_POSITION,
    /** Photometric Interpretation (0028,0004) absent or not allowed. */
    WRONG_PHOTOMETRIC_INTERPRETATION,
    /** Bits Stored (0028,0101) absent or not allowed. */
    WRONG_BITS_STORED,
    /** Pixel spacing absent or outside the allowed range in either direction. */
    PIXEL_SPACING_OUT_OF_RANGE,
    /** Rows or Columns absent or outside the allowed range. */
    IMAGE_SIZE_OUT_OF_RANGE,
    /** The statistics gate's Mahalanobis distance exceeded the calibrated threshold. */
    STATISTICS_OUT_OF_DISTRIBUTION
}
