package org.dicomguard.core;

import org.dicomguard.contract.Provenance;
import org.dicomguard.core.bundle.BundleBehaviour;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.inference.OrtModel;

/**
 * The provenance every prediction of a Pipeline carries: library, bundle behaviour, training pack
 * and the platform (ONNX Runtime, Java, operating system, CPU architecture) that produced it.
 *
 * <p>Design note: floating point results depend on the runtime, the JVM and the CPU (Tribuo's
 * {@code ModelProvenance} records the same), so a result that cannot be reproduced elsewhere can
 * be traced to what differs. Platform values come from the running JVM; one that is missing or
 * unusable in a contract line (blank, too long, control characters) is written as
 * {@value Provenance#UNKNOWN} or cut, never invented. These fields differ between machines by
 * design: {@code golden check} ignores them ({@code GoldenCheckSettings#defaults()}).
 */
public final class ResultProvenance {

    /** The most characters a provenance text field may have in the contract. */
    private static final int MAX_CHARS = 64;

    private ResultProvenance() {
    }

    /**
     * @param bundle the bundle a Pipeline runs (its model is open, so ONNX Runtime is loaded)
     * @return the provenance of the bundle's predictions on this machine
     */
    public static Provenance of(ModelBundle bundle) {
        return new Provenance(LibraryVersion.get(), bundle.manifest().preprocessingFingerprint(),
                BundleBehaviour.fingerprint(bundle.manifest()), bundle.manifest().trainingPackFingerprint(),
                text(OrtModel.onnxRuntimeVersion()), text(Runtime.version().toString()),
                text(System.getProperty("os.name", "") + " " + System.getProperty("os.version", "")),
                text(System.getProperty("os.arch", "")));
    }

    /** A platform string as a contract text: trimmed, control characters dropped, at most 64 characters. */
    static String text(String value) {
        String clean = value == null ? "" : value.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().trim();
        if (clean.isEmpty()) {
            return Provenance.UNKNOWN;
        }
        return clean.length() <= MAX_CHARS ? clean : clean.substring(0, MAX_CHARS).trim();
    }
}
