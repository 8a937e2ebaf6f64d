package org.dicomguard.core.bundle;

import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.training.BundleWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest's optional training pack fingerprint: absent means unknown, present is under the integrity check. */
class TrainingPackFingerprintTest {

    private static final String PACK = "3f".repeat(32);

    @TempDir
    Path dir;

    private static byte[] profile() {
        return "{\"placeholder\":true}".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void write_notRecorded_manifestOmitsTheFieldAndLoadsAsUnknown() throws Exception {
        BundleManifest written = TestBundles.write(dir);
        assertEquals(BundleManifest.UNKNOWN_TRAINING_PACK, written.trainingPackFingerprint());
        assertFalse(Files.readString(dir.resolve("manifest.json")).contains("trainingPackFingerprint"));
        assertEquals(BundleManifest.UNKNOWN_TRAINING_PACK, ModelBundle.load(dir).manifest().trainingPackFingerprint());
    }

    @Test
    void write_recorded_readBackAndPartOfTheBehaviourFingerprint() throws Exception {
        PreprocessingConfig config = MammographyPreprocessingConfig.defaults();
        BundleManifest plain = TestBundles.manifest(config);
        BundleManifest withPack = plain.withTrainingPackFingerprint(PACK);
        BundleWriter.write(dir, withPack, TestBundles.model(config), profile());
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"trainingPackFingerprint\" : \"" + PACK + "\""));
        assertEquals(PACK, ModelBundle.load(dir).manifest().trainingPackFingerprint());
        assertNotEquals(BundleBehaviour.fingerprint(plain), BundleBehaviour.fingerprint(withPack));
    }

    @Test
    void load_trainingPackEditedByHand_refusedByTheBehaviourCheck() throws Exception {
        PreprocessingConfig config = MammographyPreprocessingConfig.defaults();
        BundleWriter.write(dir, TestBundles.manifest(config).withTrainingPackFingerprint(PACK), TestBundles.model(config),
                profile());
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(PACK, "4e".repeat(32)));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertEquals("model metadata " + BundleBehaviour.FINGERPRINT_METADATA_KEY, e.field());
    }

    @Test
    void withTrainingPackFingerprint_notSha256_refusedNamingTheField() {
        BundleManifest m = TestBundles.manifest(MammographyPreprocessingConfig.defaults());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.withTrainingPackFingerprint("pack-7"));
        assertTrue(e.getMessage().startsWith("trainingPackFingerprint"), e.getMessage());
    }
}
