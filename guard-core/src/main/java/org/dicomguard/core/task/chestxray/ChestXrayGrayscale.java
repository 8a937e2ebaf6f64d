package org.dicomguard.core.task.chestxray;

/**
 * Stored values to presentation fractions (0 dark, 1 bright) in the order of the DICOM grayscale
 * pipeline (PS3.3 C.11, PS3.4 N.2): mask to BitsStored and sign-extend, Modality LUT (rescale),
 * VOI (the image's first window, else its VOI LUT, else its own modality range), then
 * MONOCHROME1 inversion, which PS3.3 C.7.6.3.1.2 defines on the VOI output.
 *
 * <p>Design note: one 65536-entry table per image, indexed by {@code storedValue & 0xFFFF}, so the
 * cost per pixel is one lookup whatever the VOI function. Stateless and thread-safe.
 */
public final class ChestXrayGrayscale {

    /** Entries of the table: one per 16-bit stored value. */
    public static final int TABLE_SIZE = 65536;

    private ChestXrayGrayscale() {
    }

    /**
     * @param input the image, not modified
     * @return a new table mapping {@code stored & 0xFFFF} to a presentation fraction in [0, 1]
     */
    public static float[] table(ChestXrayImageInput input) {
        int bits = input.bitsStored();
        int mask = bits == 32 ? -1 : (1 << bits) - 1;
        boolean signed = input.pixelRepresentation() == 1;
        double low;
        double high;
        if (input.voi() instanceof ChestXrayVoi.None) {
            // No VOI: the image's own modality range, as a viewer shows it.
            int minStored = Integer.MAX_VALUE;
            int maxStored = Integer.MIN_VALUE;
            for (short s : input.storedValues()) {
                int v = value(s & 0xFFFF, bits, mask, signed);
                minStored = Math.min(minStored, v);
                maxStored = Math.max(maxStored, v);
            }
            double a = modality(input, minStored);
            double b = modality(input, maxStored);
            low = Math.min(a, b);
            high = Math.max(a, b);
        } else {
            low = 0;
            high = 0;
        }
        boolean invert = "MONOCHROME1".equals(input.photometricInterpretation());
        float[] table = new float[TABLE_SIZE];
        for (int raw = 0; raw < TABLE_SIZE; raw++) {
            double x = modality(input, value(raw, bits, mask, signed));
            double p;
            if (input.voi() instanceof ChestXrayVoi.None) {
                p = high > low ? (x - low) / (high - low) : 0;
            } else {
                p = input.voi().apply(x);
            }
            p = Math.max(0, Math.min(1, p));
            table[raw] = (float) (invert ? 1 - p : p);
        }
        return table;
    }

    private static int value(int raw, int bits, int mask, boolean signed) {
        return signed ? (raw << (32 - bits)) >> (32 - bits) : raw & mask;
    }

    private static double modality(ChestXrayImageInput input, int value) {
        return input.rescaleSlope() * value + input.rescaleIntercept();
    }
}
