package org.dicomguard.contract;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one catalogue of the stable codes this library writes into results: a {@link Failed}
 * result's {@code errorCode}, a {@link Rejected} result's {@code reasons[].code} and an
 * {@link ImageIgnored}'s {@code reason}. Each code has one {@link Kind} and a one-line
 * {@link #meaning()}; the contract's JSON Schema lists every code with that meaning
 * ({@code $defs/failureCode}, {@code $defs/rejectionCode}, {@code $defs/ignoredImageCode}).
 *
 * <p>The spelling of a code ({@link #code()}, the constant's name) never changes and a code never
 * changes meaning; new codes are only added. The module-specific enums of the library
 * ({@code DicomErrorCode}, {@code StudyIntakeCode}, {@code GateReasonCode}, ...) are views of
 * this catalogue: each of their constants names its entry here.
 *
 * <p>Adding a code: add the constant here (kind and meaning), then the schema entry;
 * {@code ResultCodeTest} fails until the schema lists it and prints the entries to paste.
 *
 * <p>Readers must still accept a code they do not know: a later minor version of the contract
 * may add codes (the schema's {@code stableCode} pattern is what a reader validates).
 *
 * <p>Thread-safe (an enum).
 */
public enum ResultCode {

    // --- Failed: the input's bytes (reader and codecs) ---
    NOT_DICOM(Kind.FAILED, "The bytes are not a DICOM data set (no DICM magic and no plausible first element)."),
    TRUNCATED(Kind.FAILED, "The data ends inside an element header, a value or an item."),
    INVALID_LENGTH(Kind.FAILED, "A declared length is impossible: odd where it must be even, beyond the remaining"
            + " bytes, or inconsistent."),
    INVALID_STRUCTURE(Kind.FAILED, "The value representation or an element's structure is malformed."),
    UNSUPPORTED_TRANSFER_SYNTAX(Kind.FAILED, "The transfer syntax is unknown, or known but not supported (12-bit"
            + " JPEG Extended, MPEG, ...)."),
    LIMIT_EXCEEDED(Kind.FAILED, "A configured limit on file size, value length, sequence depth, pixel count or"
            + " decoded bytes was exceeded."),
    CORRUPT_PIXEL_DATA(Kind.FAILED, "The pixel data cannot be decoded: bad fragments, codec failure or wrong"
            + " decoded size."),
    NO_PIXEL_DATA(Kind.FAILED, "The data set has no pixel data where pixels were needed."),
    UNSUPPORTED_PIXEL_FORMAT(Kind.FAILED, "The image attributes (Rows, Columns, BitsAllocated, ...) are missing or"
            + " describe an unsupported layout."),
    IO_ERROR(Kind.FAILED, "A file could not be read from storage."),
    NOT_FOUND(Kind.FAILED, "A named input (file, folder or link target) does not exist."),
    NOT_A_REGULAR_FILE(Kind.FAILED, "A FIFO, socket or device was given where a file was expected; it is never"
            + " opened."),
    UNSUPPORTED_HTJ2K(Kind.FAILED, "The transfer syntax is High-Throughput JPEG 2000 (1.2.840.10008.1.2.4.201 to"
            + " .203): recognised, not decoded."),

    // --- Failed: the request is not one valid study (study intake) ---
    EMPTY_STUDY(Kind.FAILED, "No files were given for the study."),
    MIXED_STUDIES(Kind.FAILED, "The instances of one run carry more than one StudyInstanceUID."),
    MISSING_STUDY_INSTANCE_UID(Kind.FAILED, "An instance has no StudyInstanceUID."),
    INVALID_STUDY_INSTANCE_UID(Kind.FAILED, "A StudyInstanceUID is not a DICOM UID (PS3.5 9.1)."),
    INVALID_SOP_INSTANCE_UID(Kind.FAILED, "An instance's SOPInstanceUID is missing or not a DICOM UID."),
    UNREADABLE_INSTANCE(Kind.FAILED, "An in-memory instance could not be read within the file-size limit (stream"
            + " failed or too long)."),

    // --- Failed: the run and the model ---
    PIPELINE_CLOSED(Kind.FAILED, "The Pipeline or its model was closed before the study ran."),
    INFERENCE_ERROR(Kind.FAILED, "ONNX Runtime failed to run the model."),
    INFERENCE_TIMEOUT(Kind.FAILED, "The model run exceeded the configured inference timeout."),
    OUT_OF_MEMORY(Kind.FAILED, "The Java heap ran out while the study was read, decoded or prepared."),
    INTERNAL_ERROR(Kind.FAILED, "An unexpected error inside the library (a bug); the study got no probability."),
    OUTPUT_SHAPE_MISMATCH(Kind.FAILED, "The model output has another number of values than the manifest declares."),
    NON_FINITE_OUTPUT(Kind.FAILED, "A model output value is NaN or infinite."),
    OUTPUT_OUT_OF_RANGE(Kind.FAILED, "A model output value is outside [0, 1]: the model does not emit"
            + " probabilities."),

    // --- Failed: batch scoring limits (Spark) ---
    STUDY_TIME_LIMIT(Kind.FAILED, "The study ran past the batch job's per-study time limit."),
    STUDY_SIZE_LIMIT(Kind.FAILED, "The study exceeds the batch job's per-study file count or byte limit."),
    STUDY_OUT_OF_MEMORY(Kind.FAILED, "The batch worker ran out of memory while scoring the study."),

    // --- Rejected: header rules and the statistics gate ---
    WRONG_MODALITY(Kind.REJECTED, "Modality (0008,0060) is absent or not among the allowed ones."),
    WRONG_SOP_CLASS(Kind.REJECTED, "SOP Class UID (0008,0016) is absent or not among the allowed ones."),
    WRONG_BODY_PART(Kind.REJECTED, "Body Part Examined (0018,0015) is absent or not allowed."),
    WRONG_VIEW_POSITION(Kind.REJECTED, "View Position (0018,5101) is absent or not allowed."),
    WRONG_PHOTOMETRIC_INTERPRETATION(Kind.REJECTED, "Photometric Interpretation (0028,0004) is absent or not"
            + " allowed."),
    WRONG_BITS_STORED(Kind.REJECTED, "Bits Stored (0028,0101) is absent or not allowed."),
    PIXEL_SPACING_OUT_OF_RANGE(Kind.REJECTED, "Pixel spacing is absent or outside the allowed range in either"
            + " direction."),
    IMAGE_SIZE_OUT_OF_RANGE(Kind.REJECTED, "Rows or Columns is absent or outside the allowed range."),
    STATISTICS_OUT_OF_DISTRIBUTION(Kind.REJECTED, "The statistics gate's Mahalanobis distance exceeded the"
            + " calibrated threshold."),

    // --- Rejected: the study cannot be composed or prepared ---
    MISSING_VIEW(Kind.REJECTED, "A view the task's composition policy requires has no usable image."),
    DUPLICATE_IMAGE(Kind.REJECTED, "The same image twice: one SOPInstanceUID in two instances, or identical"
            + " pixels in two views."),
    LATERALITY_CONTRADICTION(Kind.REJECTED, "Header laterality contradicts itself or the image."),
    MISSING_SERIES(Kind.REJECTED, "No series with a valid SeriesInstanceUID to use (chest CT)."),
    NO_USABLE_VIEW(Kind.REJECTED, "No image of the study has a usable laterality and view."),
    NO_BREAST_FOUND(Kind.REJECTED, "Preprocessing found no breast in a view."),
    NO_FRONTAL_IMAGE(Kind.REJECTED, "No image of the study is a frontal (PA or AP) chest radiograph."),
    NO_LUNG_FIELD_FOUND(Kind.REJECTED, "Preprocessing found no lung field inside a body."),
    TOO_FEW_SLICES(Kind.REJECTED, "The CT series has fewer slices than the preprocessing config's minimum."),
    MIXED_SERIES(Kind.REJECTED, "CT slices differ in SeriesInstanceUID, orientation, rows/columns or pixel"
            + " spacing."),
    DUPLICATE_POSITION(Kind.REJECTED, "Two CT slices lie at the same position along the slice normal."),
    INCONSISTENT_SPACING(Kind.REJECTED, "A gap between neighbouring CT slices deviates from the median gap beyond"
            + " the configured fraction."),
    INVALID_GEOMETRY(Kind.REJECTED, "CT geometry cannot describe a volume: non-finite values, non-orthonormal"
            + " orientation, non-positive spacing or gantry tilt."),

    // --- An image left out of a prediction (imagesIgnored[].reason) ---
    NOT_A_STANDARD_VIEW(Kind.IMAGE_IGNORED, "A mammogram whose laterality and ViewPosition are not one of the"
            + " task's views."),
    FOR_PROCESSING(Kind.IMAGE_IGNORED, "A FOR PROCESSING image where the policy uses FOR PRESENTATION images."),
    REPEATED_EXPOSURE(Kind.IMAGE_IGNORED, "Another exposure of a view already filled; the policy chose the other"
            + " image."),
    OTHER_SERIES(Kind.IMAGE_IGNORED, "A slice of a CT series other than the one chosen."),
    NO_SERIES_INSTANCE_UID(Kind.IMAGE_IGNORED, "A CT slice without a valid SeriesInstanceUID, so it belongs to no"
            + " series."),
    OTHER_IMAGE(Kind.IMAGE_IGNORED, "A task that reads one image per study used another image of the study.");

    /** Where a code appears in a result. */
    public enum Kind {
        /** A {@link Failed} result's {@code errorCode}: scoring broke, no probability exists. */
        FAILED,
        /** A {@link Rejected} result's {@code reasons[].code}: a guardrail refused the study. */
        REJECTED,
        /** An {@link ImageIgnored}'s {@code reason}: the image was left out of a prediction. */
        IMAGE_IGNORED
    }

    private static final Map<String, ResultCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ResultCode::code, Function.identity()));

    private final Kind kind;
    private final String meaning;

    ResultCode(Kind kind, String meaning) {
        this.kind = kind;
        this.meaning = meaning;
    }

    /** @return the code as written into results, e.g. {@code NOT_DICOM}; equal to {@link #name()} */
    public String code() {
        return name();
    }

    /** @return where the code appears in a result */
    public Kind kind() {
        return kind;
    }

    /** @return one line for people saying what the code means; the schema carries the same text */
    public String meaning() {
        return meaning;
    }

    /**
     * @param code a code as written in a result
     * @return the catalogue entry, empty for a code this version does not know
     */
    public static Optional<ResultCode> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
