package org.dicomguard.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The library version recorded in every result's provenance (filtered from the Maven project version). */
public final class LibraryVersion {

    private static final String VERSION = load();

    private LibraryVersion() {
    }

    /** @return e.g. "0.1.0-SNAPSHOT" */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("libraryVersion", "");
            // Unfiltered (e.g. run from an IDE without Maven resources): say so instead of guessing.
            return v.isBlank() || v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
