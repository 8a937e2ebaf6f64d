package org.dicomguard.core.study;

/**
 * Stable codes of study intake: whether the instances handed to one run make one study, and
 * which of them the task's {@link StudyCompositionPolicy} uses. Names and meanings never change.
 *
 * <p>Three kinds: {@link Kind#FAILED} codes answer the run with {@code Failed} (the request
 * itself is not one valid study), {@link Kind#REJECTED} codes answer it with {@code Rejected} (a
 * valid study the task cannot read as a whole), and {@link Kind#IGNORED} codes are the reasons of
 * a prediction's {@code imagesIgnored} entries.
 */
public enum StudyIntakeCode {
    /** The instances carry more than one StudyInstanceUID: one run is one study. */
    MIXED_STUDIES(Kind.FAILED),
    /** An instance has no StudyInstanceUID. */
    MISSING_STUDY_INSTANCE_UID(Kind.FAILED),
    /** A StudyInstanceUID that is not a DICOM UID (PS3.5 9.1): digits and dots, no empty component, no leading zero, at most 64 characters. */
    INVALID_STUDY_INSTANCE_UID(Kind.FAILED),
    /** An instance whose SOPInstanceUID is missing or not a DICOM UID: images are named by it. */
    INVALID_SOP_INSTANCE_UID(Kind.FAILED),
    /** An in-memory instance could not be read within the file-size limit (stream failed or too long). */
    UNREADABLE_INSTANCE(Kind.FAILED),

    /** A view the policy requires has no usable image; the reason's evidence names the view(s). */
    MISSING_VIEW(Kind.REJECTED),
    /** The same image twice: one SOPInstanceUID in two instances, or identical pixels in two views. */
    DUPLICATE_IMAGE(Kind.REJECTED),
    /** Header laterality contradicts itself or the image (chest wall on the side PatientOrientation does not say). */
    LATERALITY_CONTRADICTION(Kind.REJECTED),
    /** No series with a valid SeriesInstanceUID to use (chest CT). */
    MISSING_SERIES(Kind.REJECTED),

    /** A mammogram whose laterality and ViewPosition are not one of the task's views (ML, XCCL, none...). */
    NOT_A_STANDARD_VIEW(Kind.IGNORED),
    /** A FOR PROCESSING image, and the policy uses FOR PRESENTATION images only (or one exists for the view). */
    FOR_PROCESSING(Kind.IGNORED),
    /** Another exposure of a view already filled; the policy's rule chose the other image. */
    REPEATED_EXPOSURE(Kind.IGNORED),
    /** A slice of a CT series other than the one chosen. */
    OTHER_SERIES(Kind.IGNORED),
    /** A CT slice without a valid SeriesInstanceUID, so it belongs to no series. */
    NO_SERIES_INSTANCE_UID(Kind.IGNORED),
    /** A task that reads one image per study (chest radiograph) used another image of the study. */
    OTHER_IMAGE(Kind.IGNORED);

    /** What a code does to the run. */
    public enum Kind {
        /** The run answers Failed. */
        FAILED,
        /** The run answers Rejected. */
        REJECTED,
        /** The image is left out of a prediction, listed with this reason. */
        IGNORED
    }

    private final Kind kind;

    StudyIntakeCode(Kind kind) {
        this.kind = kind;
    }

    /** @return what the code does to the run */
    public Kind kind() {
        return kind;
    }
}
