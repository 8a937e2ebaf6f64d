package org.dicomguard.core.study;

import org.dicomguard.contract.Evidence;

import java.util.List;

/**
 * The study was read but cannot be turned into a model input (no assignable view, no breast
 * found, inconsistent CT series...). The Pipeline answers it with a {@code Rejected} result
 * carrying {@link #code()}.
 */
public final class UnusableStudyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient List<Evidence> evidence;

    /**
     * @param code    stable upper-snake-case code, e.g. "NO_USABLE_VIEW"
     * @param message what was wrong, without patient identifiers
     */
    public UnusableStudyException(String code, String message) {
        this(code, message, List.of());
    }

    /**
     * @param code     stable upper-snake-case code, e.g. "MISSING_VIEW"
     * @param message  what was wrong, without patient identifiers
     * @param evidence what the decision rests on (e.g. one entry per missing view, named by its label)
     */
    public UnusableStudyException(String code, String message, List<Evidence> evidence) {
        super(message);
        this.code = code;
        this.evidence = List.copyOf(evidence);
    }

    /** @return the evidence for the rejection's reason, possibly empty */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }
}
