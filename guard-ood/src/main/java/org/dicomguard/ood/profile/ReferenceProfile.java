package org.dicomguard.ood.profile;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.gate.MahalanobisGate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The OOD reference profile of one model: what in-distribution input statistics look like, the
 * calibrated statistics-gate threshold, and the reference samples of the drift monitor. Written
 * to {@code ood-profile.json} by {@link ReferenceProfileJson}; fitted by {@link ProfileFitter}.
 *
 * <p>The record is self-verifying: {@code sha256} must equal the SHA-256 of the canonical JSON of
 * every other component (keys sorted, compact), so a hand-edited or truncated file fails to load.
 * Use {@link #create} to compute it. Arrays are copied in and out; immutable and thread-safe.
 *
 * @param schemaVersion         the file format version, {@link #SCHEMA_VERSION} for files this code writes
 * @param featureSpecs          names and units of the scored features, in order, unique names
 * @param mean                  reference mean per feature, in the feature's unit
 * @param covariance            shrunk reference covariance (p x p, symmetric positive definite), in unit products
 * @param shrinkageIntensity    Ledoit-Wolf intensity used (on standardized features), in [0, 1]
 * @param thresholdDistance     calibrated Mahalanobis distance threshold: accept when score &lt;= threshold
 * @param targetFalseRejectRate the alpha the threshold was calibrated for, in (0, 1)
 * @param fitCount              studies used to fit mean and covariance
 * @param calibrationCount      held-out studies used to calibrate the threshold
 * @param calibrationSummary    summary of the calibration scores
 * @param driftReference        reference samples of the drift monitor's streams
 * @param sha256                lower-case hex SHA-256 of the canonical content without this field
 */
public record ReferenceProfile(int schemaVersion, List<FeatureSpec> featureSpecs, double[] mean, double[][] covariance,
                               double shrinkageIntensity, double thresholdDistance, double targetFalseRejectRate,
                               int fitCount, int calibrationCount, CalibrationSummary calibrationSummary,
                               DriftReference driftReference, String sha256) {

    /** The schema version this code writes, and the highest it reads. */
    public static final int SCHEMA_VERSION = 1;
    /** The most features a profile may have: keeps the O(p^3) gate construction bounded for any file. */
    public static final int MAX_FEATURE_COUNT = 256;

    /** Validates every component and verifies {@code sha256}. */
    public ReferenceProfile {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion must be " + SCHEMA_VERSION + ", got " + schemaVersion);
        }
        featureSpecs = List.copyOf(Objects.requireNonNull(featureSpecs, "featureSpecs"));
        Objects.requireNonNull(calibrationSummary, "calibrationSummary");
        Objects.requireNonNull(driftReference, "driftReference");
        Objects.requireNonNull(sha256, "sha256");
        int p = featureSpecs.size();
        if (p == 0 || p > MAX_FEATURE_COUNT) {
            throw new IllegalArgumentException("featureSpecs must have 1 to " + MAX_FEATURE_COUNT + " entries, got " + p);
        }
        Set<String> names = new HashSet<>();
        for (FeatureSpec spec : featureSpecs) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("featureSpecs: name '" + spec.name() + "' appears twice");
            }
        }
        mean = Objects.requireNonNull(mean, "mean").clone();
        covariance = copy(Objects.requireNonNull(covariance, "covariance"));
        if (mean.length != p || covariance.length != p) {
            throw new IllegalArgumentException("mean has " + mean.length + " and covariance " + covariance.length
                    + " rows, but there are " + p + " featureSpecs");
        }
        if (!(shrinkageIntensity >= 0 && shrinkageIntensity <= 1)) {
            throw new IllegalArgumentException("shrinkageIntensity must be in [0, 1], got " + shrinkageIntensity);
        }
        if (!(targetFalseRejectRate > 0 && targetFalseRejectRate < 1)) {
            throw new IllegalArgumentException("targetFalseRejectRate must be in (0, 1), got " + targetFalseRejectRate);
        }
        if (fitCount < 2) {
            throw new IllegalArgumentException("fitCount must be >= 2, got " + fitCount);
        }
        if (calibrationCount < 1 || calibrationCount != calibrationSummary.count()) {
            throw new IllegalArgumentException("calibrationCount must be >= 1 and equal calibrationSummary.count ("
                    + calibrationSummary.count() + "), got " + calibrationCount);
        }
        // The gate validates mean, covariance (symmetric positive definite) and threshold.
        new MahalanobisGate(featureSpecs, mean, covariance, thresholdDistance);
        String expected = contentSha256(schemaVersion, featureSpecs, mean, covariance, shrinkageIntensity,
                thresholdDistance, targetFalseRejectRate, fitCount, calibrationCount, calibrationSummary, driftReference);
        if (!expected.equals(sha256)) {
            throw new IllegalArgumentException("sha256 does not match the profile content: recorded " + sha256
                    + ", computed " + expected + " (the file was edited or damaged)");
        }
    }

    /**
     * Creates a profile of the current {@link #SCHEMA_VERSION}, computing its SHA-256.
     *
     * @param featureSpecs          names and units of the features, in order
     * @param mean                  reference mean per feature
     * @param covariance            shrunk reference covariance, symmetric positive definite
     * @param shrinkageIntensity    Ledoit-Wolf intensity used, in [0, 1]
     * @param thresholdDistance     calibrated Mahalanobis distance threshold
     * @param targetFalseRejectRate the alpha the threshold was calibrated for
     * @param fitCount              studies used to fit mean and covariance
     * @param calibrationCount      held-out studies used to calibrate the threshold
     * @param calibrationSummary    summary of the calibration scores
     * @param driftReference        reference samples of the drift monitor
     * @return the profile
     */
    public static ReferenceProfile create(List<FeatureSpec> featureSpecs, double[] mean, double[][] covariance,
                                          double shrinkageIntensity, double thresholdDistance,
                                          double targetFalseRejectRate, int fitCount, int calibrationCount,
                                          CalibrationSummary calibrationSummary, DriftReference driftReference) {
        String sha = contentSha256(SCHEMA_VERSION, List.copyOf(featureSpecs), mean, covariance, shrinkageIntensity,
                thresholdDistance, targetFalseRejectRate, fitCount, calibrationCount, calibrationSummary, driftReference);
        return new ReferenceProfile(SCHEMA_VERSION, featureSpecs, mean, covariance, shrinkageIntensity,
                thresholdDistance, targetFalseRejectRate, fitCount, calibrationCount, calibrationSummary,
                driftReference, sha);
    }

    /**
     * @param reference the drift reference to carry, e.g. with predicted-probability streams added
     * @return a copy of this profile with that drift reference and a recomputed SHA-256
     */
    public ReferenceProfile withDriftReference(DriftReference reference) {
        return create(featureSpecs, mean, covariance, shrinkageIntensity, thresholdDistance, targetFalseRejectRate,
                fitCount, calibrationCount, calibrationSummary, reference);
    }

    /** @return the statistics gate this profile defines */
    public MahalanobisGate toGate() {
        return new MahalanobisGate(featureSpecs, mean, covariance, thresholdDistance);
    }

    /** @return a copy of the mean */
    @Override
    public double[] mean() {
        return mean.clone();
    }

    /** @return a copy of the covariance */
    @Override
    public double[][] covariance() {
        return copy(covariance);
    }

    static String contentSha256(int schemaVersion, List<FeatureSpec> featureSpecs, double[] mean,
                                double[][] covariance, double shrinkageIntensity, double thresholdDistance,
                                double targetFalseRejectRate, int fitCount, int calibrationCount,
                                CalibrationSummary calibrationSummary, DriftReference driftReference) {
        // Same keys as the record components, so the hash is "the file without its sha256 field".
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("schemaVersion", schemaVersion);
        content.put("featureSpecs", featureSpecs);
        content.put("mean", mean);
        content.put("covariance", covariance);
        content.put("shrinkageIntensity", shrinkageIntensity);
        content.put("thresholdDistance", thresholdDistance);
        content.put("targetFalseRejectRate", targetFalseRejectRate);
        content.put("fitCount", fitCount);
        content.put("calibrationCount", calibrationCount);
        content.put("calibrationSummary", calibrationSummary);
        content.put("driftReference", driftReference);
        return OodJson.sha256Hex(OodJson.canonicalJson(OodJson.mapper().valueToTree(content)));
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = Objects.requireNonNull(m[i], "covariance row " + i).clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceProfile other && sha256.equals(other.sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "ReferenceProfile[features=" + featureSpecs.size() + ", thresholdDistance=" + thresholdDistance
                + ", targetFalseRejectRate=" + targetFalseRejectRate + ", fitCount=" + fitCount
                + ", calibrationCount=" + calibrationCount + ", sha256=" + sha256 + "]";
    }

}
