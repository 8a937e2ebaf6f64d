package org.dicomguard.core.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ranked explanation of why their metrics differ from ours.
 *
 * @param cause             the named cause
 * @param pathology         the pathology code it applies to, {@code "*"} when it applies to every
 *                          discrepant pathology, or codes joined by commas
 * @param explainedFraction fraction of their values the hypothesis reproduces within tolerance, in [0, 1]
 *                          (mean over the pathologies it covers)
 * @param evidence          JSON-ready details: parameters (step, factor, threshold, shift, mapping),
 *                          explained fraction, max abs error, AUC ours / theirs / predicted / corrected;
 *                          insertion-ordered, copied, unmodifiable
 */
public record DiscrepancyExplanation(DiscrepancyCause cause, String pathology, double explainedFraction,
                                     Map<String, Object> evidence) {

    /** @throws IllegalArgumentException on nulls or a fraction outside [0, 1] */
    public DiscrepancyExplanation {
        if (cause == null || pathology == null || evidence == null) {
            throw new IllegalArgumentException("cause, pathology and evidence must not be null");
        }
        if (!(explainedFraction >= 0 && explainedFraction <= 1)) {
            throw new IllegalArgumentException("explainedFraction = " + explainedFraction + ", must be in [0, 1]");
        }
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
