package org.dicomguard.contract;

/**
 * One pathology's own probability and decision.
 *
 * <p>Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is NaN, infinite, outside
 * [0,1], the code is malformed, or {@code positive} contradicts the threshold.
 *
 * @param code the pathology code from the bundle manifest, e.g. {@code mass}; letters, digits,
 *        {@code _ . -}, starting with a letter, at most 64 characters
 * @param probability this pathology's own model probability, a float in [0,1] carried at full
 *        float precision; never a percent, never the any-pathology aggregate
 * @param decisionThresholdProbability the operating point from the bundle manifest, in [0,1]
 * @param positive {@code probability >= decisionThresholdProbability}; stored so that a client
 *        need not re-derive it, and checked so that it cannot contradict the numbers
 */
public record PathologyFinding(String code, float probability, float decisionThresholdProbability, boolean positive) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param code the {@code code} component
     * @param probability the {@code probability} component
     * @param decisionThresholdProbability the {@code decisionThresholdProbability} component
     * @param positive the {@code positive} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public PathologyFinding {
        Checks.matches("code", code, Checks.PATHOLOGY_CODE);
        probability = Checks.probability("probability of pathology '" + code + "'", probability);
        decisionThresholdProbability = Checks.probability(
                "decisionThresholdProbability of pathology '" + code + "'", decisionThresholdProbability);
        boolean expected = probability >= decisionThresholdProbability;
        if (positive != expected) {
            throw new IllegalArgumentException("positive of pathology '" + code + "' must be " + expected
                    + " because probability " + probability + (expected ? " >= " : " < ")
                    + "decisionThresholdProbability " + decisionThresholdProbability + ", got " + positive);
        }
    }

    /**
     * @param code pathology code, see the record description
     * @param probability the pathology's own probability in [0,1]
     * @param decisionThresholdProbability operating point in [0,1]
     * @return a finding whose {@code positive} is derived from the two numbers
     */
    public static PathologyFinding of(String code, float probability, float decisionThresholdProbability) {
        return new PathologyFinding(code, probability, decisionThresholdProbability,
                probability >= decisionThresholdProbability);
    }
}
