package org.dicomguard.contract;

import java.util.List;

/**
 * Why a guardrail refused a study.
 *
 * <p>Thread-safe (immutable; the list is copied).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is missing or malformed.
 *
 * @param code stable machine code in upper snake case, e.g. {@code OOD_STATISTICS} or
 *        {@code MODALITY_NOT_ALLOWED}; backends may switch on it, it never changes meaning
 * @param message one line for people, at most 2000 characters, never containing patient identifiers
 * @param evidence the values and thresholds behind the decision, possibly empty
 */
public record RejectionReason(String code, String message, List<Evidence> evidence) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param code the {@code code} component
     * @param message the {@code message} component
     * @param evidence the {@code evidence} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public RejectionReason {
        Checks.matches("reason.code", code, Checks.STABLE_CODE);
        Checks.text("reason '" + code + "' message", message, Checks.MESSAGE_MAX_CHARS);
        evidence = Checks.copy("reason '" + code + "' evidence", evidence, false);
    }
}
