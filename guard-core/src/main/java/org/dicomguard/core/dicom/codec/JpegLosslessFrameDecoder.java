package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

import java.awt.image.Raster;

/**
 * JPEG Lossless, Non-Hierarchical (process 14): 1.2.840.10008.1.2.4.57 and its first-order
 * prediction subset 1.2.840.10008.1.2.4.70, decoded by TwelveMonkeys' JPEG reader.
 *
 * <p>Design note: the reader is created directly from its SPI, never through ImageIO's service
 * lookup, so no other registered JPEG plugin can be picked up. The raster is read without color
 * conversion (lossless streams carry the samples of the header's photometric interpretation).
 * JPEG Lossless samples are unsigned; the sign comes from PixelRepresentation, see
 * {@link RasterSamples}.
 *
 * <p>Stateless and thread-safe: a reader per frame.
 */
final class JpegLosslessFrameDecoder implements FrameDecoder {
    private static final String CODEC = "JPEG Lossless";

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        ImageIoFrames.requireByteOrShortSamples(CODEC, descriptor);
        Raster raster = ImageIoFrames.decodeRaster(CODEC, JpegReaders::newTwelveMonkeysReader, encodedFrame,
                descriptor, ImageIoFrames.ReadMode.RAW_RASTER);
        return RasterSamples.toNativeLayout(raster, descriptor);
    }
}
