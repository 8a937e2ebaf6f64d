package org.dicomguard.core.synthetic;

import org.dicomguard.core.task.chestct.CtSliceInput;

import java.util.SplittableRandom;

/**
 * A global acquisition change applied to every image of a synthetic pack after it was rendered,
 * as a recalibrated detector or a new scanner would: a gain on the detector signal and added
 * Gaussian noise. It lets the OOD gate and the drift monitor be measured on small global shifts
 * ({@code synth --detector-gain 1.02 --added-noise 0.004}).
 *
 * <p>Projection images (mammography): the detector signal is the MONOCHROME2 stored value (for
 * MONOCHROME1, max minus the stored value); it is multiplied by {@code detectorGain}, Gaussian noise of
 * {@code addedNoise} times the stored range is added, and the result is clipped to the stored range.
 * CT: the gain acts on attenuation relative to air ({@code HU' = (HU + 1000) * gain - 1000}) and the
 * noise is in HU. Immutable and thread-safe; equal seeds give equal pixels.
 *
 * @param detectorGain factor on the detector signal, in [0.5, 2]; 1 leaves pixels unchanged
 * @param addedNoise   noise standard deviation: a fraction of the stored range for projection images,
 *                     HU for CT; in [0, 0.1] resp. [0, 200] (checked by the user of the shift), 0 for none
 */
public record SyntheticAcquisitionShift(double detectorGain, double addedNoise) {

    /** Air in HU: the CT gain leaves it fixed. */
    private static final double AIR_HU = -1000;
    /** At or below this, a CT value is outside-field padding (e.g. -3024 HU) and stays as it is. */
    private static final double OUTSIDE_FIELD_OF_VIEW_HU = -2000;

    /** Validates the ranges; the message names the value. */
    public SyntheticAcquisitionShift {
        if (!(detectorGain >= 0.5 && detectorGain <= 2)) {
            throw new IllegalArgumentException("detectorGain must be in [0.5, 2], got " + detectorGain);
        }
        if (!(addedNoise >= 0 && addedNoise <= 200)) {
            throw new IllegalArgumentException("addedNoise must be in [0, 200], got " + addedNoise);
        }
    }

    /** @return the identity shift (gain 1, no noise) */
    public static SyntheticAcquisitionShift none() {
        return new SyntheticAcquisitionShift(1, 0);
    }

    /** @return true when this shift leaves pixels unchanged */
    public boolean isNone() {
        return detectorGain == 1 && addedNoise == 0;
    }

    /**
     * @param header the image's header (bits stored, photometric interpretation)
     * @param stored stored values; not modified
     * @param seed   noise seed
     * @return shifted stored values (the same array when {@link #isNone()})
     * @throws IllegalArgumentException if {@code addedNoise} exceeds 0.1 of the stored range
     */
    short[] applyToProjection(SyntheticImageHeader header, short[] stored, long seed) {
        if (isNone()) {
            return stored;
        }
        if (addedNoise > 0.1) {
            throw new IllegalArgumentException("addedNoise for projection images is a fraction of the stored range"
                    + " in [0, 0.1], got " + addedNoise);
        }
        int maxValue = (1 << header.bitsStored()) - 1;
        boolean inverted = "MONOCHROME1".equals(header.photometricInterpretation());
        SplittableRandom random = new SplittableRandom(seed);
        double sigma = addedNoise * maxValue;
        short[] out = new short[stored.length];
        for (int i = 0; i < stored.length; i++) {
            int value = stored[i] & 0xFFFF;
            double signal = inverted ? maxValue - value : value;
            double shifted = signal * detectorGain + (sigma > 0 ? sigma * gaussian(random) : 0);
            long q = Math.round(Math.max(0, Math.min(maxValue, shifted)));
            out[i] = (short) (inverted ? maxValue - q : q);
        }
        return out;
    }

    /**
     * @param slice a CT slice; not modified
     * @param seed  noise seed
     * @return the slice with shifted stored values (the same slice when {@link #isNone()})
     */
    CtSliceInput applyToCt(CtSliceInput slice, long seed) {
        if (isNone()) {
            return slice;
        }
        SplittableRandom random = new SplittableRandom(seed);
        short[] stored = slice.storedValues();
        short[] out = new short[stored.length];
        boolean signed = slice.pixelRepresentation() == 1;
        long min = signed ? Short.MIN_VALUE : 0;
        long max = signed ? Short.MAX_VALUE : 4095;
        for (int i = 0; i < stored.length; i++) {
            double raw = signed ? stored[i] : stored[i] & 0xFFFF;
            double hu = raw * slice.rescaleSlope() + slice.rescaleInterceptHu();
            if (hu <= OUTSIDE_FIELD_OF_VIEW_HU) {
                out[i] = stored[i]; // padding outside the reconstructed field of view is not a measurement
                continue;
            }
            double shifted = (hu - AIR_HU) * detectorGain + AIR_HU + (addedNoise > 0 ? addedNoise * gaussian(random) : 0);
            long q = Math.round((shifted - slice.rescaleInterceptHu()) / slice.rescaleSlope());
            out[i] = (short) Math.max(min, Math.min(max, q));
        }
        return new CtSliceInput(slice.rows(), slice.columns(), out, slice.pixelRepresentation(), slice.rescaleSlope(),
                slice.rescaleInterceptHu(), slice.imagePositionPatientMm(), slice.imageOrientationPatient(),
                slice.pixelSpacingMm(), slice.sliceThicknessMm(), slice.seriesInstanceUid(), slice.sopInstanceUid(),
                slice.instanceNumber());
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; one value per call keeps the stream simple and reproducible.
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
