package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

import java.awt.image.Raster;

/**
 * JPEG Baseline (1.2.840.10008.1.2.4.50) and 8-bit JPEG Extended (1.2.840.10008.1.2.4.51),
 * decoded by TwelveMonkeys' JPEG reader (which delegates the entropy decoding to the JDK's
 * libjpeg-based reader and fixes its color-space guessing).
 *
 * <p>Color policy, like pydicom with Pillow: three-sample streams are returned as RGB.
 * A stream coded in YCbCr (JFIF, Adobe APP14 transform 1, or no marker with component ids 1-2-3;
 * DICOM YBR_FULL_422 / YBR_FULL) is converted by the reader and
 * {@link #decodedPhotometricInterpretation} answers "RGB". A stream coded without a color
 * transform (Adobe APP14 transform 0, or component ids 'R','G','B') is returned as stored, never
 * converted twice. Monochrome streams are returned as coded.
 *
 * <p>JPEG Extended with bitsStored &gt; 8 (12-bit) is refused with UNSUPPORTED_TRANSFER_SYNTAX.
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

    static void requireEightBit(String transferSyntaxUid, ImageDescriptor descriptor) throws DicomException {
        if (descriptor.bitsStored() > 8) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX,
                    "unsupported transfer syntax " + transferSyntaxUid + " with bitsStored "
                            + descriptor.bitsStored() + " (only 8-bit JPEG lossy is decoded)");
        }
        if (descriptor.bitsAllocated() != 8) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT,
                    CODEC + " needs bitsAllocated 8, got " + descriptor.bitsAllocated());
        }
    }
}
