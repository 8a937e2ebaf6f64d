package org.dicomguard.core.evaluation;

/**
 * O(mn) reference implementation of the Mann-Whitney AUC and DeLong (1988) variance, written
 * straight from the definitions, against which the fast code is checked.
 */
final class BruteForceDeLong {

    private BruteForceDeLong() {
    }

    static double psi(double x, double y) {
        return x > y ? 1.0 : x == y ? 0.5 : 0.0;
    }

    /** @return {auc, variance} */
    static double[] aucAndVariance(double[] scores, boolean[] labels) {
        double[][] c = components(scores, labels);
        double auc = c[2][0];
        return new double[] {auc, variance(c[0], c[0], auc, 0.25) / c[0].length
                + variance(c[1], c[1], auc, 0.25) / c[1].length};
    }

    /** @return {V10, V01, {auc}} */
    static double[][] components(double[] scores, boolean[] labels) {
        int m = 0;
        for (boolean l : labels) {
            m += l ? 1 : 0;
        }
        int n = labels.length - m;
        double[] v10 = new double[m];
        double[] v01 = new double[n];
        long twice = 0;
        int i = 0;
        for (int a = 0; a < scores.length; a++) {
            if (!labels[a]) {
                continue;
            }
            int j = 0;
            for (int b = 0; b < scores.length; b++) {
                if (labels[b]) {
                    continue;
                }
                double s = psi(scores[a], scores[b]);
                twice += (long) (2 * s);
                v10[i] += s / n;
                v01[j] += s / m;
                j++;
            }
            i++;
        }
        return new double[][] {v10, v01, {twice / (2.0 * m * n)}};
    }

    /** Sample covariance of x and y around means mean (both have that mean when x == y). */
    static double variance(double[] x, double[] y, double mean, double singleBound) {
        if (x.length < 2) {
            return singleBound;
        }
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += (x[k] - mean) * (y[k] - mean);
        }
        return sum / (x.length - 1);
    }

    /** @return {difference, variance of difference} */
    static double[] pairedDifference(double[] a, double[] b, boolean[] labels) {
        double[][] ca = components(a, labels);
        double[][] cb = components(b, labels);
        double diff = ca[2][0] - cb[2][0];
        double var = 0;
        for (int k = 0; k < 2; k++) {
            double[] d = new double[ca[k].length];
            for (int i = 0; i < d.length; i++) {
                d[i] = ca[k][i] - cb[k][i];
            }
            var += variance(d, d, diff, 1.0) / d.length;
        }
        return new double[] {diff, var};
    }
}
