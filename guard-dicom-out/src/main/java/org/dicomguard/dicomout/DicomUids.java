package org.dicomguard.dicomout;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs for the objects this module writes. The project has no registered root, so every UID is
 * the standard's UUID-derived form {@code 2.25.<UUID as an unsigned decimal integer>} (PS3.5 B.2):
 * unique without a registry, at most 44 characters. Thread-safe.
 */
public final class DicomUids {
    private DicomUids() {
    }

    /** @return a new UID from a random (version 4) UUID */
    public static String random() {
        return fromUuid(UUID.randomUUID());
    }

    /**
     * @param name bytes that identify the thing (e.g. bundle id and model hash), not modified
     * @return the same UID for the same name (name-based version 3 UUID)
     */
    public static String named(String name) {
        return fromUuid(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    static String fromUuid(UUID uuid) {
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }
}
