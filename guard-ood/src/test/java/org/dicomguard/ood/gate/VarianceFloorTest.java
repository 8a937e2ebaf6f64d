package org.dicomguard.ood.gate;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.SyntheticStudies;
import org.dicomguard.ood.profile.ProfileFitter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VarianceFloorTest {

    private static final double ALPHA = 0.02;
    /** A near-constant statistic, like the background median of a mammogram: 0.03 of range, sd 1e-4. */
    private static final FeatureSpec BACKGROUND = new FeatureSpec("backgroundMedian", "fraction of stored range");

    @Test
    void floorStandardDeviation_eachUnit_isDeltaTimesTheUnitsNaturalScale() {
        VarianceFloor floor = new VarianceFloor(0.02);
        assertEquals(0.02, floor.floorStandardDeviation(new FeatureSpec("a", "fraction of image"), 0.001), 1e-15);
        assertEquals(0.02 * 115, floor.floorStandardDeviation(new FeatureSpec("b", "HU"), -885), 1e-12);
        assertEquals(0.02 * 350, floor.floorStandardDeviation(new FeatureSpec("c", "mm"), 350), 1e-12);
        assertEquals(0, VarianceFloor.none().floorStandardDeviation(new FeatureSpec("d", "HU"), 40), 0);
    }

    @Test
    void apply_covariance_addsTheSquaredFloorToTheDiagonalOnly() {
        List<FeatureSpec> specs = List.of(new FeatureSpec("a", "fraction"), new FeatureSpec("b", "mm"));
        double[][] out = new VarianceFloor(0.1).apply(specs, new double[] {0.5, 20}, new double[][] {{1, 0.5}, {0.5, 2}});
        assertEquals(1 + 0.01, out[0][0], 1e-12);
        assertEquals(2 + 4, out[1][1], 1e-12);
        assertEquals(0.5, out[0][1], 0);
        assertEquals(0.5, out[1][0], 0);
    }

    @Test
    void constructor_outOfRange_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new VarianceFloor(-0.01));
        assertThrows(IllegalArgumentException.class, () -> new VarianceFloor(0.6));
        assertThrows(IllegalArgumentException.class, () -> new VarianceFloor(Double.NaN));
    }

    @Test
    void gate_twoPercentGainOnANearConstantFeature_isAnOutageWithoutFloorAndToleratedWithIt() {
        List<FeatureSpec> specs = new ArrayList<>(SyntheticStudies.SPECS);
        specs.add(BACKGROUND);
        Data data = new Data(11);
        double[][] fit = data.rows(1000);
        double[][] calibration = data.rows(1000);
        MahalanobisGate plain = ProfileFitter.fit(specs, fit, calibration, ALPHA).toGate();
        MahalanobisGate floored = ProfileFitter.fit(specs, fit, calibration, ALPHA, VarianceFloor.defaults()).toGate();

        double[][] test = data.rows(2000);
        assertTrue(rejected(plain, test) <= ALPHA + 0.01, "plain, unshifted: " + rejected(plain, test));
        assertTrue(rejected(floored, test) <= ALPHA + 0.01, "floored, unshifted: " + rejected(floored, test));

        double[][] gain = new double[test.length][];
        for (int i = 0; i < test.length; i++) {
            gain[i] = data.gain(test[i].clone(), 1.02);
        }
        assertTrue(rejected(plain, gain) >= 0.95, "without floor a 2% gain is an outage: " + rejected(plain, gain));
        assertTrue(rejected(floored, gain) <= ALPHA + 0.05, "with floor: " + rejected(floored, gain));

        for (SyntheticStudies.OodKind kind : List.of(SyntheticStudies.OodKind.OTHER_BODY_PART,
                SyntheticStudies.OodKind.PHANTOM_BOTTLE, SyntheticStudies.OodKind.INVERTED_INTENSITIES)) {
            double[][] ood = new double[500][];
            for (int i = 0; i < ood.length; i++) {
                ood[i] = data.ood(kind);
            }
            assertEquals(1.0, rejected(floored, ood), 0, kind + " with floor");
        }
    }

    private static double rejected(MahalanobisGate gate, double[][] rows) {
        int n = 0;
        for (double[] row : rows) {
            if (!gate.evaluate(row).accepted()) {
                n++;
            }
        }
        return (double) n / rows.length;
    }

    /** SyntheticStudies rows plus the near-constant background feature, which a gain scales. */
    private static final class Data {
        private final SyntheticStudies studies;
        private final SplittableRandom random;

        Data(long seed) {
            studies = new SyntheticStudies(seed);
            random = new SplittableRandom(seed + 1);
        }

        double[] withBackground(double[] row) {
            double[] out = java.util.Arrays.copyOf(row, row.length + 1);
            out[row.length] = 0.03 + 1e-4 * random.nextGaussian();
            return out;
        }

        double[][] rows(int count) {
            double[][] rows = new double[count][];
            for (int i = 0; i < count; i++) {
                rows[i] = withBackground(studies.inDistribution());
            }
            return rows;
        }

        double[] gain(double[] row, double factor) {
            // Intensity-like statistics (mean, p95 in HU from air at -1000) and the background scale with the gain.
            row[0] = (row[0] + 1000) * factor - 1000;
            row[3] = (row[3] + 1000) * factor - 1000;
            row[row.length - 1] *= factor;
            return row;
        }

        double[] ood(SyntheticStudies.OodKind kind) {
            double[] row = withBackground(studies.outOfDistribution(kind));
            if (kind == SyntheticStudies.OodKind.PHANTOM_BOTTLE || kind == SyntheticStudies.OodKind.INVERTED_INTENSITIES) {
                row[row.length - 1] = kind == SyntheticStudies.OodKind.PHANTOM_BOTTLE ? 0.0 : 0.97;
            }
            return row;
        }
    }
}
