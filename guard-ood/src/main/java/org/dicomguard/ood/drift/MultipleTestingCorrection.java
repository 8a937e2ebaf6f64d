package org.dicomguard.ood.drift;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How p-values of the streams tested together are adjusted, so that watching many features does
 * not multiply false alarms.
 */
public enum MultipleTestingCorrection {
    /** Family-wise error control: {@code min(1, m p)} (Bonferroni). Conservative; the default. */
    BONFERRONI,
    /**
     * False-discovery-rate control: step-up adjusted p-values {@code min_{k>=i} m p_(k) / k}
     * (Benjamini and Hochberg, JRSS B 57:289-300, 1995). More sensitive when several features drift together.
     */
    BENJAMINI_HOCHBERG;

    /**
     * @param pValues raw p-values of the m tests in one round, not modified
     * @return adjusted p-values in the same order, each in [0, 1]
     */
    public double[] adjust(double[] pValues) {
        int m = pValues.length;
        double[] out = new double[m];
        if (this == BONFERRONI) {
            for (int i = 0; i < m; i++) {
                out[i] = Math.min(1, pValues[i] * m);
            }
            return out;
        }
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, pValues[i] * m / rank);
            out[i] = Math.min(1, running);
        }
        return out;
    }
}
