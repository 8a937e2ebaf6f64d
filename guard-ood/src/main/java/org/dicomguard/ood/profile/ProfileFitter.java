package org.dicomguard.ood.profile;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.gate.ConformalThreshold;
import org.dicomguard.ood.gate.LedoitWolf;
import org.dicomguard.ood.gate.MahalanobisGate;
import org.dicomguard.ood.gate.VarianceFloor;

import java.util.List;
import java.util.Objects;

/**
 * Fits a {@link ReferenceProfile} from in-distribution input statistics.
 *
 * <p>Design note: features come in different units (HU, fractions, mm), and Ledoit-Wolf's
 * isotropic target is scale-dependent, so the covariance is estimated on standardized features
 * (z-scores of the fit rows) and scaled back; the Mahalanobis distance is invariant to that
 * scaling, so the stored covariance is in the features' own units. The threshold is then the
 * split-conformal quantile of the distances of the calibration rows, which the fit never saw.
 *
 * <p>Stateless and thread-safe.
 */
public final class ProfileFitter {

    private ProfileFitter() {
    }

    /**
     * @param featureSpecs          names and units of the p features, in row order
     * @param fitRows               in-distribution rows for mean and covariance, n &gt;= 2, each of length p; not modified
     * @param calibrationRows       held-out in-distribution rows for the threshold; not modified; at least
     *                              {@link ConformalThreshold#minimumCalibrationCount(double)} rows
     * @param targetFalseRejectRate alpha in (0, 1): the bound on the rate of rejected in-distribution studies
     * @return the profile, with drift reference samples of every feature (fit and calibration rows together)
     * @throws IllegalArgumentException if rows are ragged or non-finite, a feature is constant in the fit rows,
     *                                  or the calibration set is too small for the target rate
     */
    public static ReferenceProfile fit(List<FeatureSpec> featureSpecs, double[][] fitRows, double[][] calibrationRows,
                                       double targetFalseRejectRate) {
        return fit(featureSpecs, fitRows, calibrationRows, targetFalseRejectRate, VarianceFloor.none());
    }

    /**
     * As {@link #fit(List, double[][], double[][], double)}, with a variance floor added to the
     * shrinkage covariance before the threshold is calibrated (so the false-reject bound still holds).
     *
     * @param featureSpecs          names and units of the p features, in row order
     * @param fitRows               in-distribution rows for mean and covariance
     * @param calibrationRows       held-out in-distribution rows for the threshold
     * @param targetFalseRejectRate alpha in (0, 1)
     * @param floor                 tolerance for small global shifts, {@link VarianceFloor#none()} for none
     * @return the profile
     */
    public static ReferenceProfile fit(List<FeatureSpec> featureSpecs, double[][] fitRows, double[][] calibrationRows,
                                       double targetFalseRejectRate, VarianceFloor floor) {
        Objects.requireNonNull(featureSpecs, "featureSpecs");
        Objects.requireNonNull(floor, "floor");
        Objects.requireNonNull(fitRows, "fitRows");
        Objects.requireNonNull(calibrationRows, "calibrationRows");
        int p = featureSpecs.size();
        int needed = ConformalThreshold.minimumCalibrationCount(targetFalseRejectRate);
        if (calibrationRows.length < needed) {
            throw new IllegalArgumentException("calibrationRows has " + calibrationRows.length
                    + " studies; targetFalseRejectRate=" + targetFalseRejectRate + " needs at least " + needed
                    + " for a finite threshold");
        }
        checkRows("fitRows", fitRows, p);
        checkRows("calibrationRows", calibrationRows, p);
        if (fitRows.length < 2) {
            throw new IllegalArgumentException("fitRows must have at least 2 studies, got " + fitRows.length);
        }

        int n = fitRows.length;
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : fitRows) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        for (double[] row : fitRows) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < p; j++) {
            scale[j] = Math.sqrt(scale[j] / n);
            if (!(scale[j] > 0)) {
                throw new IllegalArgumentException("feature '" + featureSpecs.get(j).name()
                        + "' is constant in the fit rows (value " + fitRows[0][j] + "); it cannot be scored");
            }
        }
        double[][] standardized = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                standardized[i][j] = (fitRows[i][j] - mean[j]) / scale[j];
            }
        }
        LedoitWolf.Estimate estimate = LedoitWolf.estimate(standardized);
        double[][] shrunk = estimate.covariance();
        double[][] covariance = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                double v = 0.5 * (shrunk[a][b] + shrunk[b][a]) * scale[a] * scale[b];
                covariance[a][b] = v;
                covariance[b][a] = v;
            }
        }
        covariance = floor.apply(featureSpecs, mean, covariance);

        // Score with a provisional threshold; only the distances are used here.
        MahalanobisGate scorer = new MahalanobisGate(featureSpecs, mean, covariance, Double.MAX_VALUE);
        double[] scores = new double[calibrationRows.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = scorer.score(calibrationRows[i]);
        }
        double threshold = ConformalThreshold.threshold(scores, targetFalseRejectRate);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("calibrated threshold is " + threshold
                    + ": calibration rows coincide with the mean; they are not a held-out sample");
        }

        DriftReference reference = DriftReference.empty();
        for (int j = 0; j < p; j++) {
            double[] column = new double[fitRows.length + calibrationRows.length];
            for (int i = 0; i < fitRows.length; i++) {
                column[i] = fitRows[i][j];
            }
            for (int i = 0; i < calibrationRows.length; i++) {
                column[fitRows.length + i] = calibrationRows[i][j];
            }
            if (column.length >= DriftReference.MIN_VALUES) {
                reference = reference.with(featureSpecs.get(j).name(), column);
            }
        }
        return ReferenceProfile.create(featureSpecs, mean, covariance, estimate.shrinkageIntensity(), threshold,
                targetFalseRejectRate, fitRows.length, calibrationRows.length, CalibrationSummary.of(scores), reference);
    }

    /**
     * Fits from whole studies: splits them with a seeded {@link DeterministicSplit}, then fits as
     * {@link #fit(List, double[][], double[][], double)}. This is what {@code fit-profile} runs.
     *
     * @param studies               in-distribution studies' statistics, all with the same features in the same order
     * @param calibrationFraction   share held out for calibration, in (0, 1), e.g. 0.5
     * @param seed                  split seed, recorded by the caller for reproducibility
     * @param targetFalseRejectRate alpha in (0, 1)
     * @return the profile
     * @throws IllegalArgumentException if the studies' features differ or the sets are too small
     */
    public static ReferenceProfile fit(List<InputStatistics> studies, double calibrationFraction, long seed,
                                       double targetFalseRejectRate) {
        Objects.requireNonNull(studies, "studies");
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("studies must not be empty");
        }
        List<FeatureSpec> specs = studies.get(0).featureSpecs();
        double[][] rows = new double[studies.size()][];
        for (int i = 0; i < rows.length; i++) {
            InputStatistics s = studies.get(i);
            if (!s.featureSpecs().equals(specs)) {
                throw new IllegalArgumentException("study " + i + " has features " + s.featureSpecs()
                        + " but study 0 has " + specs);
            }
            rows[i] = s.values();
        }
        DeterministicSplit split = DeterministicSplit.of(rows.length, calibrationFraction, seed);
        return fit(specs, DeterministicSplit.select(rows, split.fitIndices()),
                DeterministicSplit.select(rows, split.calibrationIndices()), targetFalseRejectRate);
    }

    private static void checkRows(String what, double[][] rows, int p) {
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != p) {
                throw new IllegalArgumentException(what + "[" + i + "] must have " + p + " values, got "
                        + (rows[i] == null ? "null" : rows[i].length));
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(what + "[" + i + "][" + j + "] is not finite: " + rows[i][j]);
                }
            }
        }
    }
}
