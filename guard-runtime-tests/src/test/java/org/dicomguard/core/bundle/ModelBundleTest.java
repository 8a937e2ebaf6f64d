package org.dicomguard.core.bundle;

import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.OrtModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelBundleTest {

    @TempDir
    Path dir;

    @Test
    void load_validFolder_verifiesAndOpens() throws Exception {
        BundleManifest written = TestBundles.write(dir);
        ModelBundle bundle = ModelBundle.load(dir);
        assertEquals(written, bundle.manifest());
        try (OrtModel model = bundle.openModel(InferenceSettings.defaults())) {
            assertEquals(6, model.inputLength());
        }
    }

    @Test
    void load_zip_verifiesAndOpens() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("b"));
        TestBundles.write(folder);
        Path zip = dir.resolve("bundle.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : List.of("manifest.json", "model.onnx", "ood-profile.json")) {
                z.putNextEntry(new ZipEntry(name));
                z.write(Files.readAllBytes(folder.resolve(name)));
                z.closeEntry();
            }
        }
        try (OrtModel model = ModelBundle.load(zip).openModel(InferenceSettings.defaults())) {
            assertEquals(6, model.inputLength());
        }
    }

    @Test
    void load_tamperedModel_namesModelSha256() throws Exception {
        TestBundles.write(dir);
        byte[] model = Files.readAllBytes(dir.resolve("model.onnx"));
        model[model.length - 1] ^= 1;
        Files.write(dir.resolve("model.onnx"), model);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertEquals("model.sha256", e.field());
        assertTrue(e.getMessage().contains("manifest says"), e.getMessage());
    }

    @Test
    void load_tamperedProfile_namesOodProfileSha256() throws Exception {
        TestBundles.write(dir);
        Files.writeString(dir.resolve("ood-profile.json"), "{\"placeholder\":false}");
        assertEquals("oodProfile.sha256", assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir)).field());
    }

    @Test
    void load_configEditedInManifest_namesFingerprintWithBothValues() throws Exception {
        BundleManifest m = TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json"));
        String edited = json.replaceFirst("(\"breastMaskBinarizationThresholdFraction\"\\s*:\\s*)[0-9.eE-]+", "$10.31");
        assertTrue(!edited.equals(json), "test must edit the config");
        Files.writeString(dir.resolve("manifest.json"), edited);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertEquals("preprocessingFingerprint", e.field());
        assertTrue(e.getMessage().contains(m.preprocessingFingerprint()), e.getMessage());
    }

    @Test
    void load_misspelledConfigKey_isRefused() throws Exception {
        TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json"))
                .replace("\"breastMaskBinarizationThresholdFraction\"", "\"bin_threshold\"");
        Files.writeString(dir.resolve("manifest.json"), json);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        // Either key is a clear pointer: the unknown one, or the real one that went missing.
        assertTrue(e.getMessage().contains("bin_threshold")
                || e.getMessage().contains("breastMaskBinarizationThresholdFraction"), e.getMessage());
    }

    @Test
    void load_pathologyPointingAtMissingOutput_namesIt() throws Exception {
        BundleManifest m = TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults());
        BundleManifest bad = new BundleManifest(1, m.bundleId(), m.task(), m.model(),
                List.of(m.pathologies().get(0), new BundleManifest.PathologySpec("ghost", "Ghost", 7, 0.5f)),
                m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(), m.headerRules(), m.oodProfile(), m.referenceMetrics());
        BundleWriter.write(dir, bad, TestBundles.model(m.preprocessing()), new byte[]{'{', '}'});
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertEquals("pathologies[ghost].outputIndex", e.field());
        assertTrue(e.getMessage().contains("3 outputs"), e.getMessage());
    }

    @Test
    void openModel_modelTrainedWithOtherPreprocessing_isRefused() throws Exception {
        BundleManifest m = TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults());
        BundleWriter.write(dir, m, TestBundles.model("f".repeat(64)), new byte[]{'{', '}'});
        ModelBundle bundle = ModelBundle.load(dir);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> bundle.openModel(InferenceSettings.defaults()));
        assertTrue(e.field().contains(ModelBundle.FINGERPRINT_METADATA_KEY), e.field());
        assertTrue(e.getMessage().contains("f".repeat(64)), e.getMessage());
    }

    @Test
    void openModel_inputNameDiffers_namesIt() throws Exception {
        BundleManifest m = TestBundles.manifest(org.dicomguard.core.task.mammography.MammographyPreprocessingConfig.defaults());
        BundleManifest renamed = new BundleManifest(1, m.bundleId(), m.task(),
                new BundleManifest.ModelSpec("model.onnx", TestBundles.ZERO_SHA, "pixels", TestBundles.INPUT_SHAPE,
                        "probabilities", List.of(-1L, 3L)),
                m.pathologies(), m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(), m.headerRules(), m.oodProfile(),
                m.referenceMetrics());
        BundleWriter.write(dir, renamed, TestBundles.model(m.preprocessing()), new byte[]{'{', '}'});
        BundleLoadException e = assertThrows(BundleLoadException.class,
                () -> ModelBundle.load(dir).openModel(InferenceSettings.defaults()));
        assertEquals("model.inputName", e.field());
    }

    @Test
    void load_unknownSchemaVersion_saysWhatIsSupported() throws Exception {
        TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json")).replaceFirst("\"schemaVersion\"\\s*:\\s*1", "\"schemaVersion\" : 9");
        Files.writeString(dir.resolve("manifest.json"), json);
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("unknown version 9, this reader supports at most 1"), e.getMessage());
    }

    @Test
    void load_missingFolderOrFile_isBundleLoadException() throws Exception {
        assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir.resolve("nope")));
        TestBundles.write(dir);
        Files.delete(dir.resolve("ood-profile.json"));
        assertEquals("ood-profile.json", assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir)).field());
    }
}
