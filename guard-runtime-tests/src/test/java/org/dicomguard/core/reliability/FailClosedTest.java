package org.dicomguard.core.reliability;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.monitoring.PipelineListener;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.ood.rules.HeaderRuleSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integrity and failing closed: a tampered model, profile or manifest refuses to load; a model
 * that emits NaN or values outside [0, 1] gives Failed with the output check's code, never a
 * Prediction; an exception inside a stage becomes Failed INTERNAL_ERROR; a throwing listener
 * changes no result.
 */
class FailClosedTest {

    @TempDir
    static Path dir;
    private static Path bundleDir;
    private static BundleManifest manifest;
    private static List<Path> study;

    @BeforeAll
    static void writeBundleAndStudy() throws IOException {
        bundleDir = dir.resolve("bundle");
        manifest = TestMammographyBundles.write(bundleDir);
        study = ReliabilityStudies.writeStudy(dir.resolve("study"), 5L, 0, ReliabilityStudies.Markers.distinctive());
    }

    private static Path copyOfBundle(String name) throws IOException {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (var files = Files.list(bundleDir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static void flipLastByte(Path file) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[b.length - 1] ^= 1;
        Files.write(file, b);
    }

    @Test
    void load_tamperedModel_isRefusedNamingModelSha256() throws IOException {
        Path copy = copyOfBundle("tampered-model");
        flipLastByte(copy.resolve("model.onnx"));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(copy));
        assertEquals("model.sha256", e.field());
    }

    @Test
    void load_tamperedProfile_isRefusedNamingProfileSha256() throws IOException {
        Path copy = copyOfBundle("tampered-profile");
        Path profile = copy.resolve("ood-profile.json");
        Files.writeString(profile, Files.readString(profile).replaceFirst("\"thresholdDistance\"\\s*:\\s*",
                "\"thresholdDistance\": 1"));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(copy));
        assertEquals("oodProfile.sha256", e.field());
    }

    @Test
    void load_manifestWithEditedPreprocessing_isRefusedNamingFingerprint() throws IOException {
        Path copy = copyOfBundle("tampered-manifest");
        Path m = copy.resolve("manifest.json");
        String json = Files.readString(m);
        String edited = json.replaceFirst("\"modelInputWidthPixels\"\\s*:\\s*32", "\"modelInputWidthPixels\" : 33");
        assertFalse(edited.equals(json), "the manifest layout changed: the edit did not apply");
        Files.writeString(m, edited);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(copy));
        assertEquals("preprocessingFingerprint", e.field());
    }

    @Test
    void load_manifestPointingAtAnotherModelHash_isRefused() throws IOException {
        Path copy = copyOfBundle("tampered-manifest-hash");
        Path m = copy.resolve("manifest.json");
        Files.writeString(m, Files.readString(m).replace(manifest.model().sha256(), "ab".repeat(32)));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(copy));
        assertEquals("model.sha256", e.field());
    }

    /** A bundle whose model has the given weights and squashing, all else equal to the test bundle. */
    private static ModelBundle bundleWithModel(String name, float[] weights, boolean sigmoid) throws Exception {
        byte[] model = OnnxTestModels.linear("image", new long[]{-1, 4, 32, 32}, "probabilities", 2, weights, sigmoid,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, StrictJson.fingerprint(TestMammographyBundles.CONFIG)));
        Path folder = dir.resolve(name);
        BundleWriter.write(folder, manifest, model, Files.readAllBytes(bundleDir.resolve("ood-profile.json")));
        return ModelBundle.load(folder);
    }

    private static GuardResult runOnce(ModelBundle bundle) throws Exception {
        try (Pipeline p = Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES).build()) {
            return p.run(study);
        }
    }

    @Test
    void run_modelEmittingNaN_isFailedNonFiniteOutput() throws Exception {
        float[] w = new float[4 * 32 * 32 * 2];
        Arrays.fill(w, Float.NaN);
        GuardResult result = runOnce(bundleWithModel("nan-model", w, true));
        assertEquals("NON_FINITE_OUTPUT", assertInstanceOf(Failed.class, result).errorCode(), result.toString());
    }

    @Test
    void run_modelWithoutSigmoid_isFailedOutputOutOfRange() throws Exception {
        float[] w = new float[4 * 32 * 32 * 2];
        Arrays.fill(w, 1f); // sum of a normalized breast image: far above 1
        GuardResult result = runOnce(bundleWithModel("logit-model", w, false));
        assertEquals("OUTPUT_OUT_OF_RANGE", assertInstanceOf(Failed.class, result).errorCode(), result.toString());
    }

    @Test
    void run_testBundleOnTheStudy_predicts() throws Exception {
        // The control for the two tests above: the same study through the intact model predicts.
        assertInstanceOf(Prediction.class, runOnce(ModelBundle.load(bundleDir)));
    }

    @Test
    void run_throwingListener_changesNoResult() throws Exception {
        List<String> quiet = new ArrayList<>();
        List<String> noisy = new ArrayList<>();
        List<List<Path>> inputs = List.of(study, List.of(dir.resolve("absent.dcm")));
        ModelBundle bundle = ModelBundle.load(bundleDir);
        try (Pipeline p = Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES).build()) {
            inputs.forEach(s -> quiet.add(ContractJson.write(p.run(s))));
        }
        PipelineListener throwing = event -> {
            throw new IllegalStateException("monitoring is down");
        };
        try (LogCapture logs = new LogCapture();
             Pipeline p = Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES).listener(throwing).build()) {
            inputs.forEach(s -> noisy.add(ContractJson.write(p.run(s))));
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("pipeline listener failed")), logs.lines().toString());
        }
        assertEquals(quiet, noisy);
    }

    @Test
    void run_negativePixelSpacingPastTheHeaderRules_isFailedWithAStableCodeNotInternalError() throws Exception {
        // With every header rule switched off, a negative PixelSpacing reaches the preprocessing
        // input record, which refuses it: bad input, so a stable code naming the value.
        Path file = negativeSpacingStudy();
        try (Pipeline p = Pipeline.builder(ModelBundle.load(bundleDir)).headerRules(HeaderRuleSet.acceptAll()).build()) {
            GuardResult result = p.run(List.of(file));
            Failed failed = assertInstanceOf(Failed.class, result, result.toString());
            assertEquals("UNSUPPORTED_PIXEL_FORMAT", failed.errorCode());
            assertTrue(failed.message().contains("pixel spacing must be finite and > 0 mm"), failed.message());
        }
    }

    @Test
    void run_exceptionInsideAStage_isFailedInternalErrorNeverAPrediction() throws Exception {
        // No input reaches an unexpected exception any more, so one is planted: the Pipeline's gate
        // is swapped (bypassing build()'s check) for one that needs a statistic preprocessing does
        // not emit, which throws IllegalArgumentException inside the statistics gate stage. The
        // Pipeline's one boundary must turn that into Failed INTERNAL_ERROR (and log it).
        var specs = List.of(new org.dicomguard.ood.FeatureSpec("noSuchStatistic", "1"));
        var throwing = new org.dicomguard.ood.gate.OodGate(ReliabilityStudies.RULES,
                new org.dicomguard.ood.gate.MahalanobisGate(specs, new double[] {0}, new double[][] {{1}}, 3.0));
        List<Path> study = ReliabilityStudies.writeStudy(dir.resolve("study"), 5L, 0,
                ReliabilityStudies.Markers.distinctive());
        try (LogCapture logs = new LogCapture();
             Pipeline p = Pipeline.builder(ModelBundle.load(bundleDir)).headerRules(ReliabilityStudies.RULES).build()) {
            java.lang.reflect.Field gate = Pipeline.class.getDeclaredField("gate");
            gate.setAccessible(true);
            gate.set(p, throwing);
            GuardResult result = p.run(study);
            Failed failed = assertInstanceOf(Failed.class, result, result.toString());
            assertEquals("INTERNAL_ERROR", failed.errorCode());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("internal error in study pipeline")));
        }
    }

    private Path negativeSpacingStudy() throws IOException {
        MammographySyntheticImage view = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                .study(5L, 0).views().get(0);
        var ds = ReliabilityStudies.image(view, "2.25.4242", "2.25.4242.1", 1, ReliabilityStudies.Markers.distinctive(),
                -0.1, -0.1);
        Path file = dir.resolve("negative-spacing.dcm");
        DicomWriter.write(file, ds);
        return file;
    }
}
