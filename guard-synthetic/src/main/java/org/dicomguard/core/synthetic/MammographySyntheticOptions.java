package org.dicomguard.core.synthetic;

/**
 * Options of the synthetic mammography generator.
 *
 * @param imageSize                      realistic detector geometry or a reduced one for tests
 * @param massPrevalenceFraction         chance that a study carries a mass, in [0, 1]; default 0.5
 * @param calcificationPrevalenceFraction chance that a study carries a calcification cluster, in [0, 1]; default 0.5
 * @param monochrome1Fraction            chance that a study is stored MONOCHROME1, in [0, 1]; default 0.25
 * @param sideMarkerEnabled              whether a burned-in "L"/"R" marker is drawn in the air; default true
 * @param noiseSigmaFraction             quantum-noise standard deviation as a fraction of the stored range, in [0, 0.1]; default 0.012
 */
public record MammographySyntheticOptions(
        MammographySyntheticSize imageSize,
        double massPrevalenceFraction,
        double calcificationPrevalenceFraction,
        double monochrome1Fraction,
        boolean sideMarkerEnabled,
        double noiseSigmaFraction) {

    /** Validates every fraction. */
    public MammographySyntheticOptions {
        if (imageSize == null) {
            throw new IllegalArgumentException("imageSize must not be null");
        }
        checkFraction("massPrevalenceFraction", massPrevalenceFraction, 1, "1");
        checkFraction("calcificationPrevalenceFraction", calcificationPrevalenceFraction, 1, "1");
        checkFraction("monochrome1Fraction", monochrome1Fraction, 1, "1");
        checkFraction("noiseSigmaFraction", noiseSigmaFraction, 0.1, "0.1");
    }

    private static void checkFraction(String name, double value, double max, String maxText) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [0, " + maxText + "], got " + value);
        }
    }

    /** @return realistic defaults: full-size detectors, 50 % prevalence for each pathology */
    public static MammographySyntheticOptions defaults() {
        return new MammographySyntheticOptions(MammographySyntheticSize.REALISTIC, 0.5, 0.5, 0.25, true, 0.012);
    }

    /** @param value new image size @return a copy with it */
    public MammographySyntheticOptions withImageSize(MammographySyntheticSize value) {
        return new MammographySyntheticOptions(value, massPrevalenceFraction, calcificationPrevalenceFraction,
                monochrome1Fraction, sideMarkerEnabled, noiseSigmaFraction);
    }

    /** @param value new mass prevalence in [0, 1] @return a copy with it */
    public MammographySyntheticOptions withMassPrevalenceFraction(double value) {
        return new MammographySyntheticOptions(imageSize, value, calcificationPrevalenceFraction,
                monochrome1Fraction, sideMarkerEnabled, noiseSigmaFraction);
    }

    /** @param value new calcification prevalence in [0, 1] @return a copy with it */
    public MammographySyntheticOptions withCalcificationPrevalenceFraction(double value) {
        return new MammographySyntheticOptions(imageSize, massPrevalenceFraction, value,
                monochrome1Fraction, sideMarkerEnabled, noiseSigmaFraction);
    }

    /** @param value new MONOCHROME1 share in [0, 1] @return a copy with it */
    public MammographySyntheticOptions withMonochrome1Fraction(double value) {
        return new MammographySyntheticOptions(imageSize, massPrevalenceFraction, calcificationPrevalenceFraction,
                value, sideMarkerEnabled, noiseSigmaFraction);
    }

    /** @param value whether to draw the side marker @return a copy with it */
    public MammographySyntheticOptions withSideMarkerEnabled(boolean value) {
        return new MammographySyntheticOptions(imageSize, massPrevalenceFraction, calcificationPrevalenceFraction,
                monochrome1Fraction, value, noiseSigmaFraction);
    }

    /** @param value new noise sigma fraction in [0, 0.1] @return a copy with it */
    public MammographySyntheticOptions withNoiseSigmaFraction(double value) {
        return new MammographySyntheticOptions(imageSize, massPrevalenceFraction, calcificationPrevalenceFraction,
                monochrome1Fraction, sideMarkerEnabled, value);
    }
}
