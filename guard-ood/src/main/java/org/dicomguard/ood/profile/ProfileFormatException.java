package org.dicomguard.ood.profile;

import java.io.IOException;

/**
 * A reference-profile file that cannot be used: unreadable JSON, an unknown schema version, a
 * missing or unknown field, an invalid value, or a SHA-256 that does not match the content.
 * The message names the field or the version.
 */
public final class ProfileFormatException extends IOException {

    /**
     * @param message what is wrong, naming the field or the version
     */
    public ProfileFormatException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong, naming the field or the version
     * @param cause   the parser or validation error
     */
    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
