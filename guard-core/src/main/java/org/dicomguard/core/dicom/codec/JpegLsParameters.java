package org.dicomguard.core.dicom.codec;

/**
 * The coding parameters of a JPEG-LS scan (ITU T.87 C.2.4.1): MAXVAL, thresholds and RESET, as
 * given by an LSE segment or by the defaults, and NEAR from the scan header.
 *
 * @param maxVal largest sample value, 1..65535
 * @param t1     gradient threshold 1
 * @param t2     gradient threshold 2
 * @param t3     gradient threshold 3
 * @param reset  context counter reset threshold, 3..
 * @param near   near-lossless bound, 0 for lossless
 */
record JpegLsParameters(int maxVal, int t1, int t2, int t3, int reset, int near) {
    private static final int BASIC_T1 = 3;
    private static final int BASIC_T2 = 7;
    private static final int BASIC_T3 = 21;
    /** RESET when the stream does not give one. */
    static final int DEFAULT_RESET = 64;

    /**
     * Fills in defaults (T.87 C.2.4.1.1) for every preset value that is 0.
     *
     * @param precision sample precision P of the frame header
     * @param preset    {maxVal, t1, t2, t3, reset} from an LSE segment, zeros where absent
     */
    static JpegLsParameters of(int precision, int[] preset, int near) {
        int maxVal = preset[0] != 0 ? preset[0] : (1 << precision) - 1;
        int t1;
        int t2;
        int t3;
        if (maxVal >= 128) {
            int factor = (Math.min(maxVal, 4095) + 128) / 256;
            t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
            t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
            t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
        } else {
            int factor = 256 / (maxVal + 1);
            t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
            t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
            t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
        }
        return new JpegLsParameters(maxVal, preset[1] != 0 ? preset[1] : t1, preset[2] != 0 ? preset[2] : t2,
                preset[3] != 0 ? preset[3] : t3, preset[4] != 0 ? preset[4] : DEFAULT_RESET, near);
    }

    private static int clamp(int value, int low, int maxVal) {
        return value > maxVal || value < low ? low : value;
    }

    /** @return RANGE: the number of quantized error values */
    int range() {
        return (maxVal + 2 * near) / (2 * near + 1) + 1;
    }

    /** @return qbpp: bits of a quantized error value */
    int qbpp() {
        int bits = 0;
        while ((1 << bits) < range()) {
            bits++;
        }
        return bits;
    }

    /** @return LIMIT: the longest Golomb code */
    int limit() {
        int bpp = 2;
        while ((1 << bpp) < maxVal + 1) {
            bpp++;
        }
        return 2 * (bpp + Math.max(8, bpp));
    }
}
