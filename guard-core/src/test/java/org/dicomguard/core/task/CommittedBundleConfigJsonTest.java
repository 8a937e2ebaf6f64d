package org.dicomguard.core.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.ood.profile.OodJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed demo bundles were written before the task model existed: their stored preprocessing
 * fingerprints, canonical config JSON and manifest bytes must come out the same through the task
 * registry's JSON and the configs' one API.
 */
class CommittedBundleConfigJsonTest {

    private static final Path BUNDLES = Path.of("..", "samples", "bundles");

    @ParameterizedTest
    @ValueSource(strings = {"demo-mammography", "demo-chest-ct", "demo-chest-xray"})
    void committedBundle_configCanonicalJsonAndFingerprint_unchanged(String name) throws Exception {
        byte[] manifestBytes = Files.readAllBytes(BUNDLES.resolve(name).resolve("manifest.json"));
        JsonNode raw = StrictJson.mapper().readTree(manifestBytes);
        String taskName = raw.get("task").asText();
        JsonNode rawConfig = raw.get("preprocessing").get(taskName);
        // Independent of the typed path: the raw subtree's canonical form, hashed by the JDK.
        String rawCanonical = OodJson.canonicalJson(rawConfig);
        String rawSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(rawCanonical.getBytes(StandardCharsets.UTF_8)));
        assertEquals(raw.get("preprocessingFingerprint").asText(), rawSha256, "the stored fingerprint is of the stored config");

        BundleManifest manifest = ModelBundle.load(BUNDLES.resolve(name)).manifest();
        assertEquals(TaskRegistry.byName(taskName), manifest.task());
        assertEquals(taskName, manifest.preprocessing().taskName());
        assertEquals(rawCanonical, manifest.preprocessing().toCanonicalJson());
        assertEquals(raw.get("preprocessingFingerprint").asText(), manifest.preprocessing().sha256Fingerprint());
        assertEquals(manifest.preprocessing(), manifest.task().configFromJson(rawConfig.toString()));
        String rewritten = StrictJson.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(manifest) + "\n";
        assertEquals(new String(manifestBytes, StandardCharsets.UTF_8), rewritten, "manifest.json written as before");
    }

    @Test
    void manifest_unregisteredTaskOrConfigWrapper_refusedNamingTheRegisteredTasks() throws Exception {
        String json = Files.readString(BUNDLES.resolve("demo-chest-ct").resolve("manifest.json"));
        String unknownTask = json.replace("\"task\" : \"chest-ct\"", "\"task\" : \"knee\"");
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> StrictJson.mapper().readValue(unknownTask, BundleManifest.class));
        assertTrue(e.getMessage().contains("task must be one of mammography, chest-ct, chest-xray, got knee"), e.getMessage());
        String unknownWrapper = json.replace("\"preprocessing\" : {\n    \"chest-ct\"", "\"preprocessing\" : {\n    \"knee\"");
        e = assertThrows(JsonProcessingException.class,
                () -> StrictJson.mapper().readValue(unknownWrapper, BundleManifest.class));
        assertTrue(e.getMessage().contains("preprocessing: task must be one of"), e.getMessage());
        // The wrapper says chest-ct, the task says mammography: read, then refused by ModelBundle's cross-check.
        String mismatch = json.replace("\"task\" : \"chest-ct\"", "\"task\" : \"mammography\"");
        BundleManifest read = StrictJson.mapper().readValue(mismatch, BundleManifest.class);
        assertEquals("chest-ct", read.preprocessing().taskName());
        assertEquals("mammography", read.task().name());
    }
}
