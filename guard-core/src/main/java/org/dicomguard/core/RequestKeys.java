package org.dicomguard.core;

import org.dicomguard.core.json.StrictJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Request keys the Pipeline derives for file groups it formed itself ({@link Pipeline#runAll}):
 * {@code sha256-} and the lower-case hex SHA-256 of the group's first file, which a caller can
 * recompute from the file it has ({@code sha256sum}) without the result echoing a path (paths
 * can carry patient names) or an invalid StudyInstanceUID.
 */
final class RequestKeys {

    private RequestKeys() {
    }

    /**
     * @param file         the group's first file
     * @param maxFileBytes files larger than this (the reader's limit) get no key: they are refused anyway
     * @return the derived key; empty when the file is not a regular file, too large or unreadable
     */
    static Optional<String> derived(Path file, long maxFileBytes) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > maxFileBytes) {
                return Optional.empty();
            }
            MessageDigest digest = StrictJson.sha256();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
            return Optional.of("sha256-" + HexFormat.of().formatHex(digest.digest()));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
