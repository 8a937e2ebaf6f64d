package org.dicomguard.contract;

/**
 * The "any pathology" aggregate, kept apart from the per-pathology findings and named by its rule.
 *
 * <p>Thread-safe (immutable).
 *
 * @param rule how {@code probability} was obtained
 * @param probability the aggregate probability in [0,1], a ranking score for "any pathology";
 *        it must never be shown in place of a pathology's own probability
 * @param positive true exactly when at least one pathology finding is positive (checked by
 *        {@link Prediction}); the aggregate has no threshold of its own
 */
public record AnyPathology(AnyPathologyRule rule, float probability, boolean positive) {

    /** @throws IllegalArgumentException naming the field when the rule is null or the probability is not in [0,1] */
    public AnyPathology {
        Checks.notNull("anyPathology.rule", rule);
        probability = Checks.probability("anyPathology.probability", probability);
    }
}
