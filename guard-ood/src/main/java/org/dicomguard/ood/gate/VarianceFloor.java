package org.dicomguard.ood.gate;

import org.dicomguard.ood.FeatureSpec;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A per-feature floor under the reference spread of the statistics gate, so that a small global
 * acquisition change (a detector gain of a few percent, a little more noise) moves a study's
 * Mahalanobis distance by about one standard deviation per feature instead of dozens.
 *
 * <p>Design note: some statistics are nearly constant on the reference population (the share of
 * saturated pixels, the background median, the 5th HU percentile in the lungs), so their sample
 * variance is tiny and a 2% gain change moved them by 4 to 35 standard deviations: the gate
 * rejected every study of a recalibrated detector. The floor adds {@code (delta * scale)^2} to the
 * covariance diagonal, where {@code delta} is the tolerated relative change of the acquisition
 * and {@code scale} is the feature's natural magnitude: 1 for fractions (bounded in [0, 1]), the
 * distance of the mean from air (-1000 HU) for HU (a gain acts on attenuation relative to air),
 * and the absolute mean otherwise. Adding to the diagonal keeps the covariance symmetric positive
 * definite and keeps the correlations of well-spread features. Far-OOD inputs (other body parts,
 * phantoms, blank or inverted images) differ by many times that tolerance, so they stay far.
 * A robust covariance (e.g. minimum covariance determinant) was not used: it protects the fit from
 * outlying reference studies, which is not the failure here, and it shrinks small variances
 * further. Drift of this size is the drift monitor's job, not the gate's.
 *
 * <p>Immutable and thread-safe.
 *
 * @param toleratedRelativeChange {@code delta} in [0, 0.5]: 0 disables the floor; 0.02 tolerates a 2% gain change
 */
public record VarianceFloor(double toleratedRelativeChange) {

    /** The default tolerance of bundle profiles: a 2% global acquisition change. */
    public static final double DEFAULT_TOLERATED_RELATIVE_CHANGE = 0.02;
    /** Air in HU; HU scales are measured from it. */
    private static final double AIR_HU = -1000;

    /** Validates the range. */
    public VarianceFloor {
        if (!(toleratedRelativeChange >= 0 && toleratedRelativeChange <= 0.5)) {
            throw new IllegalArgumentException("toleratedRelativeChange must be in [0, 0.5], got "
                    + toleratedRelativeChange);
        }
    }

    /** @return no floor: the plain shrinkage covariance */
    public static VarianceFloor none() {
        return new VarianceFloor(0);
    }

    /** @return the default floor, {@link #DEFAULT_TOLERATED_RELATIVE_CHANGE} */
    public static VarianceFloor defaults() {
        return new VarianceFloor(DEFAULT_TOLERATED_RELATIVE_CHANGE);
    }

    /**
     * @param spec the feature
     * @param mean its reference mean
     * @return the floor standard deviation, in the feature's unit, &gt;= 0
     */
    public double floorStandardDeviation(FeatureSpec spec, double mean) {
        Objects.requireNonNull(spec, "spec");
        String unit = spec.unit().strip().toLowerCase(Locale.ROOT);
        double scale;
        if (unit.startsWith("fraction")) {
            scale = 1;
        } else if (unit.equals("hu")) {
            scale = Math.abs(mean - AIR_HU);
        } else {
            scale = Math.abs(mean);
        }
        return toleratedRelativeChange * scale;
    }

    /**
     * @param featureSpecs the features, in covariance order
     * @param mean         reference means, same order
     * @param covariance   symmetric covariance; not modified
     * @return a copy with {@code floorStandardDeviation^2} added to each diagonal entry
     */
    public double[][] apply(List<FeatureSpec> featureSpecs, double[] mean, double[][] covariance) {
        int p = featureSpecs.size();
        if (mean.length != p || covariance.length != p) {
            throw new IllegalArgumentException("featureSpecs, mean and covariance must have the same size");
        }
        double[][] out = LedoitWolf.copy(covariance);
        for (int i = 0; i < p; i++) {
            double floor = floorStandardDeviation(featureSpecs.get(i), mean[i]);
            out[i][i] += floor * floor;
        }
        return out;
    }
}
