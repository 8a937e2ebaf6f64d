package org.dicomguard.ood.drift;

import java.util.Objects;

/**
 * Two-sample Kolmogorov-Smirnov test with the asymptotic p-value.
 *
 * <p>Design note: windows hold hundreds of studies and the reference thousands, where the
 * asymptotic distribution is accurate and cheap. The statistic is the largest gap between the
 * two empirical CDFs; ties are stepped over together so that equal values never create a gap.
 * The p-value is the Kolmogorov survival function {@code Q(lambda)} at
 * {@code lambda = D * sqrt(n m / (n + m))} (Kolmogorov 1933; Smirnov 1948), evaluated with the
 * alternating series {@code 2 sum (-1)^(j-1) exp(-2 j^2 lambda^2)} for large lambda and the
 * Jacobi theta form {@code 1 - sqrt(2 pi)/lambda sum exp(-(2j-1)^2 pi^2 / (8 lambda^2))} for small
 * lambda, where each converges in a few terms (W. Feller 1948; Numerical Recipes 3rd ed., 6.14).
 *
 * <p>Stateless and thread-safe.
 */
public final class KolmogorovSmirnov {

    private static final double SWITCH_LAMBDA = 1.18;

    private KolmogorovSmirnov() {
    }

    /**
     * @param sortedA a non-empty sample sorted ascending, not modified
     * @param sortedB a non-empty sample sorted ascending, not modified
     * @return the statistic {@code D = sup |F_A - F_B|} in [0, 1]
     */
    public static double statistic(double[] sortedA, double[] sortedB) {
        Objects.requireNonNull(sortedA, "sortedA");
        Objects.requireNonNull(sortedB, "sortedB");
        if (sortedA.length == 0 || sortedB.length == 0) {
            throw new IllegalArgumentException("both samples must be non-empty, got sizes " + sortedA.length + " and "
                    + sortedB.length);
        }
        int n = sortedA.length;
        int m = sortedB.length;
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < n && j < m) {
            double x = Math.min(sortedA[i], sortedB[j]);
            while (i < n && sortedA[i] == x) {
                i++;
            }
            while (j < m && sortedB[j] == x) {
                j++;
            }
            d = Math.max(d, Math.abs(i / (double) n - j / (double) m));
        }
        return d;
    }

    /**
     * @param lambda the scaled statistic, any real number
     * @return {@code Q(lambda) = P(K > lambda)} for the Kolmogorov distribution, in [0, 1]; 1 for lambda &lt;= 0
     */
    public static double kolmogorovSurvival(double lambda) {
        if (Double.isNaN(lambda)) {
            throw new IllegalArgumentException("lambda must not be NaN");
        }
        if (lambda <= 0) {
            return 1;
        }
        if (lambda < SWITCH_LAMBDA) {
            if (lambda < 0.04) {
                return 1; // exp(-pi^2/(8 lambda^2)) underflows: K(lambda) = 0 to double precision
            }
            double y = Math.exp(-Math.PI * Math.PI / (8 * lambda * lambda));
            double y8 = Math.pow(y, 8);
            // Terms j = 1..4: exponents 1, 9, 25, 49 = 1, 1+8, 1+8+16, 1+8+16+24.
            double sum = y * (1 + y8 * (1 + Math.pow(y, 16) * (1 + Math.pow(y, 24))));
            return clamp(1 - Math.sqrt(2 * Math.PI) / lambda * sum);
        }
        double sum = 0;
        double sign = 1;
        for (int j = 1; j <= 100; j++) {
            double term = Math.exp(-2.0 * j * j * lambda * lambda);
            sum += sign * term;
            if (term < 1e-17) {
                break;
            }
            sign = -sign;
        }
        return clamp(2 * sum);
    }

    /**
     * @param d statistic in [0, 1]
     * @param n size of the first sample, &gt;= 1
     * @param m size of the second sample, &gt;= 1
     * @return the asymptotic two-sided p-value
     */
    public static double pValue(double d, int n, int m) {
        if (!(d >= 0 && d <= 1) || n < 1 || m < 1) {
            throw new IllegalArgumentException("need 0 <= d <= 1 and sizes >= 1, got d=" + d + " n=" + n + " m=" + m);
        }
        double effective = (double) n * m / ((double) n + m);
        return kolmogorovSurvival(d * Math.sqrt(effective));
    }

    private static double clamp(double p) {
        return Math.max(0, Math.min(1, p));
    }
}
