package org.dicomguard.core.task.chestct;

import java.util.Objects;

/**
 * Refusal to assemble CT slices into one volume, with a stable {@link SeriesAssemblyErrorCode}.
 * Checked because it describes bad input that the caller must turn into a rejected result.
 * Messages name the failing check with the measured and allowed values; they carry UIDs of
 * series and instances at most, never patient identifiers.
 */
public final class SeriesAssemblyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final SeriesAssemblyErrorCode code;

    /**
     * @param code    stable error code, not null
     * @param message one-line description with measured and allowed values
     */
    public SeriesAssemblyException(SeriesAssemblyErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the stable code of this refusal */
    public SeriesAssemblyErrorCode code() {
        return code;
    }
}
