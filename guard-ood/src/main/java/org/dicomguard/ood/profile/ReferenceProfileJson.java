package org.dicomguard.ood.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads and writes {@code ood-profile.json}.
 *
 * <p>Reading is strict: the schema version is checked first ("unknown version X, this reader
 * supports at most Y"), then every field must be present and known, every value valid, and the
 * recorded SHA-256 must match the canonical content. Doubles are written with the shortest
 * representation that reads back to the same bits, so a written profile reads back equal.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReferenceProfileJson {

    /** The largest profile file read, in bytes: a guard against reading a wrong, huge file. */
    public static final long MAX_FILE_SIZE_BYTES = 64L * 1024 * 1024;

    private ReferenceProfileJson() {
    }

    /**
     * @param profile the profile, not modified
     * @return pretty-printed JSON with keys sorted (the SHA-256 does not depend on the layout)
     */
    public static String toJson(ReferenceProfile profile) {
        Objects.requireNonNull(profile, "profile");
        try {
            return OodJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(profile) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the reference profile: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param profile the profile, not modified
     * @param file    destination, replaced if it exists
     * @throws IOException if the file cannot be written
     */
    public static void write(ReferenceProfile profile, Path file) throws IOException {
        Files.writeString(file, toJson(profile), StandardCharsets.UTF_8);
    }

    /**
     * @param file a profile file, at most {@link #MAX_FILE_SIZE_BYTES}
     * @return the verified profile
     * @throws ProfileFormatException if the content is not a valid profile of a supported version
     * @throws IOException            if the file cannot be read
     */
    public static ReferenceProfile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_SIZE_BYTES) {
            throw new ProfileFormatException("profile file is " + size + " bytes, the limit is " + MAX_FILE_SIZE_BYTES);
        }
        return fromJson(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * @param in a stream with one profile; read fully, not closed
     * @return the verified profile
     * @throws ProfileFormatException if the content is not a valid profile of a supported version
     * @throws IOException            if the stream cannot be read
     */
    public static ReferenceProfile read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_SIZE_BYTES + 1);
        if (bytes.length > MAX_FILE_SIZE_BYTES) {
            throw new ProfileFormatException("profile stream exceeds " + MAX_FILE_SIZE_BYTES + " bytes");
        }
        return fromJson(new String(bytes, StandardCharsets.UTF_8));
    }

    /**
     * @param json the profile's JSON text
     * @return the verified profile
     * @throws ProfileFormatException if the content is not a valid profile of a supported version
     */
    public static ReferenceProfile fromJson(String json) throws ProfileFormatException {
        Objects.requireNonNull(json, "json");
        JsonNode tree;
        try {
            tree = OodJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProfileFormatException("profile is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ProfileFormatException("profile must be a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new ProfileFormatException("profile field 'schemaVersion' must be an integer, got " + version);
        }
        int v = version.intValue();
        if (v > ReferenceProfile.SCHEMA_VERSION || v < 1) {
            throw new ProfileFormatException("unknown version " + v + ", this reader supports at most "
                    + ReferenceProfile.SCHEMA_VERSION);
        }
        try {
            return OodJson.mapper().treeToValue(tree, ReferenceProfile.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ProfileFormatException("invalid profile: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ProfileFormatException("invalid profile: " + e.getOriginalMessage(), e);
        }
    }
}
