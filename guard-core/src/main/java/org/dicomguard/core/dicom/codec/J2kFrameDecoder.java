package org.dicomguard.core.dicom.codec;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import org.dicomguard.core.dicom.DicomException;

import java.util.Set;

/**
 * JPEG 2000 (1.2.840.10008.1.2.4.90 lossless only, .91 lossless or lossy): OpenJPEG inside
 * OpenCV when the optional {@code org.openpnp:opencv} jar is on the class path and its native
 * library loads ({@link OpenCvJ2k}), else jai-imageio's J2KImageReader (pure Java jj2000).
 * Chosen by measurement (README, DICOM section): on a 3328x2560 14-bit lossless mammogram the
 * native path is several times faster and identical to opj_decompress.
 *
 * <p>Design note: the codestream's SIZ segment is read first and compared with the header
 * (dimensions, component count, precision), so neither decoder allocates an image the header did
 * not declare. The decoders apply the codestream's inverse multi-component transform, so YBR_RCT
 * and YBR_ICT images come out as RGB and {@link #decodedPhotometricInterpretation} says so. J2K
 * codestreams carry their own signedness, which may disagree with the header (pydicom's
 * J2K_pixelrep_mismatch.dcm); the header's PixelRepresentation wins, see {@link RasterSamples}.
 * A codestream without its end marker is refused as truncated. jj2000 prints the stack trace of
 * a decoding failure to System.err before the failure reaches us as CORRUPT_PIXEL_DATA.
 *
 * <p>Time box: some damaged packet headers make jj2000 loop forever (fixture
 * regression/j2k-endless-packet-header.dcm). Each decode runs under a {@link DecodeWatchdog} that
 * counts the work done, the decoding thread's CPU time, against a budget of
 * {@link #BASE_CPU_MILLIS} plus the smaller of {@link #CPU_NANOS_PER_PIXEL} per pixel and
 * {@link #CPU_NANOS_PER_ENCODED_BYTE} per codestream byte (so a 30 KB codestream cannot buy
 * minutes by declaring 10000 x 10000 pixels). Over budget the jj2000 thread is stopped; the
 * native decoder cannot be stopped and is left to finish on its daemon thread.
 *
 * <p>Stateless and thread-safe: a reader per frame.
 */
final class J2kFrameDecoder implements FrameDecoder {
    /** Who decodes JPEG 2000, for the transfer syntax table. */
    static final String DECODER_NAME = "OpenJPEG 2.5 in OpenCV (optional org.openpnp:opencv), else jai-imageio";
    private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();
    private static final String CODEC = "JPEG 2000";
    private static final Set<String> TRANSFORMED_COLOR = Set.of("YBR_RCT", "YBR_ICT");
    /** Fixed part of the CPU budget, in milliseconds. */
    static final long BASE_CPU_MILLIS = 2_000;
    /** Per-pixel part of the CPU budget, in nanoseconds (8.5 Mpixel mammogram: +17 s). */
    static final long CPU_NANOS_PER_PIXEL = 2_000;
    /**
     * Per-codestream-byte cap on the variable part of the budget, in nanoseconds (a 30 KB
     * codestream: at most +3 s; an 8 MB lossless mammogram: +800 s, so the per-pixel term rules).
     */
    static final long CPU_NANOS_PER_ENCODED_BYTE = 100_000;

    /**
     * @param encodedBytes length of the frame's codestream
     * @param pixels       rows x columns
     * @return the CPU budget of one frame's decode in nanoseconds, bounded by what the codestream can hold
     */
    static long cpuBudgetNanos(long encodedBytes, long pixels) {
        // No overflow: rows and columns are 16-bit, a frame is under 2 GiB.
        return BASE_CPU_MILLIS * 1_000_000
                + Math.min(pixels * CPU_NANOS_PER_PIXEL, encodedBytes * CPU_NANOS_PER_ENCODED_BYTE);
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        long pixels = (long) descriptor.rows() * descriptor.columns();
        return decode(encodedFrame, descriptor, cpuBudgetNanos(encodedFrame.length, pixels), true);
    }

    /**
     * {@link #decode(byte[], ImageDescriptor)} with a given CPU budget, and the native decoder
     * allowed or not (tests use a small budget and force jai-imageio).
     */
    byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor, long cpuBudgetNanos, boolean allowNative)
            throws DicomException {
        ImageIoFrames.requireByteOrShortSamples(CODEC, descriptor);
        requireEndOfCodestream(encodedFrame);
        if (J2kCodestreamHeader.isRawCodestream(encodedFrame)) {
            J2kCodestreamHeader header = J2kCodestreamHeader.read(encodedFrame, CODEC);
            requireDeclaredImage(header, descriptor);
            if (allowNative && OpenCvJ2k.available() && OpenCvJ2k.accepts(header)) {
                byte[] decoded = DecodeWatchdog.run(CODEC,
                        () -> OpenCvJ2kDecoder.decode(encodedFrame, header, descriptor), cpuBudgetNanos, false);
                if (decoded == null) {
                    // Only streams OpenJPEG decodes exactly are sent to it: its failure is damage, not a gap.
                    throw ImageIoFrames.corrupt(CODEC + " codestream could not be decoded by OpenJPEG", null);
                }
                return decoded;
            }
        }
        return DecodeWatchdog.run(CODEC, () -> RasterSamples.toNativeLayout(ImageIoFrames.decodeRaster(
                CODEC, () -> new J2KImageReader(SPI), encodedFrame, descriptor, ImageIoFrames.ReadMode.RAW_RASTER),
                descriptor), cpuBudgetNanos, true);
    }

    private static void requireDeclaredImage(J2kCodestreamHeader header, ImageDescriptor descriptor)
            throws DicomException {
        if (header.width() != descriptor.columns() || header.height() != descriptor.rows()) {
            throw ImageIoFrames.corrupt(CODEC + " codestream is " + header.width() + "x" + header.height()
                    + " (columns x rows), header says " + descriptor.columns() + "x" + descriptor.rows(), null);
        }
        if (header.components() != descriptor.samplesPerPixel()) {
            throw ImageIoFrames.corrupt(CODEC + " codestream has " + header.components() + " components, header says "
                    + descriptor.samplesPerPixel() + " samples per pixel", null);
        }
        if (header.maxPrecision() > descriptor.bitsAllocated()) {
            throw ImageIoFrames.corrupt(CODEC + " codestream has " + header.maxPrecision() + "-bit samples, header"
                    + " says bitsAllocated " + descriptor.bitsAllocated(), null);
        }
    }

    /**
     * A decoder may decode a truncated codestream silently (to a lower quality, as JPEG 2000
     * allows), so completeness is checked up front: the codestream must end with the EOC marker
     * FF D9, ignoring trailing zero bytes (fragment padding).
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
