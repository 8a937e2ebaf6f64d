package org.dicomguard.spark;

import java.nio.file.Path;

/** Turns the {@code path} column into a local path for inputs read without {@code content}. */
final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * @param pathOrUri a plain path or a {@code file:} URI (as Spark's binaryFile source writes it)
     * @return the local path
     * @throws IllegalArgumentException for another scheme (hdfs:, s3a:, ...): read such archives
     *                                  with their {@code content} column instead
     */
    static Path toPath(String pathOrUri) {
        if (pathOrUri.startsWith("file:")) {
            // "file:/a", "file:///a" -> "/a"; Spark does not percent-encode the path it reports.
            String rest = pathOrUri.substring("file:".length());
            while (rest.startsWith("//")) {
                rest = rest.substring(1);
            }
            return Path.of(rest);
        }
        int colon = pathOrUri.indexOf(':');
        int slash = pathOrUri.indexOf('/');
        if (colon > 1 && (slash < 0 || colon < slash)) {
            throw new IllegalArgumentException("path " + pathOrUri + " is not on a local file system; "
                    + "read it with its \"content\" column (binaryFile source)");
        }
        return Path.of(pathOrUri);
    }
}
