package org.dicomguard.training;

import org.dicomguard.core.bundle.BundleBehaviour;
import org.dicomguard.core.bundle.BundleManifest;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dicomguard.core.json.StrictJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a bundle folder whose manifest hashes and fingerprint are computed from the files
 * written, so that a released bundle is consistent by construction. Used by the training
 * tooling and by tests that need a valid (or deliberately broken) bundle.
 */
public final class BundleWriter {

    private BundleWriter() {
    }

    /**
     * @param folder       target folder, created if missing; existing bundle files are replaced
     * @param template     the manifest; its {@code model.sha256}, {@code oodProfile.sha256} and
     *                     {@code preprocessingFingerprint} are replaced by computed values
     * @param modelBytes   the ONNX model, not modified; the written copy carries the pathology codes in output
     *                     order and the behaviour fingerprint in its metadata ({@link BundleBehaviour})
     * @param profileBytes the OOD profile JSON, not modified
     * @return the manifest as written
     * @throws IOException when the folder cannot be written
     */
    public static BundleManifest write(Path folder, BundleManifest template, byte[] modelBytes, byte[] profileBytes)
            throws IOException {
        BundleManifest.ModelSpec m = template.model();
        BundleManifest unhashed = withModelSha256(template, template.model().sha256(), profileBytes);
        // The behaviour fingerprint leaves model.sha256 out, so it can be stamped before the model is hashed.
        byte[] stamped = BundleBehaviour.stamp(modelBytes, unhashed);
        BundleManifest manifest = withModelSha256(template, StrictJson.sha256Hex(stamped), profileBytes);
        Files.createDirectories(folder);
        Files.write(folder.resolve(m.file()), stamped);
        Files.write(folder.resolve(manifest.oodProfile().file()), profileBytes);
        Files.writeString(folder.resolve("manifest.json"), StrictJson.mapper()
                .writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n");
        return manifest;
    }

    private static BundleManifest withModelSha256(BundleManifest template, String modelSha256, byte[] profileBytes) {
        BundleManifest.ModelSpec m = template.model();
        return new BundleManifest(template.schemaVersion(), template.bundleId(), template.task(),
                new BundleManifest.ModelSpec(m.file(), modelSha256, m.inputName(), m.inputShape(),
                        m.outputName(), m.outputShape()),
                template.pathologies(), template.anyPathology(), template.preprocessing(),
                template.preprocessing().sha256Fingerprint(), template.headerRules(),
                new BundleManifest.FileRef(template.oodProfile().file(), StrictJson.sha256Hex(profileBytes)),
                template.referenceMetrics(), template.studyComposition(), template.trainingPackFingerprint());
    }
}
