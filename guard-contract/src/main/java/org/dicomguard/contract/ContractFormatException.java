package org.dicomguard.contract;

/**
 * A document is not a valid output-contract-v1 result. Unchecked, so that it passes through the
 * {@code Function}s of a backend adapter; catch it where the backend receives documents.
 *
 * <p>{@link #code()} is stable and safe to switch on; {@link #path()} names the offending field
 * (e.g. {@code pathologies[2].probability}, {@code $} for the document itself). Messages echo a
 * bad string only when it is short and machine-like, otherwise only its length, so that a patient
 * identifier in a wrong field never reaches a log.
 */
public final class ContractFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a document was refused. Names and meanings never change. */
    public enum Code {
        /** Not JSON at all, or JSON extensions such as {@code NaN}, comments or single quotes. */
        MALFORMED_JSON,
        /** The same key twice in one object: which one would a consumer use? */
        DUPLICATE_KEY,
        /** Anything but whitespace after the document. */
        TRAILING_CONTENT,
        /** Too long, too deeply nested, or a number or string too long. */
        TOO_LARGE,
        /** A key this version of the contract does not define. */
        UNKNOWN_FIELD,
        /** A required key is absent. */
        MISSING_FIELD,
        /** A value of the wrong JSON type, e.g. a probability given as a string. */
        WRONG_TYPE,
        /** A {@code contractVersion} this reader does not know. */
        UNKNOWN_VERSION,
        /** A {@code status} other than prediction, rejected, failed. */
        UNKNOWN_STATUS,
        /** A probability below 0 or above 1 (but not in the percent range). */
        PROBABILITY_OUT_OF_RANGE,
        /** A probability in [2,100]: almost certainly a percent where a fraction belongs. */
        LOOKS_LIKE_PERCENT,
        /** A number too large for its type (e.g. beyond the double range). */
        NOT_FINITE,
        /** Well-typed but breaks a contract rule: pattern, duplicate pathology code, inconsistent {@code positive}, aggregate contradicting its rule. */
        INVALID_VALUE
    }

    /** Why the document was refused. */
    private final Code code;
    /** The offending field. */
    private final String path;

    /**
     * @param code why the document was refused
     * @param path the offending field, {@code $} for the document itself
     * @param detail what was wrong, naming the value and the rule
     */
    public ContractFormatException(Code code, String path, String detail) {
        super(code + " at " + path + ": " + detail);
        this.code = code;
        this.path = path;
    }

    /** @return the stable reason code */
    public Code code() {
        return code;
    }

    /** @return the offending field, e.g. {@code pathologies[2].probability}; {@code $} for the whole document */
    public String path() {
        return path;
    }
}
