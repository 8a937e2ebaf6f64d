package org.dicomguard.ood;

import java.util.Objects;

/**
 * One reason why an input is (or may be) outside what the model was built for, with the value
 * seen and the rule it broke. Never carries patient identifiers: the observed values are header
 * codes, sizes and statistics only.
 *
 * @param code          the stable code
 * @param severity      whether this reason rejects on its own
 * @param message       one sentence for people, naming the value and the rule
 * @param observedValue the value seen, as text; {@code "absent"} if the attribute was missing
 * @param expected      the rule, as text (an allowed set or a range)
 */
public record GateReason(GateReasonCode code, Severity severity, String message, String observedValue,
                         String expected) {

    /** The {@link #observedValue()} used when a header attribute is missing or empty. */
    public static final String ABSENT = "absent";

    /** Validates that no component is null and the message is not blank. */
    public GateReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(observedValue, "observedValue");
        Objects.requireNonNull(expected, "expected");
        if (message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank for code " + code);
        }
    }
}
