package org.dicomguard.ood;

import org.dicomguard.contract.ResultCode;

/**
 * Stable codes of the reasons why an input cannot be processed: the gate's view of the
 * result-code catalogue {@link ResultCode}, where each meaning is written. The names are part of
 * the output contract (they appear as {@code reasons[].code} in rejected results and as tag values
 * in dashboards): never rename one, only add (to the catalogue first).
 */
public enum GateReasonCode {
    /** {@link ResultCode#WRONG_MODALITY}. */
    WRONG_MODALITY(ResultCode.WRONG_MODALITY),
    /** {@link ResultCode#WRONG_SOP_CLASS}. */
    WRONG_SOP_CLASS(ResultCode.WRONG_SOP_CLASS),
    /** {@link ResultCode#WRONG_BODY_PART}. Soft: see {@link Severity#SOFT}. */
    WRONG_BODY_PART(ResultCode.WRONG_BODY_PART),
    /** {@link ResultCode#WRONG_VIEW_POSITION}. Soft: see {@link Severity#SOFT}. */
    WRONG_VIEW_POSITION(ResultCode.WRONG_VIEW_POSITION),
    /** {@link ResultCode#WRONG_PHOTOMETRIC_INTERPRETATION}. */
    WRONG_PHOTOMETRIC_INTERPRETATION(ResultCode.WRONG_PHOTOMETRIC_INTERPRETATION),
    /** {@link ResultCode#WRONG_BITS_STORED}. */
    WRONG_BITS_STORED(ResultCode.WRONG_BITS_STORED),
    /** {@link ResultCode#PIXEL_SPACING_OUT_OF_RANGE}. */
    PIXEL_SPACING_OUT_OF_RANGE(ResultCode.PIXEL_SPACING_OUT_OF_RANGE),
    /** {@link ResultCode#IMAGE_SIZE_OUT_OF_RANGE}. */
    IMAGE_SIZE_OUT_OF_RANGE(ResultCode.IMAGE_SIZE_OUT_OF_RANGE),
    /** {@link ResultCode#STATISTICS_OUT_OF_DISTRIBUTION}. */
    STATISTICS_OUT_OF_DISTRIBUTION(ResultCode.STATISTICS_OUT_OF_DISTRIBUTION);

    private final ResultCode resultCode;

    GateReasonCode(ResultCode resultCode) {
        this.resultCode = resultCode;
    }

    /** @return the catalogue entry this constant stands for (same spelling) */
    public ResultCode resultCode() {
        return resultCode;
    }
}
