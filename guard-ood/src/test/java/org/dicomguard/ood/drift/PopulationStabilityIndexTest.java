package org.dicomguard.ood.drift;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PopulationStabilityIndexTest {

    private static double[] uniformReference() {
        double[] r = new double[1000];
        for (int i = 0; i < r.length; i++) {
            r[i] = i / 1000.0;
        }
        return r;
    }

    @Test
    void of_sameDistribution_isNearZero() {
        PopulationStabilityIndex psi = new PopulationStabilityIndex(uniformReference());
        assertEquals(10, psi.binCount());
        assertEquals(0.0, psi.of(uniformReference()), 1e-12);
    }

    @Test
    void of_allInOneBin_matchesHandComputation() {
        PopulationStabilityIndex psi = new PopulationStabilityIndex(uniformReference());
        double[] window = new double[100];
        java.util.Arrays.fill(window, 0.05); // all in the first decile bin
        // bin 1: (1 - 0.1) ln(1/0.1); 9 bins: (1e-4 - 0.1) ln(1e-4/0.1)
        double expected = 0.9 * Math.log(10) + 9 * (1e-4 - 0.1) * Math.log(1e-4 / 0.1);
        assertEquals(expected, psi.of(window), 1e-12);
    }

    @Test
    void of_shiftedNormal_growsWithShift() {
        SplittableRandom random = new SplittableRandom(4);
        double[] ref = new double[2000];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = random.nextGaussian();
        }
        java.util.Arrays.sort(ref);
        PopulationStabilityIndex psi = new PopulationStabilityIndex(ref);
        double previous = -1;
        for (double shift : new double[] {0, 0.25, 0.5, 1.0}) {
            double[] w = new double[500];
            for (int i = 0; i < w.length; i++) {
                w[i] = random.nextGaussian() + shift;
            }
            double value = psi.of(w);
            assertTrue(value > previous, "PSI " + value + " at shift " + shift);
            previous = value;
        }
        assertTrue(previous > 0.5, "PSI at 1 sd shift " + previous);
    }

    @Test
    void constructor_heavyTies_mergesBins() {
        double[] ref = new double[100];
        for (int i = 50; i < 100; i++) {
            ref[i] = 1;
        }
        PopulationStabilityIndex psi = new PopulationStabilityIndex(ref);
        // Edges {0, 1}: bins (-inf, 0], (0, 1] and (1, +inf), the last one empty in the reference.
        assertEquals(3, psi.binCount());
        assertEquals(0.0, psi.of(ref), 1e-12);
    }
}
