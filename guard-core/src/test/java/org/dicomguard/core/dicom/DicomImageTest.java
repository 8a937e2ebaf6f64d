package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DicomImageTest {
    private static DicomImage image(int bitsAllocated, int bitsStored, int representation, int frames,
                                    PixelSamples samples, double slope, double intercept) {
        PixelModule m = new PixelModule(1, samples.length() / frames, frames, 1, bitsAllocated, bitsStored,
                representation, "MONOCHROME2", 0);
        return new DicomImage(m, samples, new double[] {slope, intercept});
    }

    @Test
    void copyFrameTo_signed12In16_masksHighBitsAndSignExtends() {
        // 0xF800 has overlay garbage above bit 11 in the first value; 0x0FFF is -1 in 12-bit two's complement.
        short[] v = {(short) 0x7005, (short) 0x0FFF, 0x0800, 0x07FF};
        DicomImage image = image(16, 12, 1, 1, new PixelSamples.Shorts(v), 1, 0);
        float[] out = new float[4];
        image.copyFrameTo(0, out, false);
        assertArrayEquals(new float[] {5, -1, -2048, 2047}, out);
    }

    @Test
    void copyFrameTo_unsigned16WithRescale_appliesSlopeAndIntercept() {
        DicomImage image = image(16, 16, 0, 2, new PixelSamples.Shorts(new short[] {1, 2, (short) 65535, 0}), 2, -1024);
        float[] out = new float[3];
        Arrays.fill(out, 99f);
        image.copyFrameTo(1, out, true);
        assertArrayEquals(new float[] {2 * 65535 - 1024, -1024, 99f}, out, "writes rows*columns values only");
        image.copyFrameTo(1, out, false);
        assertEquals(65535f, out[0]);
    }

    @Test
    void copyFrameTo_unsigned32_keepsFullRange() {
        DicomImage image = image(32, 32, 0, 1, new PixelSamples.Ints(new int[] {-1, 7}), 1, 0);
        float[] out = new float[2];
        image.copyFrameTo(0, out, false);
        assertArrayEquals(new float[] {4294967295f, 7f}, out);
        assertEquals(4294967295L, image.summary().pixelMax());
    }

    @Test
    void copyFrameTo_shortTargetOrBadFrame_isRejected() {
        DicomImage image = image(8, 8, 0, 1, new PixelSamples.Bytes(new byte[] {1, 2, 3}), 1, 0);
        assertThrows(IllegalArgumentException.class, () -> image.copyFrameTo(0, new float[2], false));
        assertThrows(IndexOutOfBoundsException.class, () -> image.copyFrameTo(1, new float[3], false));
    }

    @Test
    void summary_signed8Bit_readsNegativeValues() {
        DicomImage image = image(8, 8, 1, 1, new PixelSamples.Bytes(new byte[] {-128, 0, 127, -1}), 1, 0);
        PixelSummary s = image.summary();
        assertEquals(-128, s.pixelMin());
        assertEquals(127, s.pixelMax());
        assertEquals(-0.5, s.pixelMean());
    }
}
