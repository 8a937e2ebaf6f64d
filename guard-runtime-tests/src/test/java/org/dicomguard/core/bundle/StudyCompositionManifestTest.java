package org.dicomguard.core.bundle;

import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The manifest's {@code studyComposition}: optional with a per-task default, validated, written and read back. */
class StudyCompositionManifestTest {

    @TempDir
    Path dir;

    @Test
    void load_manifestWithoutStudyComposition_getsTaskDefault() throws Exception {
        TestMammographyBundles.write(dir, new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition());
        removeStudyComposition();
        assertEquals(new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition(), ModelBundle.load(dir).manifest().studyComposition());
    }

    @Test
    void load_nonDefaultStudyCompositionRemovedAfterBundling_isRefusedByTheBehaviourFingerprint() throws Exception {
        // Dropping "partialStudyAllowed": true by hand changes what the bundle predicts: not the bundled behaviour.
        TestMammographyBundles.write(dir, new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition().withPartialStudyAllowed(true));
        removeStudyComposition();
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("behaviour fingerprint"), e.getMessage());
    }

    private void removeStudyComposition() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        String json = Files.readString(manifest);
        assertTrue(json.contains("\"studyComposition\""), json);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) StrictJson.mapper().readTree(json);
        tree.remove("studyComposition");
        Files.writeString(manifest, StrictJson.mapper().writeValueAsString(tree));
    }

    @Test
    void load_manifestWithStudyComposition_readsIt() throws Exception {
        StudyCompositionPolicy policy = new StudyCompositionPolicy(List.of("L-CC", "R-CC"), false, true);
        TestMammographyBundles.write(dir, policy);
        assertEquals(policy, ModelBundle.load(dir).manifest().studyComposition());
    }

    @Test
    void load_unknownView_refusedNamingField() throws Exception {
        TestMammographyBundles.write(dir, new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition());
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"R-MLO\"", "\"R-XCCL\""));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("studyComposition.requiredViews"), e.getMessage());
    }

    @Test
    void constructor_nullPolicy_taskDefault_andViewsRefusedForChestCt() {
        BundleManifest m = TestBundles.manifest(TestMammographyBundles.CONFIG);
        assertEquals(m.task().defaultStudyComposition(), m.studyComposition());
        assertEquals(StudyCompositionPolicy.seriesDefault(),
                new org.dicomguard.core.task.chestct.ChestCtTask().defaultStudyComposition());
        assertThrows(IllegalArgumentException.class, () -> new StudyCompositionPolicy(List.of("L-CC", "L-CC"), false,
                false));
    }
}
