package org.dicomguard.contract.testkit;

import java.util.Objects;

/**
 * One fault the kit found: which crafted result, which field, and what happened to the value.
 *
 * <p>The constructor throws {@link NullPointerException} naming the component when one is null.
 *
 * @param kind what the adapter did
 * @param resultName name of the crafted result, e.g. {@code chest-eight-max}
 * @param field the affected field, e.g. {@code pathologies.nodule}, {@code anyPathology} or {@code status}
 * @param explanation plain sentence with the sent and the read-back value,
 *        e.g. "sent 0.0731, client read back 0.07: rounded to 2 decimals (integer percent)"
 */
public record KitFinding(FaultKind kind, String resultName, String field, String explanation) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param kind the {@code kind} component
     * @param resultName the {@code resultName} component
     * @param field the {@code field} component
     * @param explanation the {@code explanation} component
     * @throws NullPointerException naming the component that breaks a rule
     */
    public KitFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(resultName, "resultName");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** @return one line: {@code [KIND] result / field: explanation} */
    @Override
    public String toString() {
        return "[" + kind + "] " + resultName + " / " + field + ": " + explanation;
    }
}
