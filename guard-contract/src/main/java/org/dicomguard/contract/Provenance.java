package org.dicomguard.contract;

/**
 * What produced a prediction, so that a result can be traced to the exact code and preprocessing.
 *
 * <p>Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is blank or malformed.
 *
 * @param libraryVersion the DICOM Guard version, e.g. {@code 0.1.0}; not blank, at most 64 characters
 * @param preprocessingFingerprint SHA-256 (64 lower-case hex digits) of the canonical JSON of the
 *        preprocessing config, the same value the bundle manifest and ONNX metadata carry
 */
public record Provenance(String libraryVersion, String preprocessingFingerprint) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param libraryVersion the {@code libraryVersion} component
     * @param preprocessingFingerprint the {@code preprocessingFingerprint} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Provenance {
        Checks.text("provenance.libraryVersion", libraryVersion, Checks.SHORT_TEXT_MAX_CHARS);
        Checks.matches("provenance.preprocessingFingerprint", preprocessingFingerprint, Checks.SHA256_HEX);
    }
}
