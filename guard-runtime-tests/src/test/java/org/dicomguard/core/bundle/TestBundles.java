package org.dicomguard.core.bundle;

import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small valid bundles for tests, built in code around {@link OnnxTestModels}. */
public final class TestBundles {

    public static final String ZERO_SHA = "0".repeat(64);
    public static final List<Long> INPUT_SHAPE = List.of(1L, 2L, 3L);

    private TestBundles() {
    }

    /** @return a manifest with three pathologies over a 3-output model and placeholder hashes */
    public static BundleManifest manifest(PreprocessingConfig config) {
        return new BundleManifest(1, "test-bundle-1", new org.dicomguard.core.task.mammography.MammographyTask(),
                new BundleManifest.ModelSpec("model.onnx", ZERO_SHA, "image", INPUT_SHAPE, "probabilities", List.of(-1L, 3L)),
                List.of(new BundleManifest.PathologySpec("mass", "Mass", 0, 0.5f),
                        new BundleManifest.PathologySpec("calcification", "Calcification", 1, 0.4f),
                        new BundleManifest.PathologySpec("distortion", "Architectural distortion", 2, 0.3f)),
                new BundleManifest.AnyPathologySpec("max", -1),
                config, ZERO_SHA, org.dicomguard.ood.rules.HeaderRuleSet.acceptAll(), new BundleManifest.FileRef("ood-profile.json", ZERO_SHA),
                new BundleManifest.ReferenceMetrics("unit test", 0.05, List.of()));
    }

    /** @return model bytes whose metadata carries the fingerprint of {@code config} */
    public static byte[] model(PreprocessingConfig config) {
        return model(StrictJson.fingerprint(config));
    }

    /** @return model bytes whose metadata carries the given fingerprint */
    public static byte[] model(String fingerprint) {
        float[] w = new float[6 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 5 - 2) / 10f;
        }
        return OnnxTestModels.linear("image", new long[]{-1, 2, 3}, "probabilities", 3, w, true,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, fingerprint));
    }

    /** Writes a valid bundle with the default mammography config into {@code folder}. */
    public static BundleManifest write(Path folder) throws IOException {
        PreprocessingConfig config = MammographyPreprocessingConfig.defaults();
        return BundleWriter.write(folder, manifest(config), model(config),
                "{\"placeholder\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
