package org.dicomguard.ood;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic input statistics for tests: eight features with correlations, skew and a
 * nonlinear term, in the units preprocessing would report, plus the out-of-distribution kinds
 * seen in production (another body part, a calibration phantom, a new scanner).
 */
public final class SyntheticStudies {

    /** The eight features and their units. */
    public static final List<FeatureSpec> SPECS = List.of(
            new FeatureSpec("meanIntensityInMaskHu", "HU"),
            new FeatureSpec("maskAreaFraction", "fraction"),
            new FeatureSpec("noiseStandardDeviationHu", "HU"),
            new FeatureSpec("intensityP95Hu", "HU"),
            new FeatureSpec("edgeDensityFraction", "fraction"),
            new FeatureSpec("textureEnergy", "1"),
            new FeatureSpec("fieldOfViewMm", "mm"),
            new FeatureSpec("intensitySkewness", "1"));

    /** Out-of-distribution kinds. */
    public enum OodKind {
        /** A radiograph of another body part: smaller mask, brighter, different texture. */
        OTHER_BODY_PART,
        /** A calibration phantom (a bottle of water): uniform, almost noiseless, large mask. */
        PHANTOM_BOTTLE,
        /** A new scanner: intensity scaled by 1.6 and extra noise. */
        SCANNER_CHANGE,
        /** Photometric interpretation ignored: intensities inverted. */
        INVERTED_INTENSITIES
    }

    private final SplittableRandom random;

    /** @param seed the seed */
    public SyntheticStudies(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return one in-distribution study's feature vector */
    public double[] inDistribution() {
        double z0 = random.nextGaussian();
        double z1 = random.nextGaussian();
        double z2 = random.nextGaussian();
        double z3 = random.nextGaussian();
        double mean = 40 + 10 * z0;
        double fraction = 0.30 + 0.05 * (0.8 * z0 + 0.6 * z1);
        double noise = 8 * Math.exp(0.35 * z2);
        double p95 = mean + 60 + 15 * z1 + 5 * z3 + 1.5 * noise;
        double edges = 0.12 + 0.02 * z3 + 0.01 * z2;
        double chi = 0;
        for (int k = 0; k < 3; k++) {
            double g = random.nextGaussian();
            chi += g * g;
        }
        double texture = 0.5 + 0.1 * chi;
        double fov = 350 + 20 * z1 + 10 * random.nextGaussian();
        double skew = 0.2 + 0.15 * z0 * z1 + 0.05 * random.nextGaussian();
        return new double[] {mean, fraction, noise, p95, edges, texture, fov, skew};
    }

    /**
     * @param row an in-distribution row, modified in place
     * @param intensityScale multiplier applied to intensities
     * @param extraNoiseHu   noise added to the noise level
     * @return the row, as a new scanner would produce it
     */
    public double[] scannerChange(double[] row, double intensityScale, double extraNoiseHu) {
        row[0] = row[0] * intensityScale + extraNoiseHu * random.nextGaussian() * 0.2;
        row[2] = Math.sqrt(row[2] * row[2] * intensityScale * intensityScale + extraNoiseHu * extraNoiseHu);
        row[3] = row[3] * intensityScale + extraNoiseHu * random.nextGaussian() * 0.2;
        return row;
    }

    /**
     * @param kind the kind of out-of-distribution input
     * @return one such study's feature vector
     */
    public double[] outOfDistribution(OodKind kind) {
        double[] row = inDistribution();
        switch (kind) {
            case OTHER_BODY_PART -> {
                row[1] -= 0.18;
                row[0] += 35;
                row[4] += 0.08;
                row[6] -= 120;
            }
            case PHANTOM_BOTTLE -> {
                row[0] = 2 + random.nextGaussian();
                row[1] = 0.65 + 0.02 * random.nextGaussian();
                row[2] = 1.5 + 0.2 * random.nextGaussian();
                row[3] = row[0] + 4;
                row[4] = 0.01;
                row[5] = 0.5;
                row[7] = 0;
            }
            case SCANNER_CHANGE -> scannerChange(row, 1.6, 25);
            case INVERTED_INTENSITIES -> {
                row[0] = -row[0];
                row[3] = -row[3] + 2 * 40;
                row[7] = -row[7];
            }
        }
        return row;
    }

    /**
     * @param count how many
     * @return that many in-distribution rows
     */
    public double[][] inDistribution(int count) {
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = inDistribution();
        }
        return rows;
    }
}
