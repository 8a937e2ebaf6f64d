package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

import java.awt.image.Raster;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50) and JPEG Extended (1.2.840.10008.1.2.4.51).
 * Monochrome sequential streams (SOF0/SOF1, 8- or 12-bit) are decoded by our own
 * {@link JpegDctFrameDecoder}, identical to dcmtk's dcmdjpeg; everything else (colour, progressive)
 * by TwelveMonkeys' JPEG reader (which delegates the entropy decoding to the JDK's
 * libjpeg-based reader and fixes its color-space guessing), 8-bit only.
 *
 * <p>Color policy, like pydicom with Pillow: three-sample streams are returned as RGB.
 * A stream coded in YCbCr (JFIF, Adobe APP14 transform 1, or no marker with component ids 1-2-3;
 * DICOM YBR_FULL_422 / YBR_FULL) is converted by the reader and
 * {@link #decodedPhotometricInterpretation} answers "RGB". A stream coded without a color
 * transform (Adobe APP14 transform 0, or component ids 'R','G','B') is returned as stored, never
 * converted twice. Monochrome streams are returned as coded.
 *
 * <p>12-bit images other than monochrome sequential ones are refused with UNSUPPORTED_TRANSFER_SYNTAX.
 *
 * <p>Stateless and thread-safe: a reader per frame.
 */
final class JpegBaselineFrameDecoder implements FrameDecoder {
    private static final String CODEC = "JPEG Baseline";

    private final String transferSyntaxUid;

    /** @param transferSyntaxUid the UID named in refusals (.50 or .51) */
    JpegBaselineFrameDecoder(String transferSyntaxUid) {
        this.transferSyntaxUid = transferSyntaxUid;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        requireEightBit(transferSyntaxUid, descriptor);
        if (descriptor.samplesPerPixel() == 1 && JpegDctFrameDecoder.accepts(encodedFrame)) {
            return JpegDctFrameDecoder.decode(encodedFrame, descriptor);
        }
        if (descriptor.bitsStored() > 8) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX, "unsupported transfer syntax "
                    + transferSyntaxUid + " with bitsStored " + descriptor.bitsStored() + " (12-bit JPEG is decoded"
                    + " for monochrome sequential DCT only)");
        }
        ImageIoFrames.ReadMode mode = descriptor.samplesPerPixel() == 3
                ? ImageIoFrames.ReadMode.CONVERTED_IMAGE : ImageIoFrames.ReadMode.RAW_RASTER;
        Raster raster = ImageIoFrames.decodeRaster(CODEC, JpegReaders::newTwelveMonkeysReader, encodedFrame,
                descriptor, mode);
        return RasterSamples.toNativeLayout(raster, descriptor);
    }

    /** @return "RGB" for three-sample images (see the class comment), else the header value */
    @Override
    public String decodedPhotometricInterpretation(ImageDescriptor descriptor) {
        return descriptor.samplesPerPixel() == 3 ? "RGB" : descriptor.photometricInterpretation();
    }

    /**
     * Refuses, before any pixel data is read, what no JPEG lossy decoder here reads: more than 12
     * bits, more than 8 bits in colour, and bitsAllocated other than 8 (or 16 for 12-bit monochrome).
     */
    static void requireEightBit(String transferSyntaxUid, ImageDescriptor descriptor) throws DicomException {
        boolean twelveBitMonochrome = descriptor.samplesPerPixel() == 1 && descriptor.bitsStored() <= 12;
        if (descriptor.bitsStored() > 8 && !twelveBitMonochrome) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX,
                    "unsupported transfer syntax " + transferSyntaxUid + " with bitsStored "
                            + descriptor.bitsStored() + " and " + descriptor.samplesPerPixel() + " samples per pixel"
                            + " (JPEG lossy is decoded up to 8 bits, 12 for monochrome)");
        }
        if (descriptor.bitsAllocated() == 16 && descriptor.bitsStored() > 8) {
            return;
        }
        if (descriptor.bitsAllocated() != 8) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT,
                    CODEC + " needs bitsAllocated 8, got " + descriptor.bitsAllocated());
        }
    }
}
