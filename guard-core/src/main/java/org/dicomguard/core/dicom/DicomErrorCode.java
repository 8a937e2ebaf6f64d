package org.dicomguard.core.dicom;

/**
 * Stable codes of {@link DicomException}. Callers, logs and the output contract use the
 * enum name; never rename a constant, only add new ones.
 */
public enum DicomErrorCode {
    /** The bytes are not a DICOM data set (no DICM magic and no plausible first element). */
    NOT_DICOM,
    /** The data ends inside an element header, a value or an item. */
    TRUNCATED,
    /** A declared length is impossible: odd where it must be even, beyond the remaining bytes, or inconsistent. */
    INVALID_LENGTH,
    /** The value representation or an element's structure is malformed. */
    INVALID_STRUCTURE,
    /** The transfer syntax is known but not supported (12-bit JPEG Extended, MPEG, ...) or unknown. */
    UNSUPPORTED_TRANSFER_SYNTAX,
    /** A configured limit on file size, value length, sequence depth or pixel count was exceeded. */
    LIMIT_EXCEEDED,
    /** The pixel data cannot be decoded: bad fragments, codec failure, wrong decoded size. */
    CORRUPT_PIXEL_DATA,
    /** The data set has no pixel data where pixels were requested. */
    NO_PIXEL_DATA,
    /** The image attributes (Rows, Columns, BitsAllocated, ...) are missing or describe an unsupported layout. */
    UNSUPPORTED_PIXEL_FORMAT,
    /** The file could not be read from storage. */
    IO_ERROR,
    /** A named input (file, folder or link target) does not exist. */
    NOT_FOUND,
    /** A FIFO, socket or device where a file was expected; it is never opened (opening a FIFO blocks). */
    NOT_A_REGULAR_FILE,
    /**
     * The transfer syntax is High-Throughput JPEG 2000 (1.2.840.10008.1.2.4.201, .202, .203):
     * recognised, not decoded. Distinct from UNSUPPORTED_TRANSFER_SYNTAX so archives can count it.
     */
    UNSUPPORTED_HTJ2K
}
