package org.dicomguard.ood.gate;

import java.util.List;
import java.util.Objects;

/**
 * The statistics gate's verdict on one study.
 *
 * @param accepted          true when {@code score <= threshold}
 * @param score             Mahalanobis distance to the reference profile (unitless, in standard deviations
 *                          along the reference's principal directions), finite, &gt;= 0
 * @param threshold         calibrated distance threshold, finite, &gt; 0
 * @param topContributions  the features that contributed most, largest share first, at most
 *                          {@link MahalanobisGate#TOP_CONTRIBUTION_COUNT}
 */
public record GateDecision(boolean accepted, double score, double threshold, List<FeatureContribution> topContributions) {

    /** Validates the numbers and the consistency of {@code accepted}; copies the list. */
    public GateDecision {
        if (!(Double.isFinite(score) && score >= 0)) {
            throw new IllegalArgumentException("score must be finite and >= 0, got " + score);
        }
        if (!(Double.isFinite(threshold) && threshold > 0)) {
            throw new IllegalArgumentException("threshold must be finite and > 0, got " + threshold);
        }
        if (accepted != (score <= threshold)) {
            throw new IllegalArgumentException("accepted=" + accepted + " contradicts score=" + score
                    + " and threshold=" + threshold);
        }
        topContributions = List.copyOf(Objects.requireNonNull(topContributions, "topContributions"));
    }
}
