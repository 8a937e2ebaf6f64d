package org.dicomguard.core.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.inference.OnnxModelInfo;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.json.StrictJson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A verified model bundle: manifest, model bytes and OOD profile bytes that belong together.
 *
 * <p>Design note: a bundle travels as one unit so that the model can never be run with another
 * preprocessing than the one it was trained with. {@link #load(Path)} verifies the SHA-256 of
 * the model and the profile and recomputes the preprocessing fingerprint from the typed config;
 * {@link #openModel(InferenceSettings)} then checks that the ONNX model itself carries the same
 * fingerprint in its metadata and has the declared input and output. Every mismatch refuses to
 * load with a message naming the field and both values. The model is opened from the very bytes
 * that were hashed, so the file cannot change between check and use.
 *
 * <p>Immutable and thread-safe.
 */
public final class ModelBundle {

    /** The ONNX metadata key that carries the preprocessing fingerprint. */
    public static final String FINGERPRINT_METADATA_KEY = "dicomguard.preprocessingFingerprint";
    /** Largest manifest or profile accepted, in bytes. */
    public static final long MAX_JSON_FILE_SIZE_BYTES = 16L << 20;
    /** Largest model accepted, in bytes. */
    public static final long MAX_MODEL_FILE_SIZE_BYTES = 1L << 30;
    private static final String MANIFEST = "manifest.json";

    private final Path source;
    private final BundleManifest manifest;
    private final byte[] modelBytes;
    private final byte[] oodProfileBytes;

    private ModelBundle(Path source, BundleManifest manifest, byte[] modelBytes, byte[] oodProfileBytes) {
        this.source = source;
        this.manifest = manifest;
        this.modelBytes = modelBytes;
        this.oodProfileBytes = oodProfileBytes;
    }

    /**
     * Loads and verifies a bundle folder or zip file.
     *
     * @param path a folder holding manifest.json, or a .zip with those files at its root
     * @return the verified bundle
     * @throws BundleLoadException naming the field when a file is missing, too large or does not match
     */
    public static ModelBundle load(Path path) throws BundleLoadException {
        Objects.requireNonNull(path, "path");
        BundleManifest manifest;
        byte[] model;
        byte[] profile;
        try (BundleFiles files = BundleFiles.open(path)) {
            byte[] manifestBytes = files.read(MANIFEST, MAX_JSON_FILE_SIZE_BYTES);
            manifest = parseManifest(manifestBytes);
            model = files.read(manifest.model().file(), MAX_MODEL_FILE_SIZE_BYTES);
            checkHash("model.sha256", manifest.model().file(), manifest.model().sha256(), model);
            profile = files.read(manifest.oodProfile().file(), MAX_JSON_FILE_SIZE_BYTES);
            checkHash("oodProfile.sha256", manifest.oodProfile().file(), manifest.oodProfile().sha256(), profile);
        }
        ManifestContractCheck.check(manifest, manifest.model().sha256());
        String recomputed = manifest.preprocessing().sha256Fingerprint();
        if (!recomputed.equals(manifest.preprocessingFingerprint())) {
            throw new BundleLoadException("preprocessingFingerprint", "manifest says "
                    + manifest.preprocessingFingerprint() + " but the preprocessing config in the manifest hashes to "
                    + recomputed + " (was the config edited without re-validating the model?)");
        }
        String configTask = manifest.preprocessing().taskName();
        if (!configTask.equals(manifest.task().name())) {
            throw new BundleLoadException("preprocessing.task", "manifest task is " + manifest.task().name()
                    + " but the preprocessing config is for " + configTask);
        }
        int outputs = manifest.model().outputCount();
        for (BundleManifest.PathologySpec p : manifest.pathologies()) {
            if (p.outputIndex() >= outputs) {
                throw new BundleLoadException("pathologies[" + p.code() + "].outputIndex", "is " + p.outputIndex()
                        + " but the model has " + outputs + " outputs (indexes 0.." + (outputs - 1) + ")");
            }
        }
        if (manifest.anyPathology().outputIndex() >= outputs) {
            throw new BundleLoadException("anyPathology.outputIndex", "is " + manifest.anyPathology().outputIndex()
                    + " but the model has " + outputs + " outputs");
        }
        verifyBehaviour(manifest, model);
        return new ModelBundle(path, manifest, model, profile);
    }

    /**
     * Behaviour integrity (issue 18): the model must carry this manifest's pathology order and
     * behaviour fingerprint, written by {@code org.dicomguard.training.BundleWriter} (guard-training); see {@link BundleBehaviour}.
     */
    private static void verifyBehaviour(BundleManifest manifest, byte[] model) throws BundleLoadException {
        BundleBehaviour.verify(manifest, model);
    }

    private static BundleManifest parseManifest(byte[] bytes) throws BundleLoadException {
        try {
            return StrictJson.mapper().readValue(bytes, BundleManifest.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BundleLoadException(MANIFEST, cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new BundleLoadException(MANIFEST, e.getOriginalMessage() + locationOf(e), e);
        } catch (IOException e) {
            throw new BundleLoadException(MANIFEST, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private static void checkHash(String field, String file, String expected, byte[] bytes) throws BundleLoadException {
        String actual = StrictJson.sha256Hex(bytes);
        if (!actual.equals(expected)) {
            throw new BundleLoadException(field, "manifest says " + expected + " but " + file + " hashes to " + actual
                    + " (the file was changed or replaced)");
        }
    }

    /**
     * Opens the model with ONNX Runtime and checks it against the manifest: the fingerprint in
     * the ONNX metadata and the input and output names and shapes.
     *
     * @param settings session options
     * @return the open model; the caller closes it
     * @throws BundleLoadException naming the field when the model contradicts the manifest
     * @throws ModelLoadException  when ONNX Runtime cannot open the model
     */
    public OrtModel openModel(InferenceSettings settings) throws BundleLoadException, ModelLoadException {
        OrtModel model = OrtModel.open(modelBytes, settings);
        try {
            verifyAgainstManifest(model.info());
            return model;
        } catch (BundleLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private void verifyAgainstManifest(OnnxModelInfo info) throws BundleLoadException {
        String inModel = info.customMetadata().get(FINGERPRINT_METADATA_KEY);
        if (!manifest.preprocessingFingerprint().equals(inModel)) {
            throw new BundleLoadException("model metadata " + FINGERPRINT_METADATA_KEY, "the ONNX model carries "
                    + (inModel == null ? "no fingerprint" : inModel) + " but the manifest says "
                    + manifest.preprocessingFingerprint() + " (model trained with another preprocessing)");
        }
        BundleManifest.ModelSpec spec = manifest.model();
        if (!spec.inputName().equals(info.inputName())) {
            throw new BundleLoadException("model.inputName", "manifest says " + spec.inputName()
                    + " but the model's input is " + info.inputName());
        }
        if (!spec.outputName().equals(info.outputName())) {
            throw new BundleLoadException("model.outputName", "manifest says " + spec.outputName()
                    + " but the model's output is " + info.outputName());
        }
        checkShape("model.inputShape", spec.inputShape(), info.inputShape());
        checkShape("model.outputShape", spec.outputShape(), info.outputShape());
    }

    private static void checkShape(String field, List<Long> declared, long[] actual) throws BundleLoadException {
        boolean same = declared.size() == actual.length;
        for (int i = 0; same && i < actual.length; i++) {
            long d = declared.get(i);
            // A symbolic batch dimension (-1) matches any batch size; every other dimension must agree.
            same = d == actual[i] || (i == 0 && (d == -1 || actual[i] == -1));
        }
        if (!same) {
            throw new BundleLoadException(field, "manifest says " + declared + " but the model declares "
                    + Arrays.toString(actual));
        }
    }

    /** @return the folder or zip the bundle was loaded from */
    public Path source() {
        return source;
    }

    /** @return the verified manifest */
    public BundleManifest manifest() {
        return manifest;
    }

    /** @return SHA-256 of the model file, as verified */
    public String modelSha256() {
        return manifest.model().sha256();
    }

    /** @return a copy of the OOD profile file's bytes, as verified */
    public byte[] oodProfileBytes() {
        return oodProfileBytes.clone();
    }
}
