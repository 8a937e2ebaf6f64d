package org.dicomguard.core.bundle;

import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.InputStatistic;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfile;
import org.dicomguard.ood.profile.ReferenceProfileJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete, valid mammography bundle for tests of the Pipeline and of the tools built on it:
 * a small model input (4 x 32 x 32), a tiny linear ONNX model generated in code whose two
 * outputs are deterministic functions of the input, and an OOD profile fitted on statistics of
 * synthetic breasts at {@link #IMAGE_SIZE}, so in-distribution synthetic studies of that size
 * pass the gate and OOD kinds do not. Shared by guard-core's tests and, through the test-jar,
 * by the other modules' tests.
 */
public final class TestMammographyBundles {

    /** Image size the profile is fitted for; write test studies at this size. */
    public static final MammographySyntheticSize IMAGE_SIZE = MammographySyntheticSize.fixed(320, 256);
    /** Synthetic generator options matching the profile. */
    public static final MammographySyntheticOptions OPTIONS = MammographySyntheticOptions.defaults().withImageSize(IMAGE_SIZE);
    /** The bundle's preprocessing config: defaults with a 32 x 32 model input. */
    public static final MammographyPreprocessingConfig CONFIG =
            MammographyPreprocessingConfig.defaults().toBuilder().modelInputWidthPixels(32).modelInputHeightPixels(32).build();

    private TestMammographyBundles() {
    }

    /**
     * The test bundle's composition: the mammography default, but partial studies allowed, so that
     * the many tests that run ONE crafted file (hostile corpus, fail-closed, leak tests) reach the
     * reader and the rules they test. Tests of the composition policy itself write the default
     * with {@link #write(Path, org.dicomguard.core.study.StudyCompositionPolicy)}.
     */
    public static final org.dicomguard.core.study.StudyCompositionPolicy SINGLE_FILE_POLICY =
            new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition().withPartialStudyAllowed(true);

    /**
     * Writes the bundle (about 1 s: it preprocesses 60 synthetic studies to fit the profile), with
     * {@link #SINGLE_FILE_POLICY}.
     *
     * @param folder target folder
     * @return the manifest written
     */
    public static BundleManifest write(Path folder) throws IOException {
        return write(folder, SINGLE_FILE_POLICY);
    }

    /**
     * Writes the bundle with another study composition policy.
     *
     * @param folder target folder
     * @param policy the manifest's studyComposition
     * @return the manifest written
     */
    public static BundleManifest write(Path folder, org.dicomguard.core.study.StudyCompositionPolicy policy)
            throws IOException {
        return write(folder, "test-mammography-1", OPTIONS,
                org.dicomguard.ood.rules.HeaderRuleSet.mammography().withPixelSpacingRangeMm(0.02, 2.0), policy);
    }

    /**
     * Writes this bundle's model and preprocessing with a profile fitted at other synthetic options
     * and other header rules (for tests whose studies must pass the default rules, say).
     *
     * @param folder         target folder
     * @param bundleId       the bundle id
     * @param profileOptions synthetic options of the 60 studies the profile is fitted on
     * @param rules          header rules recorded in the manifest
     * @return the manifest written
     */
    public static BundleManifest write(Path folder, String bundleId, MammographySyntheticOptions profileOptions,
                                       org.dicomguard.ood.rules.HeaderRuleSet rules) throws IOException {
        return write(folder, bundleId, profileOptions, rules, SINGLE_FILE_POLICY);
    }

    private static BundleManifest write(Path folder, String bundleId, MammographySyntheticOptions profileOptions,
                                        org.dicomguard.ood.rules.HeaderRuleSet rules,
                                        org.dicomguard.core.study.StudyCompositionPolicy policy) throws IOException {
        int features = 4 * 32 * 32;
        float[] w = new float[features * 2];
        for (int i = 0; i < features; i++) {
            // Output 0 rises with overall brightness, output 1 with the left-view channels only.
            w[i * 2] = 4f / features;
            w[i * 2 + 1] = i < features / 2 ? 6f / features : -2f / features;
        }
        byte[] model = OnnxTestModels.linear("image", new long[]{-1, 4, 32, 32}, "probabilities", 2, w, true,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, StrictJson.fingerprint(CONFIG)));
        String zero = "0".repeat(64);
        BundleManifest template = new BundleManifest(1, bundleId, new org.dicomguard.core.task.mammography.MammographyTask(),
                new BundleManifest.ModelSpec("model.onnx", zero, "image", List.of(-1L, 4L, 32L, 32L), "probabilities",
                        List.of(-1L, 2L)),
                List.of(new BundleManifest.PathologySpec("mass", "Mass", 0, 0.5f),
                        new BundleManifest.PathologySpec("calcification", "Calcification", 1, 0.5f)),
                new BundleManifest.AnyPathologySpec("max", -1), CONFIG, zero, rules,
                new BundleManifest.FileRef("ood-profile.json", zero),
                new BundleManifest.ReferenceMetrics("test bundle, no reference pack", 0.05, List.of()), policy);
        return BundleWriter.write(folder, template, model,
                ReferenceProfileJson.toJson(profile(profileOptions)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * For models built outside Java (Python scripts under test resources) that take this bundle's input.
     *
     * @param model ONNX model bytes
     * @return the model with {@link #CONFIG}'s preprocessing fingerprint in its metadata, ready for {@link BundleWriter}
     */
    public static byte[] withConfigFingerprint(byte[] model) {
        return OnnxMetadataProps.withEntries(model,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, StrictJson.fingerprint(CONFIG)));
    }

    /** @return a profile fitted on 240 synthetic views (60 studies), per-image false-reject rate 0.01 */
    public static ReferenceProfile profile() {
        return profile(OPTIONS);
    }

    /**
     * @param options synthetic options of the 60 studies
     * @return a profile fitted on their 240 views, per-image false-reject rate 0.01
     */
    public static ReferenceProfile profile(MammographySyntheticOptions options) {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(CONFIG);
        List<InputStatistics> stats = new ArrayList<>();
        for (MammographySyntheticStudy study : new MammographySyntheticGenerator(options).studies(9001L, 60)) {
            for (MammographySyntheticImage view : study.views()) {
                InputStatistics.Builder b = InputStatistics.builder();
                for (InputStatistic s : preprocessor.preprocess(view.toPreprocessingInput()).statistics()) {
                    b.add(s.name(), s.unit(), s.value());
                }
                stats.add(b.build());
            }
        }
        return ProfileFitter.fit(stats, 0.5, 7L, 0.01);
    }
}
