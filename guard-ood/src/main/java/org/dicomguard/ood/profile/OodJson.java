package org.dicomguard.ood.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The strict JSON configuration of guard-ood, and through {@code org.dicomguard.core.json.StrictJson}
 * of guard-core too.
 *
 * <p>Design note: unknown keys, missing creator properties, nulls for primitives, duplicate keys
 * and trailing tokens are errors; the canonical form sorts keys at every level, is compact, and
 * writes doubles by {@link Double#toString} so that they read back bit-exact. It lives here because
 * guard-ood sits below guard-core (dependencies point one way) and both need it.
 *
 * <p>Thread-safe: the mapper is immutable after construction.
 */
public final class OodJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            // Duplicate keys in records too (manifests, profiles, configs): "last wins" would let a
            // second, unreviewed value hide behind the first.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private OodJson() {
    }

    /** @return the shared strict mapper; do not reconfigure it */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    /**
     * @param tree a JSON tree, not modified
     * @return compact JSON with keys sorted alphabetically at every level
     */
    public static String canonicalJson(JsonNode tree) {
        try {
            return STRICT.writeValueAsString(STRICT.treeToValue(tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize JSON tree: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param text text to hash
     * @return lower-case hex SHA-256 of its UTF-8 bytes
     */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
