package org.dicomguard.core.dicom.codec;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import org.dicomguard.core.dicom.DicomException;

import java.awt.image.Raster;
import java.util.Set;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless only, .91 lossless or lossy), decoded by
 * jai-imageio's J2KImageReader (pure Java jj2000; slow but dependency-free).
 *
 * <p>Design note: the reader applies the codestream's inverse multi-component transform, so
 * YBR_RCT and YBR_ICT images come out as RGB and {@link #decodedPhotometricInterpretation}
 * says so. J2K codestreams carry their own signedness, which may disagree with the header
 * (pydicom's J2K_pixelrep_mismatch.dcm); the header's PixelRepresentation wins, see
 * {@link RasterSamples}. A codestream without its end marker is refused as
 * truncated. jj2000 prints the stack trace of a decoding failure to System.err before the
 * failure reaches us as CORRUPT_PIXEL_DATA; that output cannot be silenced per call.
 *
 * <p>Stateless and thread-safe: a reader per frame.
 */
final class J2kFrameDecoder implements FrameDecoder {
    private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();
    private static final String CODEC = "JPEG 2000";
    private static final Set<String> TRANSFORMED_COLOR = Set.of("YBR_RCT", "YBR_ICT");

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        ImageIoFrames.requireByteOrShortSamples(CODEC, descriptor);
        requireEndOfCodestream(encodedFrame);
        Raster raster = ImageIoFrames.decodeRaster(CODEC, () -> new J2KImageReader(SPI), encodedFrame,
                descriptor, ImageIoFrames.ReadMode.RAW_RASTER);
        return RasterSamples.toNativeLayout(raster, descriptor);
    }

    /**
     * jj2000 decodes a truncated codestream silently (to a lower quality, as JPEG 2000 allows), so
     * completeness is checked up front: the codestream must end with the EOC marker FF D9,
     * ignoring trailing zero bytes (fragment padding).
     */
    private static void requireEndOfCodestream(byte[] encodedFrame) throws DicomException {
        int end = encodedFrame.length;
        while (end > 0 && encodedFrame[end - 1] == 0) {
            end--;
        }
        if (end < 2 || encodedFrame[end - 2] != (byte) 0xFF || encodedFrame[end - 1] != (byte) 0xD9) {
            throw ImageIoFrames.corrupt(CODEC + " codestream of " + encodedFrame.length
                    + " bytes does not end with the EOC marker (truncated)", null);
        }
    }

    /** @return "RGB" for YBR_RCT / YBR_ICT headers, else the header value */
    @Override
    public String decodedPhotometricInterpretation(ImageDescriptor descriptor) {
        String header = descriptor.photometricInterpretation();
        return TRANSFORMED_COLOR.contains(header) ? "RGB" : header;
    }
}
