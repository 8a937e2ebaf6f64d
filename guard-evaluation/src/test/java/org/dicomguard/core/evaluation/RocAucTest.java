package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class RocAucTest {

    private static final double VARIANCE_TOLERANCE = 1e-13;

    static boolean[] randomLabels(Random random, int size, double positiveFraction) {
        boolean[] labels = new boolean[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextDouble() < positiveFraction;
        }
        labels[0] = true;
        labels[size - 1] = false;
        return labels;
    }

    /** Scores with an effect and, with {@code levels} > 0, heavy ties. */
    static double[] randomScores(Random random, boolean[] labels, double shift, int levels) {
        double[] scores = new double[labels.length];
        for (int i = 0; i < scores.length; i++) {
            double s = random.nextGaussian() + (labels[i] ? shift : 0);
            scores[i] = levels > 0 ? Math.floor(s * levels / 4.0) : s;
        }
        return scores;
    }

    private static void assertMatchesBruteForce(double[] scores, boolean[] labels) {
        AucResult fast = RocAuc.auc(scores, labels);
        double[] slow = BruteForceDeLong.aucAndVariance(scores, labels);
        assertEquals(slow[0], fast.auc(), 0.0, "auc must equal the pair count exactly");
        assertEquals(slow[1], fast.variance(), VARIANCE_TOLERANCE);
        assertEquals(fast.auc(), RocCurve.of(scores, labels).trapezoidArea(), 1e-12);
    }

    @Test
    void auc_randomContinuousScores_equalsBruteForce() {
        Random random = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            int size = 2 + random.nextInt(300);
            boolean[] labels = randomLabels(random, size, 0.3 + 0.4 * random.nextDouble());
            assertMatchesBruteForce(randomScores(random, labels, random.nextDouble() * 2, 0), labels);
        }
    }

    @Test
    void auc_heavyTies_equalsBruteForce() {
        Random random = new Random(2);
        for (int trial = 0; trial < 50; trial++) {
            int size = 2 + random.nextInt(300);
            boolean[] labels = randomLabels(random, size, 0.5);
            // 1 to 4 levels: almost every pair is tied
            assertMatchesBruteForce(randomScores(random, labels, 0.7, 1 + random.nextInt(4)), labels);
        }
    }

    @Test
    void auc_aboveRadixThreshold_equalsBruteForce() {
        Random random = new Random(6);
        for (int levels : new int[] {0, 3}) {
            boolean[] labels = randomLabels(random, 2 * DoubleRadixSort.RADIX_MIN_LENGTH + 17, 0.4);
            double[] scores = randomScores(random, labels, 0.8, levels);
            for (int i = 0; i < scores.length; i += 7) {
                scores[i] = -scores[i]; // negative values and -0.0 exercise the sign handling of the radix keys
            }
            assertMatchesBruteForce(scores, labels);
            double[] other = randomScores(random, labels, 0.4, levels);
            PairedDeLongResult fast = PairedDeLong.compare(scores, other, labels);
            double[] slow = BruteForceDeLong.pairedDifference(scores, other, labels);
            assertEquals(slow[0], fast.aucDifference(), 0.0);
            assertEquals(slow[1], fast.differenceVariance(), 1e-15);
        }
    }

    @Test
    void auc_tinyPacks_equalBruteForce() {
        assertMatchesBruteForce(new double[] {0.9, 0.1}, new boolean[] {true, false});
        assertMatchesBruteForce(new double[] {0.1, 0.9}, new boolean[] {true, false});
        assertMatchesBruteForce(new double[] {0.5, 0.5}, new boolean[] {true, false});
        assertMatchesBruteForce(new double[] {0.5, 0.2, 0.7}, new boolean[] {true, false, false});
        assertMatchesBruteForce(new double[] {0.5, 0.2, 0.7}, new boolean[] {true, true, false});
        assertMatchesBruteForce(new double[] {-0.0, 0.0, 0.0, -0.0}, new boolean[] {true, false, true, false});
    }

    @Test
    void auc_onePositiveOneNegative_usesSingleCaseBound() {
        AucResult result = RocAuc.auc(new double[] {0.9, 0.1}, new int[] {1, 0});
        assertEquals(1.0, result.auc(), 0.0);
        assertEquals(0.5, result.variance(), 0.0, "0.25/1 + 0.25/1");
        assertEquals(0.0, result.auc95Low(), 0.0);
        assertEquals(1.0, result.auc95High(), 0.0);
    }

    @Test
    void auc_knownHanleyMcNeilStyleExample_matchesHandComputation() {
        // positives {3,4}, negatives {1,3}: pairs (3>1)=1,(3=3)=.5,(4>1)=1,(4>3)=1 -> 3.5/4
        AucResult r = RocAuc.auc(new double[] {3, 4, 1, 3}, new int[] {1, 1, 0, 0});
        assertEquals(0.875, r.auc(), 0.0);
        // V10 = {0.75, 1}, V01 = {1, 0.75}; S10 = S01 = 0.03125; var = 0.03125
        assertEquals(0.03125, r.variance(), 1e-15);
        assertEquals(0.875 - 1.959963984540054 * Math.sqrt(0.03125), r.auc95Low(), 1e-15);
        assertEquals(1.0, r.auc95High(), 0.0, "clipped to 1");
    }

    @Test
    void auc_scikitLearnValueOnFixedData_matches() {
        // sklearn.metrics.roc_auc_score([0,0,1,1],[0.1,0.4,0.35,0.8]) == 0.75
        assertEquals(0.75, RocAuc.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1}).auc(), 0.0);
    }

    @Test
    void auc_oneClass_throwsNamingCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.auc(new double[] {0.1, 0.2, 0.3}, new int[] {1, 1, 1}));
        assertTrue(e.getMessage().contains("3 positives and 0 negatives"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RocAuc.auc(new double[0], new int[0]));
        assertTrue(e.getMessage().contains("0 positives and 0 negatives"), e.getMessage());
    }

    @Test
    void auc_badInput_throwsNamingIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.auc(new double[] {0.1, Double.NaN}, new int[] {1, 0}));
        assertTrue(e.getMessage().contains("scores[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.auc(new double[] {0.1, 0.2}, new int[] {1, 2}));
        assertTrue(e.getMessage().contains("labels[1] = 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RocAuc.auc(new double[] {0.1, 0.2}, new int[] {1}));
        assertTrue(e.getMessage().contains("differs"), e.getMessage());
    }

    @Test
    void auc_intervalIsClippedAndContainsAuc() {
        Random random = new Random(3);
        boolean[] labels = randomLabels(random, 40, 0.5);
        double[] scores = randomScores(random, labels, 5.0, 0);
        AucResult r = RocAuc.auc(scores, labels);
        assertTrue(r.auc95Low() >= 0 && r.auc95Low() <= r.auc() && r.auc95High() <= 1.0);
    }

    @Test
    void auc_millionScores_equalsMergeOfInputOrderComponents() {
        Random random = new Random(4);
        boolean[] labels = randomLabels(random, 1_000_000, 0.5);
        double[] scores = randomScores(random, labels, 1.0, 0);
        AucResult r = RocAuc.auc(scores, labels);
        int m = r.positiveCount();
        double[][] c = RocAuc.componentsInInputOrder(scores, labels, m);
        assertEquals(c[2][0] / (2.0 * m * (double) r.negativeCount()), r.auc(), 0.0);
        // binormal with shift 1: AUC = Phi(1/sqrt 2) = 0.7602
        assertEquals(0.7602, r.auc(), 0.003);
    }
}
