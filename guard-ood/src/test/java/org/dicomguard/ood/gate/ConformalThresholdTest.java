package org.dicomguard.ood.gate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConformalThresholdTest {

    @Test
    void rank_typicalValues_isCeilOfNPlusOneTimesOneMinusAlpha() {
        assertEquals(95, ConformalThreshold.rank(99, 0.05));
        assertEquals(96, ConformalThreshold.rank(100, 0.05)); // 101 * 0.95 = 95.95
        assertEquals(951, ConformalThreshold.rank(1000, 0.05)); // 1001 * 0.95 = 950.95
    }

    @Test
    void rank_productIsExactInteger_isNotRoundedUpByFloatingPoint() {
        // 100 * 0.99 is 99.00000000000001 in binary floating point; the exact value is 99.
        assertEquals(99, ConformalThreshold.rank(99, 0.01));
        assertEquals(190, ConformalThreshold.rank(199, 0.05));
    }

    @Test
    void threshold_rankAboveCount_isPositiveInfinity() {
        assertEquals(Double.POSITIVE_INFINITY, ConformalThreshold.threshold(new double[] {1, 2, 3}, 0.05));
    }

    @Test
    void threshold_enoughScores_isTheRankthSmallest() {
        double[] scores = new double[19];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 19 - i; // 19..1, unsorted input
        }
        assertEquals(19, ConformalThreshold.rank(19, 0.05));
        assertEquals(19.0, ConformalThreshold.threshold(scores, 0.05));
        assertEquals(18.0, ConformalThreshold.threshold(scores, 0.1)); // ceil(20 * 0.9) = 18
    }

    @Test
    void minimumCalibrationCount_typicalAlphas_isCeilOfOneOverAlphaMinusOne() {
        assertEquals(19, ConformalThreshold.minimumCalibrationCount(0.05));
        assertEquals(99, ConformalThreshold.minimumCalibrationCount(0.01));
        assertEquals(9, ConformalThreshold.minimumCalibrationCount(0.1));
        assertEquals(2, ConformalThreshold.minimumCalibrationCount(0.4));
    }

    @Test
    void rank_alphaOutOfRange_isRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConformalThreshold.rank(10, 1.0));
        assertEquals("alpha (target false-reject rate) must be in (0, 1), got 1.0", e.getMessage());
    }

    @Test
    void threshold_nonFiniteScore_isRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> ConformalThreshold.threshold(new double[] {1, Double.NaN}, 0.5));
    }
}
