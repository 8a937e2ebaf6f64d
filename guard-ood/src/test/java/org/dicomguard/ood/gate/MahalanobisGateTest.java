package org.dicomguard.ood.gate;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.InputStatistics;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MahalanobisGateTest {

    private static final List<FeatureSpec> SPECS = List.of(new FeatureSpec("a", "HU"), new FeatureSpec("b", "mm"),
            new FeatureSpec("c", "1"));

    @Test
    void score_diagonalCovariance_isEuclideanOfZScores() {
        MahalanobisGate gate = new MahalanobisGate(SPECS, new double[] {10, 0, 0},
                new double[][] {{4, 0, 0}, {0, 9, 0}, {0, 0, 1}}, 5);
        assertEquals(Math.sqrt(1 + 1 + 4), gate.score(new double[] {12, 3, -2}), 1e-12);
    }

    @Test
    void score_correlatedCovariance_matchesClosedForm() {
        // Sigma = [[1, r], [r, 1]]; d^2 = (x^2 - 2 r x y + y^2) / (1 - r^2)
        double r = 0.8;
        MahalanobisGate gate = new MahalanobisGate(SPECS.subList(0, 2), new double[] {0, 0},
                new double[][] {{1, r}, {r, 1}}, 3);
        double x = 1;
        double y = -1;
        assertEquals(Math.sqrt((x * x - 2 * r * x * y + y * y) / (1 - r * r)), gate.score(new double[] {x, y}), 1e-12);
    }

    @Test
    void evaluate_farInOneFeature_rejectsAndNamesThatFeatureFirst() {
        MahalanobisGate gate = new MahalanobisGate(SPECS, new double[] {10, 0, 0},
                new double[][] {{4, 0.5, 0}, {0.5, 9, 0}, {0, 0, 1}}, 4);
        InputStatistics stats = InputStatistics.builder().add("c", "1", 0.1).add("a", "HU", 40)
                .add("b", "mm", 1).add("extra", "1", 7).build();
        GateDecision d = gate.evaluate(stats);
        assertFalse(d.accepted());
        assertTrue(d.score() > d.threshold());
        FeatureContribution top = d.topContributions().get(0);
        assertEquals("a", top.name());
        assertEquals("HU", top.unit());
        assertEquals(40, top.value());
        assertEquals(10, top.referenceMean());
        assertEquals(15, top.zScore(), 1e-12);
        double sum = 0;
        for (double t : gate.squaredDistanceTerms(new double[] {40, 1, 0.1})) {
            sum += t;
        }
        assertEquals(d.score() * d.score(), sum, 1e-9);
        assertEquals(3, d.topContributions().size());
    }

    @Test
    void evaluate_atTheMean_acceptsWithZeroShares() {
        MahalanobisGate gate = new MahalanobisGate(SPECS, new double[] {1, 2, 3},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 2);
        GateDecision d = gate.evaluate(new double[] {1, 2, 3});
        assertTrue(d.accepted());
        assertEquals(0, d.score());
        assertEquals(0, d.topContributions().get(0).shareOfSquaredDistance());
    }

    @Test
    void evaluate_missingFeature_namesIt() {
        MahalanobisGate gate = new MahalanobisGate(SPECS, new double[] {1, 2, 3},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 2);
        InputStatistics stats = InputStatistics.builder().add("a", "HU", 1).add("b", "mm", 1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gate.evaluate(stats));
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void constructor_singularCovariance_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MahalanobisGate(SPECS.subList(0, 2), new double[] {0, 0}, new double[][] {{1, 1}, {1, 1}}, 1));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
    }

    @Test
    void constructor_asymmetricCovariance_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new MahalanobisGate(SPECS.subList(0, 2), new double[] {0, 0}, new double[][] {{1, 0.1}, {0, 1}}, 1));
    }

    @Test
    void constructor_infiniteThreshold_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MahalanobisGate(SPECS.subList(0, 1), new double[] {0},
                new double[][] {{1}}, Double.POSITIVE_INFINITY));
    }
}
