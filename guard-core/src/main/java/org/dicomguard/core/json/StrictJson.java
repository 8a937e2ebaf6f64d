package org.dicomguard.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one JSON configuration of guard-core for configs, manifests and fingerprints.
 *
 * <p>Design note: a mis-named config key once broke preprocessing silently for three days. So
 * reading is strict (unknown keys, missing creator properties, nulls for primitives and
 * trailing tokens are errors), and the canonical form used for fingerprints sorts keys so that
 * the SHA-256 changes with any value change and only then.
 *
 * <p>Thread-safe: the mappers are immutable after construction.
 */
public final class StrictJson {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private StrictJson() {
    }

    /** @return the shared strict mapper; do not reconfigure it */
    public static ObjectMapper mapper() {
        return STRICT;
    }

    /**
     * @param value a record or tree to serialize, not modified
     * @return compact JSON with keys sorted alphabetically at every level
     */
    public static String canonicalJson(Object value) {
        try {
            // Through the tree so that maps, records and nested nodes all come out sorted.
            Object tree = STRICT.valueToTree(value);
            return STRICT.writeValueAsString(STRICT.treeToValue((com.fasterxml.jackson.databind.JsonNode) tree, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param value a record or tree, not modified
     * @return lower-case hex SHA-256 of {@link #canonicalJson(Object)} in UTF-8
     */
    public static String fingerprint(Object value) {
        return sha256Hex(canonicalJson(value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param bytes data to hash, not modified
     * @return lower-case hex SHA-256
     */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** @return a new SHA-256 digest */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
