package org.dicomguard.core.study;

/**
 * The study was read but cannot be turned into a model input (no assignable view, no breast
 * found, inconsistent CT series...). The Pipeline answers it with a {@code Rejected} result
 * carrying {@link #code()}.
 */
public final class UnusableStudyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    stable upper-snake-case code, e.g. "NO_USABLE_VIEW"
     * @param message what was wrong, without patient identifiers
     */
    public UnusableStudyException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }
}
