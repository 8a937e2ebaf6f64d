package org.dicomguard.core.reliability;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReadLimits;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.gate.MahalanobisGate;
import org.dicomguard.ood.rules.HeaderRuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never die, never lose the batch (issue 14, item 5), through {@code Pipeline.run}: a chest CT
 * study over the per-study decode budget, a model that never finishes and an OutOfMemoryError
 * inside a study each give Failed with their stable code for that study only, and the same
 * Pipeline predicts the next study.
 */
class StudyRunLimitsTest {

    @TempDir
    static Path dir;
    private static Path bundleDir;
    private static BundleManifest manifest;
    private static List<Path> study;

    @BeforeAll
    static void writeBundleAndStudy() throws Exception {
        bundleDir = dir.resolve("bundle");
        manifest = TestMammographyBundles.write(bundleDir);
        study = ReliabilityStudies.writeStudy(dir.resolve("study"), 5L, 0, ReliabilityStudies.Markers.distinctive());
    }

    private static Pipeline mammography(ModelBundle bundle, InferenceSettings settings) throws Exception {
        return Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES).inferenceSettings(settings).build();
    }

    // --- 1. a chest CT study over the per-study decode budget ----------------------------------

    /** Chest CT preprocessing on a 4 x 16 x 16 grid, accepting series of 8 slices or more. */
    private static final ChestCtPreprocessingConfig CT_CONFIG = ChestCtPreprocessingConfig.defaults()
            .toBuilder().targetGridVoxels(4, 16, 16).minSliceCount(8).build();

    /** A chest CT bundle around a linear model on {@link #CT_CONFIG}'s grid; its gate is set per Pipeline. */
    private static ModelBundle chestCtBundle() throws Exception {
        int features = 4 * 16 * 16;
        float[] w = new float[features];
        Arrays.fill(w, 1f / features);
        byte[] model = OnnxTestModels.linear("image", new long[]{-1, 1, 4, 16, 16}, "probabilities", 1, w, true,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, StrictJson.fingerprint(CT_CONFIG)));
        String zero = "0".repeat(64);
        BundleManifest template = new BundleManifest(1, "test-chest-ct-1", new org.dicomguard.core.task.chestct.ChestCtTask(),
                new BundleManifest.ModelSpec("model.onnx", zero, "image", List.of(-1L, 1L, 4L, 16L, 16L),
                        "probabilities", List.of(-1L, 1L)),
                List.of(new BundleManifest.PathologySpec("nodule", "Nodule", 0, 0.5f)),
                new BundleManifest.AnyPathologySpec("max", -1), CT_CONFIG, zero, HeaderRuleSet.acceptAll(),
                new BundleManifest.FileRef("ood-profile.json", zero),
                new BundleManifest.ReferenceMetrics("test bundle, no reference pack", 0.05, List.of()), null);
        Path folder = dir.resolve("chest-ct-bundle");
        BundleWriter.write(folder, template, model, "{\"placeholder\":true}".getBytes(StandardCharsets.UTF_8));
        return ModelBundle.load(folder);
    }

    /** @return the slices of one synthetic chest CT series (SyntheticPackWriter's default size), sorted by name */
    private static List<Path> chestCtSlices() throws Exception {
        Path pack = dir.resolve("chest-ct-pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 11, 1)).write(pack);
        try (Stream<Path> files = Files.list(pack.resolve("study-0000"))) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    @Test
    void run_chestCtStudyOverThePerStudyDecodeBudget_isFailedLimitExceededAndTheNextStudyPredicts() throws Exception {
        // The 500 CT slices under a 512 MB heap, scaled down: the whole series against a study
        // budget that holds half of it; the next study is eight consecutive slices of the series.
        List<Path> slices = chestCtSlices();
        assertTrue(slices.size() >= 32, "the synthetic series has " + slices.size() + " slices");
        long sliceBytes = Files.size(slices.get(0));
        DicomReadLimits limits = DicomReadLimits.defaults().withDecodeBudgets(4 * sliceBytes,
                slices.size() * sliceBytes / 2);
        // A gate that accepts every chest CT series: this test is about the budget, not the statistics.
        MahalanobisGate acceptAll = new MahalanobisGate(List.of(new FeatureSpec("sliceCount", "count")),
                new double[]{0}, new double[][]{{1e6}}, 1e6);
        try (Pipeline p = Pipeline.builder(chestCtBundle()).headerRules(HeaderRuleSet.acceptAll())
                .statisticsGate(acceptAll).readLimits(limits).build()) {
            GuardResult whole = p.run(slices);
            assertEquals("LIMIT_EXCEEDED", assertInstanceOf(Failed.class, whole, ContractJson.write(whole)).errorCode());
            GuardResult part = p.run(slices.subList(0, 8));
            assertInstanceOf(Prediction.class, part, ContractJson.write(part));
        }
    }

    // --- 2. a model that never finishes ----------------------------------------------------------

    /** The test bundle with the never-ending Loop of {@code models/never-ending-mammography-loop.py} as its model. */
    private static ModelBundle neverEndingBundle() throws Exception {
        byte[] loop;
        try (InputStream in = StudyRunLimitsTest.class.getResourceAsStream("/models/never-ending-mammography-loop.onnx")) {
            loop = in.readAllBytes();
        }
        Path folder = dir.resolve("never-ending-bundle");
        BundleWriter.write(folder, manifest, TestMammographyBundles.withConfigFingerprint(loop),
                Files.readAllBytes(bundleDir.resolve("ood-profile.json")));
        return ModelBundle.load(folder);
    }

    @Test
    void run_modelThatNeverFinishes_isFailedInferenceTimeoutAndThePipelineAnswersTheNextStudy() throws Exception {
        InferenceSettings settings = InferenceSettings.defaults().withInferenceTimeoutMillis(500);
        try (Pipeline never = mammography(neverEndingBundle(), settings);
             Pipeline good = mammography(ModelBundle.load(bundleDir), settings)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                // The second run shows the Pipeline (and its session) still answers after a stop.
                GuardResult result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> never.run(study));
                Failed failed = assertInstanceOf(Failed.class, result, ContractJson.write(result));
                assertEquals("INFERENCE_TIMEOUT", failed.errorCode());
            }
            assertInstanceOf(Prediction.class, good.run(study));
        }
    }

    // --- 3. OutOfMemoryError inside a study -------------------------------------------------------

    @Test
    void run_outOfMemoryErrorInsideAStudy_isFailedOutOfMemoryForThatStudyOnly() throws Exception {
        // The heap is not exhausted (that would endanger the test JVM): the Pipeline's preparer is
        // swapped (bypassing build(), as FailClosedTest plants INTERNAL_ERROR) for one that throws
        // OutOfMemoryError on its first study, as an array allocation would, and prepares the rest.
        AtomicInteger calls = new AtomicInteger();
        try (Pipeline p = mammography(ModelBundle.load(bundleDir), InferenceSettings.defaults())) {
            StudyPreparer real = p.preparer();
            StudyPreparer failingOnce = new StudyPreparer() {
                @Override
                public PreparedStudy prepare(List<StudyImage> images) throws DicomException, UnusableStudyException {
                    if (calls.getAndIncrement() == 0) {
                        throw new OutOfMemoryError("test: Java heap space");
                    }
                    return real.prepare(images);
                }
            };
            java.lang.reflect.Field preparer = Pipeline.class.getDeclaredField("preparer");
            preparer.setAccessible(true);
            preparer.set(p, failingOnce);
            GuardResult first = p.run(study);
            Failed failed = assertInstanceOf(Failed.class, first, ContractJson.write(first));
            assertEquals("OUT_OF_MEMORY", failed.errorCode());
            GuardResult next = p.run(study);
            assertInstanceOf(Prediction.class, next, ContractJson.write(next));
            assertEquals(2, calls.get());
        }
    }
}
