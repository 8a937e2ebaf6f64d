package org.dicomguard.core.bundle;

import java.util.Objects;

/**
 * A model bundle refused to load: a file is missing or unreadable, a hash or fingerprint does not
 * match, or the manifest contradicts the model. The message names the field and both values.
 * Checked, because it is an environment failure the caller must handle at start-up.
 */
public final class BundleLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field   the manifest field or file that failed, e.g. "model.sha256"
     * @param message what failed, naming both values where there are two
     */
    public BundleLoadException(String field, String message) {
        this(field, message, null);
    }

    /**
     * @param field   the manifest field or file that failed
     * @param message what failed
     * @param cause   the underlying failure, may be null
     */
    public BundleLoadException(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** @return the manifest field or file that failed, e.g. "preprocessingFingerprint" */
    public String field() {
        return field;
    }
}
