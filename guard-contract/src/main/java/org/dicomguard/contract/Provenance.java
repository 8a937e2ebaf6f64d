package org.dicomguard.contract;

/**
 * What produced a prediction, so that a result can be traced to the exact code and preprocessing.
 *
 * <p>Thread-safe (immutable).
 *
 * @param libraryVersion the DICOM Guard version, e.g. {@code 0.1.0}; not blank, at most 64 characters
 * @param preprocessingFingerprint SHA-256 (64 lower-case hex digits) of the canonical JSON of the
 *        preprocessing config, the same value the bundle manifest and ONNX metadata carry
 */
public record Provenance(String libraryVersion, String preprocessingFingerprint) {

    /** @throws IllegalArgumentException naming the field when a value is blank or malformed */
    public Provenance {
        Checks.text("provenance.libraryVersion", libraryVersion, Checks.SHORT_TEXT_MAX_CHARS);
        Checks.matches("provenance.preprocessingFingerprint", preprocessingFingerprint, Checks.SHA256_HEX);
    }
}
