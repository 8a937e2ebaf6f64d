package org.dicomguard.core.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;

import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Integrity of what a bundle does, not only of its bytes: the ordered pathology codes and a
 * fingerprint of every behavioural manifest field are written into the ONNX model's metadata
 * when the bundle is made ({@code org.dicomguard.training.BundleWriter} (guard-training)) and checked when it is loaded ({@link ModelBundle#load}).
 *
 * <p>Design note: the hashes in the manifest only prove that the files are the ones the manifest
 * names; whoever edits the manifest can edit them too. A swapped pathology-to-output mapping or a
 * hand-widened header rule therefore loaded with the same id, model hash and fingerprint. The
 * behaviour fingerprint is the SHA-256 of the manifest's canonical JSON (keys sorted) without an
 * explicit list of non-behavioural fields ({@link #NON_BEHAVIOURAL_FIELDS} anywhere, and
 * {@code bundleId} and {@code model.sha256} at the top), so every field added later (for example a
 * study composition policy) is covered without touching this class. It is stored inside the model,
 * so editing the manifest changes the recomputed fingerprint, and editing the model to match
 * changes {@code model.sha256}: either way the bundle no longer is the one that was released.
 * {@code model.sha256} is left out because it hashes the model that carries the fingerprint.
 */
public final class BundleBehaviour {

    /** ONNX metadata key of the pathology codes in output order, comma-separated. */
    public static final String PATHOLOGY_CODES_METADATA_KEY = "dicomguard.pathologyCodes";
    /** ONNX metadata key of the behaviour fingerprint. */
    public static final String FINGERPRINT_METADATA_KEY = "dicomguard.behaviourFingerprint";
    /** Field names that are left out wherever they occur: labels and documentation, not behaviour. */
    public static final Set<String> NON_BEHAVIOURAL_FIELDS = Set.of("displayName", "description", "concept",
            "referenceMetrics");

    private BundleBehaviour() {
    }

    /**
     * @param manifest a manifest
     * @return lower-case hex SHA-256 of its behavioural content
     */
    public static String fingerprint(BundleManifest manifest) {
        ObjectNode tree = StrictJson.mapper().valueToTree(manifest);
        tree.remove("bundleId");
        JsonNode model = tree.get("model");
        if (model instanceof ObjectNode m) {
            m.remove("sha256");
        }
        strip(tree);
        return StrictJson.fingerprint(tree);
    }

    /**
     * @param manifest a manifest
     * @return its pathology codes ordered by output index, comma-separated
     */
    public static String orderedPathologyCodes(BundleManifest manifest) {
        return manifest.pathologies().stream()
                .sorted(Comparator.comparingInt(BundleManifest.PathologySpec::outputIndex))
                .map(BundleManifest.PathologySpec::code).collect(Collectors.joining(","));
    }

    /**
     * @param modelBytes the ONNX model, not modified
     * @param manifest   the manifest as it will be written (hashes may still be placeholders)
     * @return the model with both metadata entries set
     * @throws IllegalArgumentException when the bytes are not an ONNX (protobuf) model
     */
    public static byte[] stamp(byte[] modelBytes, BundleManifest manifest) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(PATHOLOGY_CODES_METADATA_KEY, orderedPathologyCodes(manifest));
        entries.put(FINGERPRINT_METADATA_KEY, fingerprint(manifest));
        return OnnxMetadataProps.withEntries(modelBytes, entries);
    }

    /**
     * @param manifest   the loaded manifest
     * @param modelBytes the model, already verified against {@code model.sha256}
     * @throws BundleLoadException naming the metadata key when the model does not carry this manifest's
     *                             pathology order or behaviour fingerprint
     */
    public static void verify(BundleManifest manifest, byte[] modelBytes) throws BundleLoadException {
        Map<String, String> metadata;
        try {
            metadata = OnnxMetadataProps.read(modelBytes);
        } catch (IllegalArgumentException e) {
            throw new BundleLoadException(manifest.model().file(), "is not a readable ONNX model: " + e.getMessage(), e);
        }
        String codes = metadata.get(PATHOLOGY_CODES_METADATA_KEY);
        String expectedCodes = orderedPathologyCodes(manifest);
        if (!expectedCodes.equals(codes)) {
            throw new BundleLoadException("model metadata " + PATHOLOGY_CODES_METADATA_KEY, "the model was bundled for "
                    + "outputs " + (codes == null ? "(none recorded: not made by make-bundle)" : "[" + codes + "]")
                    + " but the manifest maps [" + expectedCodes + "] (swapped or edited pathology mapping)");
        }
        String fingerprint = metadata.get(FINGERPRINT_METADATA_KEY);
        String expected = fingerprint(manifest);
        if (!expected.equals(fingerprint)) {
            throw new BundleLoadException("model metadata " + FINGERPRINT_METADATA_KEY, "the model was bundled with "
                    + "behaviour fingerprint " + (fingerprint == null ? "(none)" : fingerprint) + " but the manifest's "
                    + "behavioural fields (header rules, thresholds, mapping, aggregate rule, preprocessing, profile) hash "
                    + "to " + expected + " (edited after bundling: re-bundle with make-bundle)");
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (NON_BEHAVIOURAL_FIELDS.contains(names.next())) {
                    names.remove();
                }
            }
            object.elements().forEachRemaining(BundleBehaviour::strip);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(BundleBehaviour::strip);
        }
    }
}
