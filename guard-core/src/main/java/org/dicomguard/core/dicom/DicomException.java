package org.dicomguard.core.dicom;

import java.util.Objects;

/**
 * The one checked exception of the DICOM reader and codecs. It carries a stable
 * {@link DicomErrorCode}; messages name the tag and the byte offset where known and never
 * contain patient identifiers (values of text elements are never echoed).
 */
public final class DicomException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DicomErrorCode code;

    /**
     * @param code    stable error code, not null
     * @param message one-line description naming tag and byte offset where known; no patient data
     */
    public DicomException(DicomErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code    stable error code, not null
     * @param message one-line description naming tag and byte offset where known; no patient data
     * @param cause   the underlying failure (codec or I/O), may be null
     */
    public DicomException(DicomErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the stable code of this failure */
    public DicomErrorCode code() {
        return code;
    }
}
