package org.dicomguard.ood.drift;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KolmogorovSmirnovTest {

    // Reference values: scipy.special.kolmogorov (SciPy 1.10.1), the survival function of the Kolmogorov distribution.
    @Test
    void kolmogorovSurvival_knownValues_matchScipy() {
        assertEquals(0.9999906941986655, KolmogorovSmirnov.kolmogorovSurvival(0.3), 1e-12);
        assertEquals(0.9639452436648751, KolmogorovSmirnov.kolmogorovSurvival(0.5), 1e-12);
        assertEquals(0.26999967167735456, KolmogorovSmirnov.kolmogorovSurvival(1.0), 1e-12);
        assertEquals(0.049485876755377876, KolmogorovSmirnov.kolmogorovSurvival(1.36), 1e-12);
        assertEquals(0.022217962616525127, KolmogorovSmirnov.kolmogorovSurvival(1.5), 1e-12);
        assertEquals(0.0006709252557796953, KolmogorovSmirnov.kolmogorovSurvival(2.0), 1e-15);
        assertEquals(3.045995948942526e-08, KolmogorovSmirnov.kolmogorovSurvival(3.0), 1e-18);
    }

    @Test
    void kolmogorovSurvival_bothSeriesAgreeAtTheSwitch() {
        double below = KolmogorovSmirnov.kolmogorovSurvival(Math.nextDown(1.18));
        double above = KolmogorovSmirnov.kolmogorovSurvival(1.18);
        assertEquals(below, above, 1e-12);
    }

    @Test
    void kolmogorovSurvival_tinyOrNegativeLambda_isOne() {
        assertEquals(1.0, KolmogorovSmirnov.kolmogorovSurvival(0.01));
        assertEquals(1.0, KolmogorovSmirnov.kolmogorovSurvival(-2));
    }

    // Reference: scipy.stats.ks_2samp(a, b).statistic = 0.23000000000000004 on these samples.
    @Test
    void statistic_knownSamples_matchesScipy() {
        double[] a = {0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56, 0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37,
                1.77, 1.09, -1.28, 2.36, 1.31, 1.05, -0.32, -0.4, 1.06, -2.47};
        double[] b = {2.2, 1.66, 1.38, 0.2, 0.36, 0.0, 0.96, 1.56, 0.44, 1.5, -0.3, 0.66, 2.31, 3.29, -0.27, -0.37,
                0.38, 0.7, 0.52, -0.71};
        Arrays.sort(a);
        Arrays.sort(b);
        assertEquals(0.23, KolmogorovSmirnov.statistic(a, b), 1e-12);
        assertEquals(KolmogorovSmirnov.statistic(b, a), KolmogorovSmirnov.statistic(a, b));
    }

    @Test
    void statistic_tiesAcrossSamples_doNotCreateGaps() {
        assertEquals(0.0, KolmogorovSmirnov.statistic(new double[] {1, 1, 2, 2}, new double[] {1, 2}));
        assertEquals(1.0, KolmogorovSmirnov.statistic(new double[] {1, 1}, new double[] {2, 2, 2}));
    }

    @Test
    void pValue_scalesWithEffectiveSampleSize() {
        // n = m = 200: effective 100, lambda = 0.136 * 10 = 1.36
        assertEquals(0.049485876755377876, KolmogorovSmirnov.pValue(0.136, 200, 200), 1e-12);
    }

    @Test
    void statistic_emptySample_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.statistic(new double[0], new double[] {1}));
    }
}
