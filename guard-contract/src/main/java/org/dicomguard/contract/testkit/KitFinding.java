package org.dicomguard.contract.testkit;

import java.util.Objects;

/**
 * One fault the kit found: which crafted result, which field, and what happened to the value.
 *
 * @param kind what the adapter did
 * @param resultName name of the crafted result, e.g. {@code chest-eight-max}
 * @param field the affected field, e.g. {@code pathologies.nodule}, {@code anyPathology} or {@code status}
 * @param explanation plain sentence with the sent and the read-back value,
 *        e.g. "sent 0.0731, client read back 0.07: rounded to 2 decimals (integer percent)"
 */
public record KitFinding(FaultKind kind, String resultName, String field, String explanation) {

    /** @throws NullPointerException naming the component when one is null */
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
