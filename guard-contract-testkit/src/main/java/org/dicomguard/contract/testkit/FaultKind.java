package org.dicomguard.contract.testkit;

/**
 * What an adapter did to a result on its way to the client, as named in {@link KitReport}.
 * Each constant carries why it matters, so the failure message teaches as well as reports.
 */
public enum FaultKind {
    /** Probabilities rounded (integer percent, 2 decimals, truncation). */
    ROUNDING("probabilities were rounded",
            "a backend once rounded probabilities to integer percent and external ROC-AUC fell to 0.53; "
                    + "pass the float on unchanged (shortest round-trip decimal, e.g. Float.toString)"),
    /** Probabilities multiplied by 100 (percent) without rounding. */
    RESCALING("probabilities were rescaled (x100, percent instead of a fraction in [0,1])",
            "a client comparing against thresholds in [0,1] flags every study; keep fractions in [0,1]"),
    /** A pathology showed the any-pathology aggregate instead of its own probability. */
    AGGREGATE_SUBSTITUTION("pathologies showed the any-pathology aggregate instead of their own probability",
            "a backend once reported the max over 8 pathologies as each one's probability and ROC-AUC fell to "
                    + "about 0.5 for 6 of 8; read pathologies[i].probability, never anyPathology.probability"),
    /** A pathology showed another pathology's probability. */
    COLUMN_SWAP("probabilities moved between pathology codes (column swap)",
            "every metric of the affected pathologies is computed on another disease's scores; key values by "
                    + "pathology code, never by position in a separately ordered header"),
    /** Pathologies arrived in another order, values still attached to the right codes. */
    REORDERING("pathologies reached the client in a different order",
            "clients that read by position will swap columns; keep the bundle's order or call "
                    + "ignoringPathologyOrder() if the client provably keys by code"),
    /** A pathology of the result is missing at the client. */
    DROPPED_PATHOLOGY("pathologies were dropped",
            "a missing value is read as 'no finding' by most clients; send every pathology, including 0.0"),
    /** The client shows a pathology the result does not have, or one code twice. */
    EXTRA_PATHOLOGY("the client shows pathologies the result does not have",
            "a value without a source is made up; send exactly the result's pathology codes, each once"),
    /** {@code 1 - p} instead of {@code p}. */
    INVERSION("probabilities were inverted (1 - p)",
            "ROC-AUC becomes 1 - AUC; send the probability of the pathology being present"),
    /** A value changed in a way none of the other kinds explains. */
    CHANGED_VALUE("probabilities changed in a way not explained by rounding, rescaling, swapping or the aggregate",
            "the client must see the identical float"),
    /** A rejected or failed result reached the client with another status. */
    STATUS_LOST("a rejected or failed study reached the client as something else",
            "a study the model did not score must never look scored; map every status"),
    /** A probability appeared for a study that has none (rejected or failed). */
    MADE_UP_PROBABILITY("probabilities were made up for studies the model did not score",
            "show no number for rejected or failed studies"),
    /** The rejection reason codes or the error code changed. */
    CODE_CHANGED("rejection or error codes changed",
            "codes are stable so that clients can act on them; pass them on unchanged"),
    /** The adapter threw, or its read-back returned nothing. */
    ADAPTER_ERROR("the adapter threw or returned nothing",
            "every crafted result is valid under the contract and must reach the client");

    private final String summary;
    private final String whyItMatters;

    FaultKind(String summary, String whyItMatters) {
        this.summary = summary;
        this.whyItMatters = whyItMatters;
    }

    /** @return one line saying what the adapter did, e.g. "probabilities were rounded" */
    public String summary() {
        return summary;
    }

    /** @return one line saying what this fault does to the client's numbers and how to avoid it */
    public String whyItMatters() {
        return whyItMatters;
    }
}
