package org.dicomguard.ood;

/**
 * How much weight one {@link GateReason} carries.
 *
 * <p>Design note: headers are often wrong (Body Part Examined is free text that many sites leave
 * empty or fill with the protocol name). A soft reason is evidence, not a verdict: it never
 * rejects alone, it is reported as a warning on an accepted study, and it is listed next to the
 * statistics-gate reason when the pixels are out of distribution too.
 */
public enum Severity {
    /** Rejects the study on its own. */
    HARD,
    /** Rejects only together with a statistics-gate failure; otherwise a warning. */
    SOFT
}
