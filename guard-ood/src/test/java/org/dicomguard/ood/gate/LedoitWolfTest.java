package org.dicomguard.ood.gate;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LedoitWolfTest {

    // Reference values from scikit-learn 1.2.1 sklearn.covariance.ledoit_wolf on the same data.
    @Test
    void estimate_smallSample_matchesScikitLearn() {
        double[][] x = {{1.0, 2.0, 0.5}, {2.5, 1.0, -0.3}, {0.3, 3.1, 1.2}, {1.7, 2.2, 0.1}, {3.0, 0.4, -1.0},
                {0.9, 2.8, 0.7}, {2.2, 1.5, 0.0}, {1.1, 1.9, 0.9}};
        LedoitWolf.Estimate e = LedoitWolf.estimate(x);
        assertEquals(0.22905003587858705, e.shrinkageIntensity(), 1e-12);
        double[][] expected = {{0.714753, -0.51786155, -0.42727493}, {-0.51786155, 0.67909656, 0.38535452},
                {-0.42727493, 0.38535452, 0.48443169}};
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected[i], e.covariance()[i], 1e-7);
        }
    }

    @Test
    void estimate_fewerRowsThanFeaturesPlusOne_matchesScikitLearnAndIsPositiveDefinite() {
        double[][] x = new double[6][];
        for (int i = 0; i < 6; i++) {
            x[i] = new double[] {i * 0.1 + (i % 3), (i * i) % 7 - 3.0, Math.sin(i), Math.cos(2 * i)};
        }
        LedoitWolf.Estimate e = LedoitWolf.estimate(x);
        assertEquals(0.3015251062181456, e.shrinkageIntensity(), 1e-12);
        assertEquals(1.79669573, e.covariance()[1][1], 1e-7);
        assertEquals(0.820708, e.covariance()[0][1], 1e-7);
        assertEquals(-0.53009411, e.covariance()[1][3], 1e-7);
    }

    @Test
    void estimate_moreFeaturesThanRows_staysInvertible() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] x = new double[5][12];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        LedoitWolf.Estimate e = LedoitWolf.estimate(x);
        assertTrue(e.shrinkageIntensity() > 0 && e.shrinkageIntensity() <= 1);
        // The gate's constructor runs a Cholesky decomposition and refuses a singular matrix.
        new MahalanobisGate(specs(12), e.mean(), e.covariance(), 1.0);
    }

    @Test
    void estimate_manyRowsFewFeatures_shrinksLittle() {
        SplittableRandom random = new SplittableRandom(11);
        double[][] x = new double[20_000][3];
        for (double[] row : x) {
            double a = random.nextGaussian();
            row[0] = a;
            row[1] = 0.9 * a + 0.3 * random.nextGaussian();
            row[2] = 2 * random.nextGaussian();
        }
        LedoitWolf.Estimate e = LedoitWolf.estimate(x);
        assertTrue(e.shrinkageIntensity() < 0.01, "intensity " + e.shrinkageIntensity());
        assertEquals(0.9, e.covariance()[0][1], 0.03);
    }

    @Test
    void estimate_oneRow_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LedoitWolf.estimate(new double[][] {{1, 2}}));
        assertTrue(e.getMessage().contains("at least 2 rows"), e.getMessage());
    }

    @Test
    void estimate_nonFiniteValue_namesRowAndFeature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LedoitWolf.estimate(new double[][] {{1, 2}, {3, Double.NaN}}));
        assertTrue(e.getMessage().contains("row 1 feature 1"), e.getMessage());
    }

    static java.util.List<org.dicomguard.ood.FeatureSpec> specs(int p) {
        java.util.List<org.dicomguard.ood.FeatureSpec> specs = new java.util.ArrayList<>();
        for (int i = 0; i < p; i++) {
            specs.add(new org.dicomguard.ood.FeatureSpec("f" + i, "1"));
        }
        return specs;
    }
}
