package org.dicomguard.core.bundle;

import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.OrtModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleBehaviourTest {

    @TempDir
    Path dir;

    private Path manifest() {
        return dir.resolve("manifest.json");
    }

    private void edit(String from, String to) throws Exception {
        String json = Files.readString(manifest());
        assertTrue(json.contains(from), "manifest lacks " + from);
        Files.writeString(manifest(), json.replace(from, to));
    }

    @Test
    void write_model_carriesOrderedCodesAndFingerprintReadableByOnnxRuntime() throws Exception {
        BundleManifest written = TestBundles.write(dir);
        try (OrtModel model = ModelBundle.load(dir).openModel(InferenceSettings.defaults())) {
            Map<String, String> metadata = model.info().customMetadata();
            assertEquals("mass,calcification,distortion", metadata.get(BundleBehaviour.PATHOLOGY_CODES_METADATA_KEY));
            assertEquals(BundleBehaviour.fingerprint(written), metadata.get(BundleBehaviour.FINGERPRINT_METADATA_KEY));
            assertEquals(written.preprocessingFingerprint(), metadata.get(ModelBundle.FINGERPRINT_METADATA_KEY));
        }
    }

    @Test
    void stamp_twice_replacesTheEntriesInsteadOfAddingDuplicates() {
        BundleManifest m = TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults());
        byte[] once = BundleBehaviour.stamp(TestBundles.model(m.preprocessing()), m);
        assertArrayEquals(once, BundleBehaviour.stamp(once, m));
        assertEquals(3, OnnxMetadataProps.read(once).size());
    }

    @Test
    void load_swappedPathologyMapping_isRefusedNamingThePathologyCodes() throws Exception {
        TestBundles.write(dir);
        edit("\"outputIndex\" : 0", "\"outputIndex\" : 9");
        edit("\"outputIndex\" : 1", "\"outputIndex\" : 0");
        edit("\"outputIndex\" : 9", "\"outputIndex\" : 1");
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertEquals("model metadata " + BundleBehaviour.PATHOLOGY_CODES_METADATA_KEY, e.field());
        assertTrue(e.getMessage().contains("[mass,calcification,distortion]"), e.getMessage());
    }

    @Test
    void load_handWidenedHeaderRule_isRefusedNamingTheBehaviourFingerprint() throws Exception {
        BundleManifest m = TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults());
        BundleWriter.write(dir, new BundleManifest(m.schemaVersion(), m.bundleId(), m.task(), m.model(), m.pathologies(),
                        m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(),
                        org.dicomguard.ood.rules.HeaderRuleSet.mammography(), m.oodProfile(), m.referenceMetrics()),
                TestBundles.model(m.preprocessing()), "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ModelBundle.load(dir);
        String json = Files.readString(manifest());
        String widened = json.replaceFirst("\"maxPixelSpacingMm\" : [0-9.]+", "\"maxPixelSpacingMm\" : 60.0");
        assertNotEquals(json, widened);
        Files.writeString(manifest(), widened);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertEquals("model metadata " + BundleBehaviour.FINGERPRINT_METADATA_KEY, e.field());
    }

    @Test
    void load_editedDecisionThresholdOrAggregateRule_isRefused() throws Exception {
        TestBundles.write(dir);
        edit("\"decisionThresholdProbability\" : 0.5", "\"decisionThresholdProbability\" : 0.05");
        assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        TestBundles.write(dir);
        edit("\"rule\" : \"max\"", "\"rule\" : \"noisyOr\"");
        assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
    }

    @Test
    void load_renamedBundleOrDisplayNameOrReferenceText_stillLoads() throws Exception {
        BundleManifest written = TestBundles.write(dir);
        edit("\"test-bundle-1\"", "\"test-bundle-renamed\"");
        edit("\"Architectural distortion\"", "\"Distortion\"");
        edit("\"unit test\"", "\"another description\"");
        BundleManifest loaded = ModelBundle.load(dir).manifest();
        assertEquals("test-bundle-renamed", loaded.bundleId());
        assertEquals(BundleBehaviour.fingerprint(written), BundleBehaviour.fingerprint(loaded));
    }

    @Test
    void load_modelNotMadeByTheBundleWriter_isRefused() throws Exception {
        BundleManifest written = TestBundles.write(dir);
        byte[] raw = TestBundles.model(written.preprocessing());
        Files.write(dir.resolve("model.onnx"), raw);
        edit(written.model().sha256(), org.dicomguard.core.json.StrictJson.sha256Hex(raw));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("not made by make-bundle"), e.getMessage());
    }

    @Test
    void fingerprint_differentHeaderRules_differ() {
        BundleManifest m = TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults());
        BundleManifest widened = new BundleManifest(m.schemaVersion(), m.bundleId(), m.task(), m.model(), m.pathologies(),
                m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(),
                org.dicomguard.ood.rules.HeaderRuleSet.mammography(), m.oodProfile(), m.referenceMetrics());
        assertNotEquals(BundleBehaviour.fingerprint(m), BundleBehaviour.fingerprint(widened));
    }

    @Test
    void read_truncatedModel_givesATypedErrorNotAnOverrun() {
        byte[] model = BundleBehaviour.stamp(TestBundles.model("a".repeat(64)),
                TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults()));
        for (int cut = 1; cut < 40; cut++) {
            byte[] truncated = java.util.Arrays.copyOf(model, model.length - cut);
            try {
                OnnxMetadataProps.read(truncated);
            } catch (IllegalArgumentException expected) {
                assertTrue(expected.getMessage().contains("protobuf"), expected.getMessage());
            }
        }
    }
}
