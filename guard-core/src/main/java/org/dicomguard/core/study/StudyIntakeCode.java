package org.dicomguard.core.study;

import org.dicomguard.contract.ResultCode;

/**
 * Stable codes of study intake, a view of the result-code catalogue {@link ResultCode} (where each
 * meaning is written): whether the instances handed to one run make one study, and
 * which of them the task's {@link StudyCompositionPolicy} uses. Names and meanings never change.
 *
 * <p>Three kinds: {@link Kind#FAILED} codes answer the run with {@code Failed} (the request
 * itself is not one valid study), {@link Kind#REJECTED} codes answer it with {@code Rejected} (a
 * valid study the task cannot read as a whole), and {@link Kind#IGNORED} codes are the reasons of
 * a prediction's {@code imagesIgnored} entries.
 */
public enum StudyIntakeCode {
    /** {@link ResultCode#MIXED_STUDIES}. */
    MIXED_STUDIES(ResultCode.MIXED_STUDIES),
    /** {@link ResultCode#MISSING_STUDY_INSTANCE_UID}. */
    MISSING_STUDY_INSTANCE_UID(ResultCode.MISSING_STUDY_INSTANCE_UID),
    /** {@link ResultCode#INVALID_STUDY_INSTANCE_UID}. */
    INVALID_STUDY_INSTANCE_UID(ResultCode.INVALID_STUDY_INSTANCE_UID),
    /** {@link ResultCode#INVALID_SOP_INSTANCE_UID}. */
    INVALID_SOP_INSTANCE_UID(ResultCode.INVALID_SOP_INSTANCE_UID),
    /** {@link ResultCode#UNREADABLE_INSTANCE}. */
    UNREADABLE_INSTANCE(ResultCode.UNREADABLE_INSTANCE),
    /** {@link ResultCode#MISSING_VIEW}: the reason's evidence names the view(s). */
    MISSING_VIEW(ResultCode.MISSING_VIEW),
    /** {@link ResultCode#DUPLICATE_IMAGE}. */
    DUPLICATE_IMAGE(ResultCode.DUPLICATE_IMAGE),
    /** {@link ResultCode#LATERALITY_CONTRADICTION}. */
    LATERALITY_CONTRADICTION(ResultCode.LATERALITY_CONTRADICTION),
    /** {@link ResultCode#MISSING_SERIES}. */
    MISSING_SERIES(ResultCode.MISSING_SERIES),
    /** {@link ResultCode#NOT_A_STANDARD_VIEW}. */
    NOT_A_STANDARD_VIEW(ResultCode.NOT_A_STANDARD_VIEW),
    /** {@link ResultCode#FOR_PROCESSING}: or a FOR PRESENTATION image exists for the view. */
    FOR_PROCESSING(ResultCode.FOR_PROCESSING),
    /** {@link ResultCode#REPEATED_EXPOSURE}. */
    REPEATED_EXPOSURE(ResultCode.REPEATED_EXPOSURE),
    /** {@link ResultCode#OTHER_SERIES}. */
    OTHER_SERIES(ResultCode.OTHER_SERIES),
    /** {@link ResultCode#NO_SERIES_INSTANCE_UID}. */
    NO_SERIES_INSTANCE_UID(ResultCode.NO_SERIES_INSTANCE_UID),
    /** {@link ResultCode#OTHER_IMAGE}. */
    OTHER_IMAGE(ResultCode.OTHER_IMAGE);

    /** What a code does to the run. */
    public enum Kind {
        /** The run answers Failed. */
        FAILED,
        /** The run answers Rejected. */
        REJECTED,
        /** The image is left out of a prediction, listed with this reason. */
        IGNORED
    }

    private final ResultCode resultCode;

    StudyIntakeCode(ResultCode resultCode) {
        this.resultCode = resultCode;
    }

    /** @return the catalogue entry this constant stands for (same spelling) */
    public ResultCode resultCode() {
        return resultCode;
    }

    /** @return what the code does to the run, from the catalogue entry's kind */
    public Kind kind() {
        switch (resultCode.kind()) {
            case FAILED:
                return Kind.FAILED;
            case REJECTED:
                return Kind.REJECTED;
            case IMAGE_IGNORED:
            default:
                return Kind.IGNORED;
        }
    }
}
