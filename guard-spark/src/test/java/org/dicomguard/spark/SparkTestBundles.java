package org.dicomguard.spark;

import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.BundleWriter;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.InputStatistic;
import org.dicomguard.core.preprocess.MammographyPreprocessor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfileJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared test bundle's model and preprocessing ({@link TestMammographyBundles}) with an OOD
 * profile fitted at {@link #OPTIONS}' image size. Why not the shared bundle as is: its 320 x 256
 * synthetic images have 0.73 mm pixels, which the default mammography header rules (0.02 to
 * 0.3 mm) reject, and the spark tests need predictions from the default Pipeline that
 * {@code score} builds. At 832 x 640 the synthetic pixels are about 0.28 mm.
 */
final class SparkTestBundles {

    /** Synthetic options of the archive and of the profile. */
    static final MammographySyntheticOptions OPTIONS =
            MammographySyntheticOptions.defaults().withImageSize(MammographySyntheticSize.fixed(832, 640));

    private SparkTestBundles() {
    }

    /**
     * @param folder target folder
     * @return the manifest written
     */
    static BundleManifest write(Path folder) throws IOException {
        int features = 4 * 32 * 32;
        float[] w = new float[features * 2];
        for (int i = 0; i < features; i++) {
            w[i * 2] = 4f / features;
            w[i * 2 + 1] = i < features / 2 ? 6f / features : -2f / features;
        }
        byte[] model = OnnxTestModels.linear("image", new long[]{-1, 4, 32, 32}, "probabilities", 2, w, true,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, StrictJson.fingerprint(TestMammographyBundles.CONFIG)));
        String zero = "0".repeat(64);
        BundleManifest template = new BundleManifest(1, "spark-test-mammography-1", BundleManifest.Task.MAMMOGRAPHY,
                new BundleManifest.ModelSpec("model.onnx", zero, "image", List.of(-1L, 4L, 32L, 32L), "probabilities",
                        List.of(-1L, 2L)),
                List.of(new BundleManifest.PathologySpec("mass", "Mass", 0, 0.5f),
                        new BundleManifest.PathologySpec("calcification", "Calcification", 1, 0.5f)),
                new BundleManifest.AnyPathologySpec("max", -1), TestMammographyBundles.CONFIG, zero,
                org.dicomguard.ood.rules.HeaderRuleSet.mammography(),
                new BundleManifest.FileRef("ood-profile.json", zero),
                new BundleManifest.ReferenceMetrics("spark test bundle, no reference pack", 0.05, List.of()));
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(TestMammographyBundles.CONFIG);
        List<InputStatistics> stats = new ArrayList<>();
        for (MammographySyntheticStudy study : new MammographySyntheticGenerator(OPTIONS).studies(9001L, 60)) {
            for (MammographySyntheticImage view : study.views()) {
                InputStatistics.Builder b = InputStatistics.builder();
                for (InputStatistic s : preprocessor.preprocess(view.toPreprocessingInput()).statistics()) {
                    b.add(s.name(), s.unit(), s.value());
                }
                stats.add(b.build());
            }
        }
        byte[] profile = ReferenceProfileJson.toJson(ProfileFitter.fit(stats, 0.5, 7L, 0.01)).getBytes(StandardCharsets.UTF_8);
        return BundleWriter.write(folder, template, model, profile);
    }
}
