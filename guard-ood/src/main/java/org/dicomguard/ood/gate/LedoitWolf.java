package org.dicomguard.ood.gate;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.Objects;

/**
 * Ledoit-Wolf shrinkage estimate of a covariance matrix.
 *
 * <p>Design note: the reference profile is fitted on a few hundred studies while the number of
 * input statistics may reach a few dozen; the plain sample covariance is then noisy and can be
 * near-singular, which makes Mahalanobis distances explode along spurious directions. Shrinking
 * towards a scaled identity {@code mu*I} with the data-driven intensity of Ledoit and Wolf keeps
 * the estimate well-conditioned and invertible even when {@code n < p}.
 *
 * <p>Reference: O. Ledoit and M. Wolf, "A well-conditioned estimator for large-dimensional
 * covariance matrices", Journal of Multivariate Analysis 88(2):365-411, 2004. The formulas
 * (empirical covariance with {@code 1/n}, intensity {@code min(b^2, d^2)/d^2}) are those of
 * Lemma 3.2 / Theorem 3.4 and give the same numbers as scikit-learn's {@code ledoit_wolf}.
 *
 * <p>The estimate is scale-dependent (the target is isotropic); callers mixing units should
 * standardize first, as {@code ProfileFitter} does. Stateless and thread-safe.
 */
public final class LedoitWolf {

    private LedoitWolf() {
    }

    /**
     * The result of one estimate.
     *
     * @param mean               per-feature sample mean
     * @param covariance         the shrunk covariance {@code (1-delta) S + delta mu I}, p x p
     * @param shrinkageIntensity {@code delta} in [0, 1]
     * @param targetVariance     {@code mu = trace(S)/p}
     */
    public record Estimate(double[] mean, double[][] covariance, double shrinkageIntensity, double targetVariance) {
        /** Copies the arrays so that the estimate is immutable. */
        public Estimate {
            mean = mean.clone();
            covariance = copy(covariance);
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
    }

    /**
     * @param rows n observations of p features, n &gt;= 2, all finite, rectangular; not modified
     * @return the shrinkage estimate
     * @throws IllegalArgumentException if fewer than 2 rows, ragged rows or non-finite values
     */
    public static Estimate estimate(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int n = rows.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 rows to estimate a covariance, got " + n);
        }
        int p = rows[0].length;
        if (p < 1) {
            throw new IllegalArgumentException("rows must have at least 1 feature");
        }
        double[] mean = new double[p];
        for (int i = 0; i < n; i++) {
            if (rows[i].length != p) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " features, expected " + p);
            }
            for (int j = 0; j < p; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException("row " + i + " feature " + j + " is not finite: " + rows[i][j]);
                }
                mean[j] += rows[i][j];
            }
        }
        for (int j = 0; j < p; j++) {
            mean[j] /= n;
        }
        DMatrixRMaj centered = new DMatrixRMaj(n, p);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                centered.unsafe_set(i, j, rows[i][j] - mean[j]);
            }
        }
        DMatrixRMaj sample = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multTransA(centered, centered, sample);
        CommonOps_DDRM.divide(sample, n);

        double mu = CommonOps_DDRM.trace(sample) / p;
        // d^2 = ||S - mu I||_F^2 / p  (distance of S from the target, Ledoit-Wolf's normalized norm)
        double d2 = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double v = sample.unsafe_get(a, b) - (a == b ? mu : 0);
                d2 += v * v;
            }
        }
        d2 /= p;
        // bbar^2 = (1/n^2) sum_k ||x_k x_k' - S||_F^2 / p = (1/n)(sum_k ||x_k||^4 / n - ||S||_F^2) / p
        double sumFourth = 0;
        for (int i = 0; i < n; i++) {
            double norm2 = 0;
            for (int j = 0; j < p; j++) {
                double v = centered.unsafe_get(i, j);
                norm2 += v * v;
            }
            sumFourth += norm2 * norm2;
        }
        double sampleNorm2 = 0;
        for (int k = 0; k < p * p; k++) {
            sampleNorm2 += sample.data[k] * sample.data[k];
        }
        double bBar2 = (sumFourth / n - sampleNorm2) / ((double) n * p);
        double b2 = Math.min(bBar2, d2);
        double delta = d2 == 0 ? 0 : Math.max(0, b2 / d2);

        double[][] shrunk = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                // Mirror the upper triangle so the result is exactly symmetric.
                double v = (1 - delta) * sample.unsafe_get(a, b) + (a == b ? delta * mu : 0);
                shrunk[a][b] = v;
                shrunk[b][a] = v;
            }
        }
        return new Estimate(mean, shrunk, delta, mu);
    }

    static double[][] copy(double[][] matrix) {
        double[][] out = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            out[i] = matrix[i].clone();
        }
        return out;
    }
}
