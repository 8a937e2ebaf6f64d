package org.dicomguard.core.bundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleManifestConceptTest {

    @TempDir
    Path dir;

    @Test
    void load_manifestWithoutConcepts_getsPrivateSchemeDefaults() throws Exception {
        TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json"));
        // An older manifest: strip every "concept" object the writer put in.
        String old = json.replaceAll("\"concept\"\\s*:\\s*\\{[^}]*},\\s*", "");
        assertTrue(!old.contains("concept"), old);
        Files.writeString(dir.resolve("manifest.json"), old);
        BundleManifest m = ModelBundle.load(dir).manifest();
        assertEquals(new CodedConcept("99DCMGUARD", "mass", "Mass"), m.pathologies().get(0).concept());
        assertEquals(BundleManifest.AnyPathologySpec.DEFAULT_CONCEPT, m.anyPathology().concept());
    }

    @Test
    void load_manifestWithConcept_readsIt() throws Exception {
        TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json"));
        String edited = json.replaceFirst("\"codeMeaning\"\\s*:\\s*\"Mass\",\\s*\"codeValue\"\\s*:\\s*\"mass\",\\s*"
                        + "\"schemeDesignator\"\\s*:\\s*\"99DCMGUARD\"",
                "\"codeMeaning\" : \"Mammographic breast mass\", \"codeValue\" : \"129788004\", \"schemeDesignator\" : \"SCT\"");
        Files.writeString(dir.resolve("manifest.json"), edited);
        assertEquals(new CodedConcept("SCT", "129788004", "Mammographic breast mass"),
                ModelBundle.load(dir).manifest().pathologies().get(0).concept());
    }

    @Test
    void load_unknownKeyInPathology_isRefused() throws Exception {
        TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json"));
        Files.writeString(dir.resolve("manifest.json"), json.replaceFirst("\"code\"\\s*:", "\"cocept\" : 1, \"code\" :"));
        assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
    }

    @Test
    void load_missingOutputIndex_namesTheField() throws Exception {
        TestBundles.write(dir);
        String json = Files.readString(dir.resolve("manifest.json"));
        Files.writeString(dir.resolve("manifest.json"), json.replaceFirst(",\\s*\"outputIndex\"\\s*:\\s*0\\b", ""));
        BundleLoadException e = assertThrows(BundleLoadException.class, () -> ModelBundle.load(dir));
        assertTrue(e.getMessage().contains("outputIndex is missing"), e.getMessage());
    }

    @Test
    void concept_backslash_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CodedConcept("SCT", "1\\2", "x"));
    }
}
