package org.dicomguard.core.dicom.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Point;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class RasterSamplesTest {

    @ParameterizedTest
    @CsvSource({"1,8,8,0", "3,8,8,0", "1,16,16,0", "1,16,12,0", "1,16,12,1", "1,16,16,1", "3,16,16,0", "1,8,8,1"})
    void toNativeLayout_interleavedAndBandedRasters_sameBytesAsReference(int samples, int bitsAllocated,
                                                                         int bitsStored, int pixelRepresentation) {
        ImageDescriptor d = new ImageDescriptor(7, 11, samples, bitsAllocated, bitsStored, pixelRepresentation,
                samples == 3 ? "RGB" : "MONOCHROME2", 0);
        int type = bitsAllocated == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
        WritableRaster interleaved = Raster.createInterleavedRaster(type, 11, 7, samples, null);
        WritableRaster banded = Raster.createBandedRaster(type, 11, 7, samples, null);
        Random random = new Random(3);
        int[] values = new int[11 * 7 * samples];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(1 << bitsAllocated);
        }
        interleaved.setPixels(0, 0, 11, 7, values);
        banded.setPixels(0, 0, 11, 7, values);

        byte[] expected = reference(values, d);

        assertArrayEquals(expected, RasterSamples.toNativeLayout(interleaved, d));
        assertArrayEquals(expected, RasterSamples.toNativeLayout(banded, d));
    }

    @Test
    void toNativeLayout_childRasterWithOffset_readsOnlyItsRegion() {
        ImageDescriptor d = new ImageDescriptor(2, 3, 1, 16, 16, 0, "MONOCHROME2", 0);
        WritableRaster parent = Raster.createInterleavedRaster(DataBuffer.TYPE_USHORT, 10, 10, 1, new Point(0, 0));
        int[] values = new int[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        parent.setPixels(0, 0, 10, 10, values);
        Raster child = parent.createChild(4, 5, 3, 2, 0, 0, null);

        byte[] decoded = RasterSamples.toNativeLayout(child, d);

        assertArrayEquals(new byte[]{54, 0, 55, 0, 56, 0, 64, 0, 65, 0, 66, 0}, decoded);
    }

    /** Straightforward per-value definition: mask to bitsStored, sign-extend, little-endian. */
    private static byte[] reference(int[] values, ImageDescriptor d) {
        byte[] out = new byte[(int) d.frameByteCount()];
        int pos = 0;
        for (int v : values) {
            long value = v & ((1L << d.bitsStored()) - 1);
            if (d.pixelRepresentation() == 1 && value >= 1L << (d.bitsStored() - 1)) {
                value -= 1L << d.bitsStored();
            }
            for (int b = 0; b < d.bytesPerSample(); b++) {
                out[pos++] = (byte) (value >> (8 * b));
            }
        }
        return out;
    }
}
