package org.dicomguard.contract;

import java.util.regex.Pattern;

/**
 * What produced a prediction, so that a result can be traced to the exact code, model behaviour,
 * training data and platform and reproduced (floating point results depend on the runtime, the
 * JVM and the CPU, as Tribuo's {@code ModelProvenance} records). The bundle id and the model's
 * SHA-256 are the prediction's own {@code bundleId} and {@code modelSha256}.
 *
 * <p>Values that cannot be known are the explicit text {@value #UNKNOWN}, never a guess: a
 * bundle made before manifests recorded their training pack, or a document of contract 1.0/1.1
 * (which carried only the first two fields) read by this version.
 *
 * <p>Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is blank or malformed.
 *
 * @param libraryVersion the DICOM Guard version, e.g. {@code 0.1.0}; not blank, at most 64 characters
 * @param preprocessingFingerprint SHA-256 (64 lower-case hex digits) of the canonical JSON of the
 *        preprocessing config, the same value the bundle manifest and ONNX metadata carry
 * @param behaviourFingerprint contract 1.2: SHA-256 of the bundle's behavioural manifest content
 *        (pathology order, thresholds, header rules, composition policy...), the value stored in
 *        the model's metadata; or {@value #UNKNOWN}
 * @param trainingPackFingerprint contract 1.2: SHA-256 of the metadata of the pack the model was
 *        trained on, as the manifest records it; or {@value #UNKNOWN} when the manifest does not say
 * @param onnxRuntimeVersion contract 1.2: the ONNX Runtime version that ran the model, e.g.
 *        {@code 1.29.0}; not blank, at most 64 characters
 * @param javaVersion contract 1.2: the Java runtime version, e.g. {@code 17.0.13+11}; not blank, at most 64 characters
 * @param operatingSystem contract 1.2: operating system name and version, e.g. {@code Linux 6.1.0};
 *        not blank, at most 64 characters
 * @param cpuArchitecture contract 1.2: the JVM's architecture, e.g. {@code amd64} or
 *        {@code aarch64}; not blank, at most 64 characters
 */
public record Provenance(String libraryVersion, String preprocessingFingerprint, String behaviourFingerprint,
                         String trainingPackFingerprint, String onnxRuntimeVersion, String javaVersion,
                         String operatingSystem, String cpuArchitecture) {

    /** The value of a field that cannot be known. */
    public static final String UNKNOWN = "unknown";

    private static final Pattern SHA256_OR_UNKNOWN = Pattern.compile("[0-9a-f]{64}|" + UNKNOWN);

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param libraryVersion the {@code libraryVersion} component
     * @param preprocessingFingerprint the {@code preprocessingFingerprint} component
     * @param behaviourFingerprint the {@code behaviourFingerprint} component
     * @param trainingPackFingerprint the {@code trainingPackFingerprint} component
     * @param onnxRuntimeVersion the {@code onnxRuntimeVersion} component
     * @param javaVersion the {@code javaVersion} component
     * @param operatingSystem the {@code operatingSystem} component
     * @param cpuArchitecture the {@code cpuArchitecture} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Provenance {
        Checks.text("provenance.libraryVersion", libraryVersion, Checks.SHORT_TEXT_MAX_CHARS);
        Checks.matches("provenance.preprocessingFingerprint", preprocessingFingerprint, Checks.SHA256_HEX);
        Checks.matches("provenance.behaviourFingerprint", behaviourFingerprint, SHA256_OR_UNKNOWN);
        Checks.matches("provenance.trainingPackFingerprint", trainingPackFingerprint, SHA256_OR_UNKNOWN);
        Checks.text("provenance.onnxRuntimeVersion", onnxRuntimeVersion, Checks.SHORT_TEXT_MAX_CHARS);
        Checks.text("provenance.javaVersion", javaVersion, Checks.SHORT_TEXT_MAX_CHARS);
        Checks.text("provenance.operatingSystem", operatingSystem, Checks.SHORT_TEXT_MAX_CHARS);
        Checks.text("provenance.cpuArchitecture", cpuArchitecture, Checks.SHORT_TEXT_MAX_CHARS);
    }

    /**
     * The provenance of contract 1.0 and 1.1, which carried only these two fields: every other
     * field is {@value #UNKNOWN}.
     *
     * @param libraryVersion the {@code libraryVersion} component
     * @param preprocessingFingerprint the {@code preprocessingFingerprint} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Provenance(String libraryVersion, String preprocessingFingerprint) {
        this(libraryVersion, preprocessingFingerprint, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN);
    }
}
