package org.dicomguard.ood.gate;

import java.util.Objects;

/**
 * How much one input statistic contributed to a study's Mahalanobis distance: the explanation a
 * person reads in a rejection ("meanIntensityInMaskHu = 812 HU, reference mean 35 HU, z = 14").
 *
 * @param name                   feature name
 * @param unit                   feature unit
 * @param value                  the study's value, in {@code unit}
 * @param referenceMean          the reference profile's mean, in {@code unit}
 * @param zScore                 {@code (value - referenceMean) / referenceStandardDeviation}, ignoring correlations
 * @param shareOfSquaredDistance {@code v_i (Sigma^-1 v)_i / d^2}, where {@code v = value - mean}: the shares of all
 *                               features sum to 1; a share can be negative when correlated features offset
 *                               each other; 0 for every feature when d = 0
 */
public record FeatureContribution(String name, String unit, double value, double referenceMean, double zScore,
                                  double shareOfSquaredDistance) {

    /** Validates that names are present and numbers finite. */
    public FeatureContribution {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value) || !Double.isFinite(referenceMean) || !Double.isFinite(zScore)
                || !Double.isFinite(shareOfSquaredDistance)) {
            throw new IllegalArgumentException("contribution of '" + name + "' must be finite, got value=" + value
                    + " referenceMean=" + referenceMean + " zScore=" + zScore + " share=" + shareOfSquaredDistance);
        }
    }
}
