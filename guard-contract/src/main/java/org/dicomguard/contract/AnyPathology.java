package org.dicomguard.contract;

import java.util.List;

/**
 * The "any pathology" aggregate, kept apart from the per-pathology findings and named by its rule.
 *
 * <p>Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when the rule is null or the probability is not in [0,1].
 *
 * @param rule how {@code probability} was obtained
 * @param probability the aggregate probability in [0,1], a ranking score for "any pathology";
 *        it must never be shown in place of a pathology's own probability
 * @param positive true exactly when at least one pathology finding is positive (checked by
 *        {@link Prediction}); the aggregate has no threshold of its own
 */
public record AnyPathology(AnyPathologyRule rule, float probability, boolean positive) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param rule the {@code rule} component
     * @param probability the {@code probability} component
     * @param positive the {@code positive} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public AnyPathology {
        Checks.notNull("anyPathology.rule", rule);
        probability = Checks.probability("anyPathology.probability", probability);
    }

    /**
     * Computes the aggregate the way {@link Prediction} checks it, so producers cannot disagree
     * with the validation.
     *
     * @param rule {@link AnyPathologyRule#MAX} or {@link AnyPathologyRule#NOISY_OR}
     * @param findings the prediction's findings, not modified, not empty
     * @return the aggregate; {@code positive} is true when at least one finding is positive
     * @throws IllegalArgumentException for {@link AnyPathologyRule#MODEL_OUTPUT} (use
     *         {@link #modelOutput(float, List)}) or empty findings
     */
    public static AnyPathology derivedFrom(AnyPathologyRule rule, List<PathologyFinding> findings) {
        Checks.copy("findings", findings, true);
        switch (Checks.notNull("rule", rule)) {
            case MAX:
                return new AnyPathology(rule, max(findings), anyPositive(findings));
            case NOISY_OR:
                return new AnyPathology(rule, (float) noisyOr(findings), anyPositive(findings));
            default:
                throw new IllegalArgumentException("rule modelOutput cannot be derived from the findings;"
                        + " use AnyPathology.modelOutput(probability, findings)");
        }
    }

    /**
     * @param probability the model's own any-pathology output, in [0,1]
     * @param findings the prediction's findings, not modified
     * @return an aggregate with rule {@code modelOutput}; {@code positive} when at least one finding is positive
     */
    public static AnyPathology modelOutput(float probability, List<PathologyFinding> findings) {
        Checks.copy("findings", findings, true);
        return new AnyPathology(AnyPathologyRule.MODEL_OUTPUT, probability, anyPositive(findings));
    }

    static float max(List<PathologyFinding> findings) {
        float max = 0f;
        for (PathologyFinding finding : findings) {
            max = Math.max(max, finding.probability());
        }
        return max;
    }

    static double noisyOr(List<PathologyFinding> findings) {
        double noneProbability = 1d;
        for (PathologyFinding finding : findings) {
            noneProbability *= 1d - finding.probability();
        }
        return 1d - noneProbability;
    }

    static boolean anyPositive(List<PathologyFinding> findings) {
        return findings.stream().anyMatch(PathologyFinding::positive);
    }
}
