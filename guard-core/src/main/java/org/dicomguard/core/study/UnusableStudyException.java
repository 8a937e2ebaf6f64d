package org.dicomguard.core.study;

import org.dicomguard.contract.Evidence;
import org.dicomguard.contract.ResultCode;

import java.util.List;

/**
 * The study was read but cannot be turned into a model input (no assignable view, no breast
 * found, inconsistent CT series...). The Pipeline answers it with a {@code Rejected} result
 * carrying {@link #code()}.
 */
public final class UnusableStudyException extends Exception {
    private static final long serialVersionUID = 1L;

    private final ResultCode code;
    private final transient List<Evidence> evidence;

    /**
     * @param code    the catalogue code, e.g. {@link ResultCode#NO_USABLE_VIEW}; of kind REJECTED
     * @param message what was wrong, without patient identifiers
     */
    public UnusableStudyException(ResultCode code, String message) {
        this(code, message, List.of());
    }

    /**
     * @param code     the catalogue code, e.g. {@link ResultCode#MISSING_VIEW}; of kind REJECTED
     * @param message  what was wrong, without patient identifiers
     * @param evidence what the decision rests on (e.g. one entry per missing view, named by its label)
     * @throws IllegalArgumentException when the code is not a rejection code (a bug)
     */
    public UnusableStudyException(ResultCode code, String message, List<Evidence> evidence) {
        super(message);
        if (code.kind() != ResultCode.Kind.REJECTED) {
            throw new IllegalArgumentException("code " + code + " is a " + code.kind()
                    + " code; a study that cannot be used is REJECTED");
        }
        this.code = code;
        this.evidence = List.copyOf(evidence);
    }

    /**
     * @param code    a catalogue code's spelling, e.g. {@code StudyIntakeCode.MISSING_VIEW.name()}
     * @param message what was wrong, without patient identifiers
     * @throws IllegalArgumentException when the code is not in {@link ResultCode} (a bug)
     */
    public UnusableStudyException(String code, String message) {
        this(catalogued(code), message, List.of());
    }

    /**
     * @param code     a catalogue code's spelling, e.g. {@code StudyIntakeCode.MISSING_VIEW.name()}
     * @param message  what was wrong, without patient identifiers
     * @param evidence what the decision rests on
     * @throws IllegalArgumentException when the code is not in {@link ResultCode} (a bug)
     */
    public UnusableStudyException(String code, String message, List<Evidence> evidence) {
        this(catalogued(code), message, evidence);
    }

    private static ResultCode catalogued(String code) {
        return ResultCode.fromCode(code).orElseThrow(() -> new IllegalArgumentException("code " + code
                + " is not in the result-code catalogue org.dicomguard.contract.ResultCode"));
    }

    /** @return the evidence for the rejection's reason, possibly empty */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** @return the stable code's spelling, as written into the Rejected result */
    public String code() {
        return code.code();
    }

    /** @return the catalogue entry */
    public ResultCode resultCode() {
        return code;
    }
}
