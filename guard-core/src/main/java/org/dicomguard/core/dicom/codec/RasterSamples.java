package org.dicomguard.core.dicom.codec;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;

/**
 * Converts a decoded raster to the {@link FrameDecoder} layout for 8- and 16-bit samples.
 *
 * <p>Design note: values are reduced to bitsStored bits and, for PixelRepresentation 1,
 * sign-extended from bit bitsStored - 1: the DICOM header decides the sign, not the codestream
 * (JPEG Lossless is always unsigned, a J2K codestream may disagree with the header). Rasters
 * backed by one byte or short array with a {@link ComponentSampleModel} (what the JPEG and J2K
 * readers return) are read straight from the array; anything else goes through
 * {@link Raster#getPixels}, which costs a virtual call per sample (about 10x slower on a
 * 3328x2560 frame).
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
        if (raster.getSampleModel() instanceof ComponentSampleModel model && raster.getDataBuffer().getNumBanks() == 1
                && isSingleBank(model) && copyDirect(raster, model, descriptor, out)) {
            return out;
        }
        copyGeneric(raster, descriptor, out);
        return out;
    }

    private static boolean isSingleBank(ComponentSampleModel model) {
        for (int bank : model.getBankIndices()) {
            if (bank != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean copyDirect(Raster raster, ComponentSampleModel model, ImageDescriptor d, byte[] out) {
        DataBuffer buffer = raster.getDataBuffer();
        byte[] bytes = buffer instanceof DataBufferByte b ? b.getData() : null;
        short[] shorts = buffer instanceof DataBufferUShort u ? u.getData()
                : buffer instanceof DataBufferShort s ? s.getData() : null;
        if (bytes == null && shorts == null) {
            return false;
        }
        int samples = d.samplesPerPixel();
        int pixelStride = model.getPixelStride();
        int scanlineStride = model.getScanlineStride();
        int[] bandOffsets = model.getBandOffsets();
        int originX = raster.getMinX() - raster.getSampleModelTranslateX();
        int originY = raster.getMinY() - raster.getSampleModelTranslateY();
        int valueMask = (1 << d.bitsStored()) - 1;
        int signBit = d.pixelRepresentation() == 1 ? 1 << (d.bitsStored() - 1) : 0;
        boolean twoBytes = d.bytesPerSample() == 2;
        int outPos = 0;
        for (int y = 0; y < d.rows(); y++) {
            int rowStart = buffer.getOffset() + (originY + y) * scanlineStride + originX * pixelStride;
            for (int x = 0; x < d.columns(); x++) {
                int pixelStart = rowStart + x * pixelStride;
                for (int band = 0; band < samples; band++) {
                    int index = pixelStart + bandOffsets[band];
                    int value = (bytes != null ? bytes[index] : shorts[index]) & valueMask;
                    if ((value & signBit) != 0) {
                        value |= ~valueMask;
                    }
                    out[outPos++] = (byte) value;
                    if (twoBytes) {
                        out[outPos++] = (byte) (value >>> 8);
                    }
                }
            }
        }
        return true;
    }

    private static void copyGeneric(Raster raster, ImageDescriptor d, byte[] out) {
        int columns = d.columns();
        int valueMask = (1 << d.bitsStored()) - 1;
        int signBit = d.pixelRepresentation() == 1 ? 1 << (d.bitsStored() - 1) : 0;
        boolean twoBytes = d.bytesPerSample() == 2;
        int[] row = new int[columns * d.samplesPerPixel()];
        int outPos = 0;
        for (int y = 0; y < d.rows(); y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, columns, 1, row);
            for (int sample : row) {
                int value = sample & valueMask;
                if ((value & signBit) != 0) {
                    value |= ~valueMask;
                }
                out[outPos++] = (byte) value;
                if (twoBytes) {
                    out[outPos++] = (byte) (value >>> 8);
                }
            }
        }
    }
}
