package org.dicomguard.ood.gate;

import org.dicomguard.ood.SyntheticStudies;
import org.dicomguard.ood.SyntheticStudies.OodKind;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfile;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The split-conformal guarantee on seeded synthetic data: correlated, skewed and nonlinear
 * features (so nothing relies on Gaussianity), many repetitions of fit / calibrate / test.
 */
class CalibrationGuaranteeTest {

    private static final int REPETITIONS = 200;
    private static final int FIT_COUNT = 400;
    private static final int CALIBRATION_COUNT = 400;
    private static final int TEST_COUNT = 500;

    @Test
    void fit_manyRepetitionsAtFivePercent_falseRejectRateWithinTargetPlusOnePoint() {
        assertGuarantee(0.05, 1);
    }

    @Test
    void fit_manyRepetitionsAtOnePercent_falseRejectRateWithinTargetPlusOnePoint() {
        assertGuarantee(0.01, 2);
    }

    private static void assertGuarantee(double alpha, long seed) {
        double[] rates = new double[REPETITIONS];
        for (int r = 0; r < REPETITIONS; r++) {
            SyntheticStudies data = new SyntheticStudies(seed * 1_000_003L + r);
            ReferenceProfile profile = ProfileFitter.fit(SyntheticStudies.SPECS, data.inDistribution(FIT_COUNT),
                    data.inDistribution(CALIBRATION_COUNT), alpha);
            MahalanobisGate gate = profile.toGate();
            int rejected = 0;
            for (int i = 0; i < TEST_COUNT; i++) {
                if (!gate.evaluate(data.inDistribution()).accepted()) {
                    rejected++;
                }
            }
            rates[r] = rejected / (double) TEST_COUNT;
        }
        double mean = Arrays.stream(rates).average().orElseThrow();
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        double p95 = sorted[(int) Math.ceil(0.95 * REPETITIONS) - 1];
        System.out.printf("conformal alpha=%.3f: mean false-reject rate %.4f over %d repetitions "
                + "(fit %d, calibration %d, test %d each), 95th percentile %.4f%n",
                alpha, mean, REPETITIONS, FIT_COUNT, CALIBRATION_COUNT, TEST_COUNT, p95);
        assertTrue(mean <= alpha + 0.01, "mean false-reject rate " + mean + " exceeds " + (alpha + 0.01));
        // Not uselessly conservative either: the conformal rate is at least alpha - 1/(n+1).
        assertTrue(mean >= alpha - 1.0 / (CALIBRATION_COUNT + 1) - 0.005, "mean false-reject rate " + mean);
    }

    @Test
    void fit_oneLargeRun_falseRejectRateWithinTargetPlusOnePoint() {
        SyntheticStudies data = new SyntheticStudies(42);
        double alpha = 0.02;
        MahalanobisGate gate = ProfileFitter.fit(SyntheticStudies.SPECS, data.inDistribution(2000),
                data.inDistribution(2000), alpha).toGate();
        int rejected = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            if (!gate.evaluate(data.inDistribution()).accepted()) {
                rejected++;
            }
        }
        double rate = rejected / (double) n;
        System.out.printf("conformal alpha=%.3f, one run: held-out false-reject rate %.4f over %d studies%n",
                alpha, rate, n);
        assertTrue(rate <= alpha + 0.01, "false-reject rate " + rate);
    }

    @Test
    void evaluate_everyOodKind_rejectedAtLeastNinetyNinePercent() {
        SyntheticStudies data = new SyntheticStudies(99);
        MahalanobisGate gate = ProfileFitter.fit(SyntheticStudies.SPECS, data.inDistribution(1000),
                data.inDistribution(1000), 0.01).toGate();
        int n = 2000;
        for (OodKind kind : OodKind.values()) {
            int rejected = 0;
            for (int i = 0; i < n; i++) {
                if (!gate.evaluate(data.outOfDistribution(kind)).accepted()) {
                    rejected++;
                }
            }
            double rate = rejected / (double) n;
            System.out.printf("OOD kind %s: rejected %.4f of %d at alpha=0.01%n", kind, rate, n);
            assertTrue(rate >= 0.99, kind + " rejected only " + rate);
        }
    }
}
