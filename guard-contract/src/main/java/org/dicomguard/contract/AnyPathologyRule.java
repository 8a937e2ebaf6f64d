package org.dicomguard.contract;

import java.util.Optional;

/**
 * How the "any pathology" probability was obtained. It is named in every result so that nobody
 * mistakes the aggregate for a per-pathology value (a real incident: the max over 8 pathologies
 * was shown in place of each one's own probability, and ROC-AUC fell to about 0.5 for 6 of 8).
 */
public enum AnyPathologyRule {
    /** The maximum of the per-pathology probabilities (checked exactly by {@link Prediction}). */
    MAX("max"),
    /** {@code 1 - prod(1 - p_i)}, independence assumed (checked by {@link Prediction} to 1e-5). */
    NOISY_OR("noisyOr"),
    /** A dedicated model output; not derivable from the per-pathology values, so not checked. */
    MODEL_OUTPUT("modelOutput");

    private final String jsonName;

    AnyPathologyRule(String jsonName) {
        this.jsonName = jsonName;
    }

    /** @return the exact string used in JSON: {@code max}, {@code noisyOr} or {@code modelOutput} */
    public String jsonName() {
        return jsonName;
    }

    /**
     * @param jsonName a JSON {@code anyPathology.rule} value
     * @return the matching rule, if any
     */
    public static Optional<AnyPathologyRule> fromJsonName(String jsonName) {
        for (AnyPathologyRule rule : values()) {
            if (rule.jsonName.equals(jsonName)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }
}
