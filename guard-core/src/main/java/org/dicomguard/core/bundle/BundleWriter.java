package org.dicomguard.core.bundle;

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
     * @param modelBytes   the ONNX model, not modified
     * @param profileBytes the OOD profile JSON, not modified
     * @return the manifest as written
     * @throws IOException when the folder cannot be written
     */
    public static BundleManifest write(Path folder, BundleManifest template, byte[] modelBytes, byte[] profileBytes)
            throws IOException {
        BundleManifest.ModelSpec m = template.model();
        BundleManifest manifest = new BundleManifest(template.schemaVersion(), template.bundleId(), template.task(),
                new BundleManifest.ModelSpec(m.file(), StrictJson.sha256Hex(modelBytes), m.inputName(), m.inputShape(),
                        m.outputName(), m.outputShape()),
                template.pathologies(), template.anyPathology(), template.preprocessing(),
                StrictJson.fingerprint(template.preprocessing()), template.headerRules(),
                new BundleManifest.FileRef(template.oodProfile().file(), StrictJson.sha256Hex(profileBytes)),
                template.referenceMetrics(), template.studyComposition());
        Files.createDirectories(folder);
        Files.write(folder.resolve(m.file()), modelBytes);
        Files.write(folder.resolve(manifest.oodProfile().file()), profileBytes);
        Files.writeString(folder.resolve("manifest.json"), StrictJson.mapper()
                .writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n");
        return manifest;
    }
}
