package org.dicomguard.core.synthetic;

/**
 * Detector profiles of realistic synthetic mammograms: three full-field digital detectors that differ
 * in matrix, pixel spacing, bit depth, signal gain and quantum noise, as mammography units of
 * different vendors and generations do. A realistic pack draws one profile per study, so that the OOD
 * gate and the model see the spread of a multi-vendor site rather than one detector.
 *
 * <p>The breast is drawn relative to the image (about 180 x 240 mm on the smaller formats); the gain
 * scales the rendered intensity before quantization (a detector that uses less of its stored range)
 * and the noise is a fraction of the stored range added before quantization.
 */
public enum MammographyDetectorProfile {
    /** 3328 x 2560 at 0.07 mm, 14 bits stored, full gain, moderate noise. */
    FULL_FIELD_14_BIT(3328, 2560, 0.07, 14, 1.0, 0.012),
    /** 2294 x 1914 at 0.1 mm, 12 bits stored, 90 % gain, more noise (an older, smaller detector). */
    COMPACT_12_BIT(2294, 1914, 0.1, 12, 0.9, 0.016),
    /** 4096 x 3328 at 0.07 mm (large field), 16 bits stored, 80 % gain, low noise. */
    LARGE_FIELD_16_BIT(4096, 3328, 0.07, 16, 0.8, 0.009);

    private final int rows;
    private final int columns;
    private final double pixelSpacingMm;
    private final int bitsStored;
    private final double signalGain;
    private final double noiseSigmaFraction;

    MammographyDetectorProfile(int rows, int columns, double pixelSpacingMm, int bitsStored, double signalGain,
                               double noiseSigmaFraction) {
        this.rows = rows;
        this.columns = columns;
        this.pixelSpacingMm = pixelSpacingMm;
        this.bitsStored = bitsStored;
        this.signalGain = signalGain;
        this.noiseSigmaFraction = noiseSigmaFraction;
    }

    /** @return Rows of every image of this detector */
    public int rows() {
        return rows;
    }

    /** @return Columns of every image of this detector */
    public int columns() {
        return columns;
    }

    /** @return square pixel spacing in mm */
    public double pixelSpacingMm() {
        return pixelSpacingMm;
    }

    /** @return BitsStored of the images */
    public int bitsStored() {
        return bitsStored;
    }

    /** @return factor on the rendered intensity before quantization, in (0, 1] */
    public double signalGain() {
        return signalGain;
    }

    /** @return quantum-noise standard deviation as a fraction of the stored range */
    public double noiseSigmaFraction() {
        return noiseSigmaFraction;
    }
}
