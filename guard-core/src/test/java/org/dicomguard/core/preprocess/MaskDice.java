package org.dicomguard.core.preprocess;

/** Dice overlap of binary masks, for tests. */
public final class MaskDice {

    private MaskDice() {
    }

    /** @return 2|A and B| / (|A| + |B|), 1 when both are empty */
    public static double dice(byte[] a, byte[] b) {
        long both = 0;
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] & b[i];
            sum += a[i] + b[i];
        }
        return sum == 0 ? 1 : 2.0 * both / sum;
    }
}
