package org.dicomguard.core.synthetic;

import java.util.SplittableRandom;

/**
 * Scanner and reconstruction profiles of realistic synthetic chest CT: three protocols that differ
 * in slice spacing (so 100 to 400 slices per series), image noise and reconstruction kernel, as
 * scanners of different vendors and sites do. A realistic pack draws one profile per study (see
 * {@link ChestCtSyntheticOptions#scannerProfilesDrawn()}); the field of view is drawn per study too,
 * so pixel spacing varies between about 0.64 and 0.78 mm.
 *
 * <p>Kernel: every image gets the generator's partial-volume blur; a soft kernel then smooths the
 * noise once more (correlated, lower noise), a sharp kernel leaves it white.
 */
public enum ChestCtScannerProfile {
    /** 2.5 mm slices over 250 to 300 mm (100 to 120 slices), soft kernel. */
    SOFT_2_5_MM(2.5, 250, 300, 30, 1),
    /** 1.25 mm slices over 240 to 290 mm (192 to 232 slices), standard kernel. */
    STANDARD_1_25_MM(1.25, 240, 290, 22, 0),
    /** 0.625 mm slices over 235 to 250 mm (376 to 400 slices), sharp kernel, noisier thin slices. */
    SHARP_0_625_MM(0.625, 235, 250, 40, 0);

    /** Smallest reconstruction diameter drawn per study, in mm. */
    static final double MIN_FIELD_OF_VIEW_MM = 330;
    /** Largest reconstruction diameter drawn per study, in mm. */
    static final double MAX_FIELD_OF_VIEW_MM = 400;

    private final double sliceSpacingMm;
    private final double minScanLengthMm;
    private final double maxScanLengthMm;
    private final double noiseSigmaHu;
    private final int extraSmoothingPasses;

    ChestCtScannerProfile(double sliceSpacingMm, double minScanLengthMm, double maxScanLengthMm,
                          double noiseSigmaHu, int extraSmoothingPasses) {
        this.sliceSpacingMm = sliceSpacingMm;
        this.minScanLengthMm = minScanLengthMm;
        this.maxScanLengthMm = maxScanLengthMm;
        this.noiseSigmaHu = noiseSigmaHu;
        this.extraSmoothingPasses = extraSmoothingPasses;
    }

    /** @return distance between slice centres in mm */
    public double sliceSpacingMm() {
        return sliceSpacingMm;
    }

    /** @return noise standard deviation added before the kernel's extra smoothing, in HU */
    public double noiseSigmaHu() {
        return noiseSigmaHu;
    }

    /** @return [1 2 1] / 4 smoothing passes applied after the noise (0 for a sharp or standard kernel) */
    public int extraSmoothingPasses() {
        return extraSmoothingPasses;
    }

    /**
     * Draws a profile and the study's geometry from its own stream (so the rest of the study's
     * random choices do not depend on it).
     *
     * @param seed    the study seed
     * @param options the pack's options (grid rows/columns and prevalence are kept; the option's noise
     *                is the {@link #STANDARD_1_25_MM} reference and scales the others)
     * @return the profile and the study's options
     */
    static Drawn draw(long seed, ChestCtSyntheticOptions options) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x2C1B3C6DL);
        ChestCtScannerProfile profile = values()[random.nextInt(values().length)];
        double scanLengthMm = profile.minScanLengthMm
                + (profile.maxScanLengthMm - profile.minScanLengthMm) * random.nextDouble();
        double fieldOfViewMm = MIN_FIELD_OF_VIEW_MM + (MAX_FIELD_OF_VIEW_MM - MIN_FIELD_OF_VIEW_MM) * random.nextDouble();
        int sliceCount = (int) Math.round(scanLengthMm / profile.sliceSpacingMm);
        double noiseSigmaHu = options.noiseSigmaHu() * profile.noiseSigmaHu / STANDARD_1_25_MM.noiseSigmaHu;
        ChestCtSyntheticOptions study = new ChestCtSyntheticOptions(options.rows(), options.columns(), sliceCount,
                fieldOfViewMm, sliceCount * profile.sliceSpacingMm, options.pathologyPrevalenceFraction(),
                Math.min(200, noiseSigmaHu), false);
        return new Drawn(profile, study);
    }

    /** A drawn profile with the study options it implies. */
    record Drawn(ChestCtScannerProfile profile, ChestCtSyntheticOptions options) {
    }
}
