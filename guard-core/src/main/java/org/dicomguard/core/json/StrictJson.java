package org.dicomguard.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.dicomguard.ood.profile.OodJson;

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
 * the SHA-256 changes with any value change and only then. The mapper and the canonical form are
 * guard-ood's {@link OodJson} (guard-ood sits below guard-core), so OOD profiles and bundle
 * manifests are read and fingerprinted by one configuration.
 *
 * <p>Thread-safe: the mapper is immutable after construction.
 */
public final class StrictJson {

    private static final ObjectMapper STRICT = OodJson.mapper();

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
        // Through the tree so that maps, records and nested nodes all come out sorted.
        JsonNode tree = STRICT.valueToTree(value);
        return OodJson.canonicalJson(tree);
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
