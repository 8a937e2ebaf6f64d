package org.dicomguard.core.dicom.codec;

/**
 * The Independent JPEG Group's "islow" inverse DCT (jidctint.c, libjpeg 6b, as built into dcmtk's
 * dcmdjpeg): dequantization, the Loeffler-Ligtenberg-Moschytz 8x8 integer IDCT with 13-bit
 * constants, and IJG's post-IDCT range limiting, so decoded samples equal dcmdjpeg's bit for bit.
 * 8-bit samples keep 2 extra bits between the passes, 12-bit samples 1 (PASS1_BITS).
 *
 * <p>Arithmetic is done in {@code long}, as IJG's INT32 is a 64-bit {@code long} on the Linux
 * builds it is compared with. Not thread-safe (a work array); one per decode.
 */
final class JpegIslowIdct {
    private static final int CONST_BITS = 13;
    private static final long FIX_0_298631336 = 2446;
    private static final long FIX_0_390180644 = 3196;
    private static final long FIX_0_541196100 = 4433;
    private static final long FIX_0_765366865 = 6270;
    private static final long FIX_0_899976223 = 7373;
    private static final long FIX_1_175875602 = 9633;
    private static final long FIX_1_501321110 = 12299;
    private static final long FIX_1_847759065 = 15137;
    private static final long FIX_1_961570560 = 16069;
    private static final long FIX_2_053119869 = 16819;
    private static final long FIX_2_562915447 = 20995;
    private static final long FIX_3_072711026 = 25172;

    private final int pass1Bits;
    private final int maxSample;
    private final int center;
    private final int rangeMask;
    private final int[] work = new int[64];

    /** @param precision sample precision of the frame, 8 or 12 */
    JpegIslowIdct(int precision) {
        this.pass1Bits = precision == 8 ? 2 : 1;
        this.maxSample = (1 << precision) - 1;
        this.center = 1 << (precision - 1);
        this.rangeMask = 4 * (maxSample + 1) - 1;
    }

    private static long descale(long x, int n) {
        return (x + (1L << (n - 1))) >> n;
    }

    /** IJG's idct range_limit table: the descaled value masked to RANGE_MASK, centred and clamped. */
    private int rangeLimit(long descaled) {
        int m = (int) descaled & rangeMask;
        int s = m < 2 * (maxSample + 1) - center ? m : m - 4 * (maxSample + 1);
        int v = s + center;
        return v < 0 ? 0 : Math.min(v, maxSample);
    }

    /**
     * @param coef     64 quantized coefficients in natural (row-major) order
     * @param quant    64 quantization values in natural order
     * @param out      samples of the component, row-major
     * @param outStart index of the block's top-left sample
     * @param stride   samples per output row
     * @param width    columns of the block to write (fewer at the right edge)
     * @param height   rows of the block to write (fewer at the bottom edge)
     */
    void inverse(int[] coef, int[] quant, int[] out, int outStart, int stride, int width, int height) {
        int shift1 = CONST_BITS - pass1Bits;
        for (int c = 0; c < 8; c++) {
            if (coef[8 + c] == 0 && coef[16 + c] == 0 && coef[24 + c] == 0 && coef[32 + c] == 0
                    && coef[40 + c] == 0 && coef[48 + c] == 0 && coef[56 + c] == 0) {
                int dc = (int) (((long) coef[c] * quant[c]) << pass1Bits);
                for (int r = 0; r < 8; r++) {
                    work[r * 8 + c] = dc;
                }
                continue;
            }
            long[] t = butterfly((long) coef[c] * quant[c], (long) coef[8 + c] * quant[8 + c],
                    (long) coef[16 + c] * quant[16 + c], (long) coef[24 + c] * quant[24 + c],
                    (long) coef[32 + c] * quant[32 + c], (long) coef[40 + c] * quant[40 + c],
                    (long) coef[48 + c] * quant[48 + c], (long) coef[56 + c] * quant[56 + c]);
            for (int r = 0; r < 8; r++) {
                work[r * 8 + c] = (int) descale(t[r], shift1);
            }
        }
        int shift2 = CONST_BITS + pass1Bits + 3;
        for (int r = 0; r < height; r++) {
            int w = r * 8;
            long[] t = butterfly(work[w], work[w + 1], work[w + 2], work[w + 3], work[w + 4], work[w + 5],
                    work[w + 6], work[w + 7]);
            int o = outStart + r * stride;
            for (int c = 0; c < width; c++) {
                out[o + c] = rangeLimit(descale(t[c], shift2));
            }
        }
    }

    /** One 8-point pass of jidctint.c, before descaling; returns outputs 0..7. */
    private static long[] butterfly(long in0, long in1, long in2, long in3, long in4, long in5, long in6, long in7) {
        // Even part.
        long z1 = (in2 + in6) * FIX_0_541196100;
        long tmp2 = z1 + in6 * -FIX_1_847759065;
        long tmp3 = z1 + in2 * FIX_0_765366865;
        long tmp0 = (in0 + in4) << CONST_BITS;
        long tmp1 = (in0 - in4) << CONST_BITS;
        long tmp10 = tmp0 + tmp3;
        long tmp13 = tmp0 - tmp3;
        long tmp11 = tmp1 + tmp2;
        long tmp12 = tmp1 - tmp2;
        // Odd part.
        tmp0 = in7;
        tmp1 = in5;
        tmp2 = in3;
        tmp3 = in1;
        z1 = tmp0 + tmp3;
        long z2 = tmp1 + tmp2;
        long z3 = tmp0 + tmp2;
        long z4 = tmp1 + tmp3;
        long z5 = (z3 + z4) * FIX_1_175875602;
        tmp0 *= FIX_0_298631336;
        tmp1 *= FIX_2_053119869;
        tmp2 *= FIX_3_072711026;
        tmp3 *= FIX_1_501321110;
        z1 *= -FIX_0_899976223;
        z2 *= -FIX_2_562915447;
        z3 *= -FIX_1_961570560;
        z4 *= -FIX_0_390180644;
        z3 += z5;
        z4 += z5;
        tmp0 += z1 + z3;
        tmp1 += z2 + z4;
        tmp2 += z2 + z3;
        tmp3 += z1 + z4;
        return new long[] {tmp10 + tmp3, tmp11 + tmp2, tmp12 + tmp1, tmp13 + tmp0,
            tmp13 - tmp0, tmp12 - tmp1, tmp11 - tmp2, tmp10 - tmp3};
    }
}
