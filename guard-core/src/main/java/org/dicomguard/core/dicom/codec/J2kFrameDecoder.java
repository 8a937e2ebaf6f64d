package org.dicomguard.core.dicom.codec;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReader;
import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import org.dicomguard.core.dicom.DicomException;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
 * <p>Time bound: some damaged packet headers make jj2000 loop forever (it reads its packed
 * header buffer past the end as endless one-bits; found by DicomReaderFuzzTest, fixture
 * regression/j2k-endless-packet-header.dcm). Each decode therefore runs on its own daemon
 * thread with a deadline ({@link #deadlineMillis}): {@link #BASE_TIMEOUT_MILLIS} plus the
 * smaller of {@link #TIMEOUT_NANOS_PER_PIXEL} per declared pixel and
 * {@link #TIMEOUT_NANOS_PER_ENCODED_BYTE} per codestream byte. The second term bounds the deadline
 * by the work the codestream can hold, so a 30 KB file that declares 10000 x 10000 pixels cannot
 * buy itself minutes (it once ran 145 s). Past the deadline the result is CORRUPT_PIXEL_DATA and
 * the runaway thread is stopped ({@code Thread.stop}, still effective on Java 17; on runtimes
 * where it is refused the thread is left to the JVM as a daemon). The bound is generous: a
 * healthy 3328x2560 frame decodes in a few seconds.
 *
 * <p>Stateless and thread-safe: a reader per frame.
 */
final class J2kFrameDecoder implements FrameDecoder {
    private static final J2KImageReaderSpi SPI = new J2KImageReaderSpi();
    private static final String CODEC = "JPEG 2000";
    private static final Set<String> TRANSFORMED_COLOR = Set.of("YBR_RCT", "YBR_ICT");
    /** Fixed part of the decode deadline, in milliseconds. */
    static final long BASE_TIMEOUT_MILLIS = 10_000;
    /** Per-pixel part of the decode deadline, in nanoseconds (8.5 Mpixel mammogram: +17 s). */
    static final long TIMEOUT_NANOS_PER_PIXEL = 2_000;
    /**
     * Per-codestream-byte cap on the variable part of the deadline, in nanoseconds (a 30 KB
     * codestream: at most +3 s; an 8 MB lossless mammogram: +800 s, so the per-pixel term rules).
     */
    static final long TIMEOUT_NANOS_PER_ENCODED_BYTE = 100_000;

    /**
     * @param encodedBytes length of the frame's codestream
     * @param pixels       declared rows x columns
     * @return the decode deadline in milliseconds, bounded by what the codestream can hold
     */
    static long deadlineMillis(long encodedBytes, long pixels) {
        // No overflow: rows and columns are 16-bit, a frame is under 2 GiB.
        long variableNanos = Math.min(pixels * TIMEOUT_NANOS_PER_PIXEL, encodedBytes * TIMEOUT_NANOS_PER_ENCODED_BYTE);
        return BASE_TIMEOUT_MILLIS + variableNanos / 1_000_000;
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        ImageIoFrames.requireByteOrShortSamples(CODEC, descriptor);
        requireEndOfCodestream(encodedFrame);
        long pixels = (long) descriptor.rows() * descriptor.columns();
        long timeoutMillis = deadlineMillis(encodedFrame.length, pixels);
        FutureTask<byte[]> task = new FutureTask<>(() -> RasterSamples.toNativeLayout(ImageIoFrames.decodeRaster(
                CODEC, () -> new J2KImageReader(SPI), encodedFrame, descriptor, ImageIoFrames.ReadMode.RAW_RASTER),
                descriptor));
        Thread worker = new Thread(task, "dicomguard-j2k-decode");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stop(worker);
            throw ImageIoFrames.corrupt(CODEC + " decoding did not finish within " + timeoutMillis
                    + " ms (damaged codestream)", null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DicomException d) {
                throw d;
            }
            throw ImageIoFrames.corrupt(CODEC + " decoding failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw ImageIoFrames.corrupt(CODEC + " decoding was interrupted", e);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException refused) {
            // Java 20+: the daemon thread cannot be stopped; the caller still gets its answer in time.
            worker.interrupt();
        }
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
