package org.dicomguard.core.dicom;

import org.dicomguard.contract.ResultCode;

/**
 * Stable codes of {@link DicomException}: the reader's and codecs' view of the result-code
 * catalogue {@link ResultCode}, where each code's meaning is written. Callers, logs and the output
 * contract use the code; never rename a constant, only add new ones (to the catalogue first).
 */
public enum DicomErrorCode {
    /** {@link ResultCode#NOT_DICOM}. */
    NOT_DICOM(ResultCode.NOT_DICOM),
    /** {@link ResultCode#TRUNCATED}. */
    TRUNCATED(ResultCode.TRUNCATED),
    /** {@link ResultCode#INVALID_LENGTH}. */
    INVALID_LENGTH(ResultCode.INVALID_LENGTH),
    /** {@link ResultCode#INVALID_STRUCTURE}. */
    INVALID_STRUCTURE(ResultCode.INVALID_STRUCTURE),
    /** {@link ResultCode#UNSUPPORTED_TRANSFER_SYNTAX}. */
    UNSUPPORTED_TRANSFER_SYNTAX(ResultCode.UNSUPPORTED_TRANSFER_SYNTAX),
    /** {@link ResultCode#LIMIT_EXCEEDED}. */
    LIMIT_EXCEEDED(ResultCode.LIMIT_EXCEEDED),
    /** {@link ResultCode#CORRUPT_PIXEL_DATA}. */
    CORRUPT_PIXEL_DATA(ResultCode.CORRUPT_PIXEL_DATA),
    /** {@link ResultCode#NO_PIXEL_DATA}. */
    NO_PIXEL_DATA(ResultCode.NO_PIXEL_DATA),
    /** {@link ResultCode#UNSUPPORTED_PIXEL_FORMAT}. */
    UNSUPPORTED_PIXEL_FORMAT(ResultCode.UNSUPPORTED_PIXEL_FORMAT),
    /** {@link ResultCode#IO_ERROR}. */
    IO_ERROR(ResultCode.IO_ERROR),
    /** {@link ResultCode#NOT_FOUND}. */
    NOT_FOUND(ResultCode.NOT_FOUND),
    /** {@link ResultCode#NOT_A_REGULAR_FILE}: never opened (opening a FIFO blocks). */
    NOT_A_REGULAR_FILE(ResultCode.NOT_A_REGULAR_FILE),
    /** {@link ResultCode#UNSUPPORTED_HTJ2K}: distinct from UNSUPPORTED_TRANSFER_SYNTAX so archives can count it. */
    UNSUPPORTED_HTJ2K(ResultCode.UNSUPPORTED_HTJ2K);

    private final ResultCode resultCode;

    DicomErrorCode(ResultCode resultCode) {
        this.resultCode = resultCode;
    }

    /** @return the catalogue entry this constant stands for (same spelling) */
    public ResultCode resultCode() {
        return resultCode;
    }
}
