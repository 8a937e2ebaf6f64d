package org.dicomguard.ood.gate;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.InputStatistics;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The statistics gate: Mahalanobis distance of a study's input statistics to a reference
 * distribution, compared with a calibrated threshold.
 *
 * <p>Design note: the precision matrix is computed once by Cholesky inversion (EJML); a
 * covariance that is not symmetric positive definite is refused at construction, so scoring
 * never fails. The explanation uses the additive split {@code d^2 = sum_i v_i (Sigma^-1 v)_i},
 * which attributes the distance to features while respecting correlations, next to the plain
 * per-feature z-score that people read more easily.
 *
 * <p>Immutable and thread-safe.
 */
public final class MahalanobisGate {

    /** How many features a decision lists in {@link GateDecision#topContributions()}. */
    public static final int TOP_CONTRIBUTION_COUNT = 3;

    private final List<FeatureSpec> featureSpecs;
    private final double[] mean;
    private final double[] standardDeviation;
    private final double[][] precision;
    private final double thresholdDistance;

    /**
     * @param featureSpecs      features in the order of {@code mean}; not modified
     * @param mean              reference mean, finite; copied
     * @param covariance        reference covariance, symmetric positive definite; copied
     * @param thresholdDistance calibrated Mahalanobis distance threshold, finite and &gt; 0
     * @throws IllegalArgumentException if sizes differ, values are not finite, the covariance is not
     *                                  symmetric positive definite or the threshold is not usable
     */
    public MahalanobisGate(List<FeatureSpec> featureSpecs, double[] mean, double[][] covariance,
                           double thresholdDistance) {
        this.featureSpecs = List.copyOf(Objects.requireNonNull(featureSpecs, "featureSpecs"));
        int p = this.featureSpecs.size();
        if (mean.length != p || covariance.length != p) {
            throw new IllegalArgumentException("mean has " + mean.length + " and covariance " + covariance.length
                    + " entries but there are " + p + " features");
        }
        if (!(Double.isFinite(thresholdDistance) && thresholdDistance > 0)) {
            throw new IllegalArgumentException("thresholdDistance must be finite and > 0, got " + thresholdDistance);
        }
        DMatrixRMaj sigma = new DMatrixRMaj(p, p);
        this.standardDeviation = new double[p];
        for (int i = 0; i < p; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new IllegalArgumentException("mean[" + i + "] is not finite: " + mean[i]);
            }
            if (covariance[i].length != p) {
                throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length
                        + " entries, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                double v = covariance[i][j];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] is not finite: " + v);
                }
                if (v != covariance[j][i]) {
                    throw new IllegalArgumentException("covariance must be symmetric: [" + i + "][" + j + "]=" + v
                            + " but [" + j + "][" + i + "]=" + covariance[j][i]);
                }
                sigma.unsafe_set(i, j, v);
            }
            standardDeviation[i] = Math.sqrt(covariance[i][i]);
        }
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(p);
        if (!cholesky.setA(sigma)) {
            throw new IllegalArgumentException("covariance is not symmetric positive definite (Cholesky failed); "
                    + "fit it with shrinkage");
        }
        DMatrixRMaj inverse = new DMatrixRMaj(p, p);
        cholesky.invert(inverse);
        this.precision = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                // Symmetrize: the inverse is symmetric in exact arithmetic, and a symmetric precision makes
                // d^2 independent of summation order.
                precision[i][j] = 0.5 * (inverse.get(i, j) + inverse.get(j, i));
            }
        }
        this.mean = mean.clone();
        this.thresholdDistance = thresholdDistance;
    }

    /** @return the features this gate scores, in order */
    public List<FeatureSpec> featureSpecs() {
        return featureSpecs;
    }

    /** @return the calibrated distance threshold */
    public double thresholdDistance() {
        return thresholdDistance;
    }

    /**
     * @param values one finite value per feature, in {@link #featureSpecs()} order; not modified
     * @return the Mahalanobis distance {@code sqrt(v' Sigma^-1 v)}, &gt;= 0
     */
    public double score(double[] values) {
        double[] v = centered(values);
        double[] pv = times(precision, v);
        return Math.sqrt(Math.max(0, dot(v, pv)));
    }

    /**
     * @param values one finite value per feature, in {@link #featureSpecs()} order; not modified
     * @return per feature, in order, {@code v_i (Sigma^-1 v)_i}; these terms sum to the squared distance
     */
    public double[] squaredDistanceTerms(double[] values) {
        double[] v = centered(values);
        double[] pv = times(precision, v);
        double[] terms = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            terms[i] = v[i] * pv[i];
        }
        return terms;
    }

    /**
     * Scores a study, picking its features by name (extra statistics are ignored).
     *
     * @param statistics the study's input statistics; must contain every feature of this gate
     * @return the decision with score, threshold and the top contributing features
     * @throws IllegalArgumentException if a feature of this gate is missing: preprocessing and profile
     *                                  do not match, which a bundle check should have caught at load time
     */
    public GateDecision evaluate(InputStatistics statistics) {
        Objects.requireNonNull(statistics, "statistics");
        double[] values = new double[featureSpecs.size()];
        for (int i = 0; i < values.length; i++) {
            String name = featureSpecs.get(i).name();
            OptionalDouble value = statistics.value(name);
            if (value.isEmpty()) {
                throw new IllegalArgumentException("input statistics lack feature '" + name
                        + "' required by the reference profile; present: " + statistics.asMap().keySet());
            }
            values[i] = value.getAsDouble();
        }
        return evaluate(values);
    }

    /**
     * @param values one finite value per feature, in {@link #featureSpecs()} order; not modified
     * @return the decision with score, threshold and the top contributing features
     */
    public GateDecision evaluate(double[] values) {
        double[] terms = squaredDistanceTerms(values);
        double d2 = 0;
        for (double t : terms) {
            d2 += t;
        }
        double score = Math.sqrt(Math.max(0, d2));
        List<FeatureContribution> contributions = new ArrayList<>(terms.length);
        for (int i = 0; i < terms.length; i++) {
            FeatureSpec spec = featureSpecs.get(i);
            double z = standardDeviation[i] > 0 ? (values[i] - mean[i]) / standardDeviation[i] : 0;
            double share = d2 > 0 ? terms[i] / d2 : 0;
            contributions.add(new FeatureContribution(spec.name(), spec.unit(), values[i], mean[i], z, share));
        }
        contributions.sort(Comparator.comparingDouble(FeatureContribution::shareOfSquaredDistance).reversed()
                .thenComparing(FeatureContribution::name));
        List<FeatureContribution> top = contributions.subList(0, Math.min(TOP_CONTRIBUTION_COUNT, contributions.size()));
        return new GateDecision(score <= thresholdDistance, score, thresholdDistance, top);
    }

    private double[] centered(double[] values) {
        Objects.requireNonNull(values, "values");
        if (values.length != mean.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries, expected " + mean.length);
        }
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value of feature '" + featureSpecs.get(i).name()
                        + "' is not finite: " + values[i]);
            }
            v[i] = values[i] - mean[i];
        }
        return v;
    }

    private static double[] times(double[][] m, double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
