package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PairedDeLongTest {

    @Test
    void compare_randomModels_equalsBruteForce() {
        Random random = new Random(10);
        for (int trial = 0; trial < 40; trial++) {
            int size = 2 + random.nextInt(200);
            boolean[] labels = RocAucTest.randomLabels(random, size, 0.5);
            int levels = trial % 2 == 0 ? 0 : 1 + random.nextInt(5);
            double[] a = RocAucTest.randomScores(random, labels, 1.0, levels);
            double[] b = new double[size];
            for (int i = 0; i < size; i++) {
                b[i] = a[i] + random.nextGaussian() * (levels > 0 ? 1 : 0.5);
                b[i] = levels > 0 ? Math.floor(b[i]) : b[i];
            }
            PairedDeLongResult fast = PairedDeLong.compare(a, b, labels);
            double[] slow = BruteForceDeLong.pairedDifference(a, b, labels);
            assertEquals(slow[0], fast.aucDifference(), 0.0);
            assertEquals(slow[1], fast.differenceVariance(), 1e-13);
            assertEquals(RocAuc.auc(a, labels).auc(), fast.first().auc(), 0.0);
            assertEquals(RocAuc.auc(a, labels).variance(), fast.first().variance(), 1e-15);
            assertEquals(RocAuc.auc(b, labels).auc(), fast.second().auc(), 0.0);
            assertEquals(RocAuc.auc(b, labels).variance(), fast.second().variance(), 1e-15);
        }
    }

    @Test
    void compare_tinyPack_usesSingleCaseBound() {
        PairedDeLongResult r = PairedDeLong.compare(new double[] {0.9, 0.1}, new double[] {0.1, 0.9}, new int[] {1, 0});
        assertEquals(1.0, r.aucDifference(), 0.0);
        assertEquals(2.0, r.differenceVariance(), 0.0);
        double[] slow = BruteForceDeLong.pairedDifference(new double[] {0.9, 0.1}, new double[] {0.1, 0.9},
                new boolean[] {true, false});
        assertEquals(slow[1], r.differenceVariance(), 0.0);
    }

    @Test
    void compare_identicalModels_zeroAndPValueOne() {
        double[] s = {0.1, 0.4, 0.35, 0.8, 0.2};
        PairedDeLongResult r = PairedDeLong.compare(s, s, new int[] {0, 0, 1, 1, 0});
        assertEquals(0.0, r.z(), 0.0);
        assertEquals(1.0, r.pValue(), 0.0);
        assertEquals(0.0, r.difference95Low(), 0.0);
    }

    @Test
    void compare_clearlyBetterModel_smallPValueAndConsistentInterval() {
        Random random = new Random(11);
        boolean[] labels = RocAucTest.randomLabels(random, 400, 0.5);
        double[] good = RocAucTest.randomScores(random, labels, 2.0, 0);
        double[] bad = RocAucTest.randomScores(random, labels, 0.2, 0);
        PairedDeLongResult r = PairedDeLong.compare(good, bad, labels);
        assertTrue(r.z() > 5, "z = " + r.z());
        assertTrue(r.pValue() < 1e-6, "p = " + r.pValue());
        assertEquals(r.aucDifference() - 1.959963984540054 * Math.sqrt(r.differenceVariance()),
                r.difference95Low(), 1e-15);
        assertEquals(StandardNormal.twoSidedPValue(r.z()), r.pValue(), 0.0);
    }

    @Test
    void compare_lengthMismatch_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedDeLong.compare(new double[] {1, 2}, new double[] {1}, new int[] {1, 0}));
    }

    @Test
    void standardNormal_knownValues_match() {
        // scipy.stats.norm.sf
        assertEquals(0.5, StandardNormal.upperTail(0), 1e-16);
        assertEquals(0.025, StandardNormal.upperTail(1.959963984540054), 1e-15);
        assertEquals(0.15865525393145707, StandardNormal.upperTail(1.0), 1e-15);
        assertEquals(2.866515718791933e-07, StandardNormal.upperTail(5.0), 1e-20);
        assertEquals(3.01896462520848e-07, StandardNormal.upperTail(4.99), 1e-20);
        assertEquals(2.7215017728558194e-07, StandardNormal.upperTail(5.01), 1e-20);
        assertEquals(7.61985302416047e-24, StandardNormal.upperTail(10.0), 1e-36);
        assertEquals(0.0013948872354922468, StandardNormal.upperTail(2.99), 1e-15);
        assertEquals(0.0013498980316300933, StandardNormal.upperTail(3.0), 1e-17);
        assertEquals(0.00023262907903552502, StandardNormal.upperTail(3.5), 1e-18);
        assertEquals(0.9772498680518208, StandardNormal.upperTail(-2.0), 1e-15);
    }
}
