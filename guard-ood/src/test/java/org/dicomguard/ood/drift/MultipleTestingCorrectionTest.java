package org.dicomguard.ood.drift;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class MultipleTestingCorrectionTest {

    @Test
    void adjust_bonferroni_multipliesByCountAndCaps() {
        assertArrayEquals(new double[] {0.03, 1.0, 0.3}, MultipleTestingCorrection.BONFERRONI.adjust(
                new double[] {0.01, 0.5, 0.1}), 1e-15);
    }

    // Reference: R p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02
    @Test
    void adjust_benjaminiHochberg_matchesR() {
        assertArrayEquals(new double[] {0.02, 0.04, 0.04, 0.02}, MultipleTestingCorrection.BENJAMINI_HOCHBERG.adjust(
                new double[] {0.01, 0.04, 0.03, 0.005}), 1e-15);
    }
}
