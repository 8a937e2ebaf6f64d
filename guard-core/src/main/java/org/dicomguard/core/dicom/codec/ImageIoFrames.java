package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Shared plumbing of the ImageIO-based decoders: runs one reader on one frame and converts its
 * raster to the {@link FrameDecoder} layout.
 *
 * <p>Design note: every failure inside a plugin (IIOException, the RuntimeExceptions and plain
 * {@link Error}s some decoders throw on malformed streams) becomes CORRUPT_PIXEL_DATA with the
 * cause chained; only {@link VirtualMachineError}s pass through. The codestream's own dimensions
 * are compared with the header before any pixel is decoded, so a stream declaring a huge image
 * cannot make the plugin allocate it. A reader warning that reports damaged image data (see
 * {@link #isDataDamage}) also fails the frame: the reader has filled the damaged part with
 * made-up samples, and a guardrail must not infer on them. A fresh reader is created per frame (readers are not
 * thread-safe) and always disposed. Input is TwelveMonkeys' ByteArrayImageInputStream: no
 * temporary files, and free seeking (a memory-cached stream made TwelveMonkeys fail on
 * pydicom's SC_rgb_jpeg.dcm with "pos &lt; flushedPosition").
 */
final class ImageIoFrames {
    private ImageIoFrames() {
    }

    /** How the decoded image is read from the reader. */
    enum ReadMode {
        /** {@code readRaster}: the stream's samples as coded, no color conversion. */
        RAW_RASTER,
        /** {@code read}: the reader's color conversion applies (YCbCr to RGB for JPEG). */
        CONVERTED_IMAGE
    }

    /**
     * @param codecName    name used in error messages, e.g. "JPEG Lossless"
     * @param readerFactory creates a fresh reader; called once
     * @param encodedFrame the codestream, not modified
     * @param descriptor   the header's image attributes
     * @param mode         how to read the image
     * @return the decoded raster, already checked against rows, columns and samplesPerPixel
     * @throws DicomException CORRUPT_PIXEL_DATA on any codec failure or mismatch
     */
    static Raster decodeRaster(String codecName, Supplier<ImageReader> readerFactory, byte[] encodedFrame,
                               ImageDescriptor descriptor, ReadMode mode) throws DicomException {
        ImageReader reader = null;
        try (ByteArrayImageInputStream input = new ByteArrayImageInputStream(encodedFrame)) {
            reader = readerFactory.get();
            List<String> warnings = new ArrayList<>();
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            reader.setInput(input, false, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width != descriptor.columns() || height != descriptor.rows()) {
                throw corrupt(codecName + " codestream is " + width + "x" + height + " (columns x rows), header says "
                        + descriptor.columns() + "x" + descriptor.rows(), null);
            }
            checkImageType(codecName, reader, descriptor);
            Raster raster = mode == ReadMode.RAW_RASTER ? reader.readRaster(0, null) : reader.read(0).getRaster();
            for (String warning : warnings) {
                if (isDataDamage(warning)) {
                    throw corrupt(codecName + " stream is damaged: " + warning, null);
                }
            }
            checkShape(codecName, raster, descriptor);
            return raster;
        } catch (IOException | RuntimeException e) {
            throw corrupt(codecName + " decoding failed: " + e, e);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Error e) {
            // jj2000 and other plugin code signal malformed streams with plain Errors.
            throw corrupt(codecName + " decoding failed: " + e, e);
        } finally {
            if (reader != null) {
                reader.dispose();
            }
        }
    }

    /**
     * libjpeg reports truncated or damaged entropy-coded data only as a warning ("Premature end of
     * JPEG file", "Corrupt JPEG data: bad Huffman code", "... premature end of data segment") and
     * fills the gap with made-up samples. Warnings about metadata (a bogus APP14 segment) and
     * about stray bytes between segments leave the samples intact and are ignored.
     */
    static boolean isDataDamage(String warning) {
        String text = warning == null ? "" : warning;
        return text.startsWith("Premature end") || text.contains("Missing EOI")
                || text.startsWith("Corrupt JPEG data") && !text.contains("extraneous bytes");
    }

    /**
     * Compares the header-declared sample count and depth with the codestream's, still without
     * decoding pixels: a stream with more components (each a full image to allocate) or deeper
     * samples than the header describes is not this image.
     */
    private static void checkImageType(String codecName, ImageReader reader, ImageDescriptor descriptor)
            throws IOException, DicomException {
        Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
        if (types == null || !types.hasNext()) {
            return;
        }
        SampleModel model = types.next().getSampleModel();
        checkSampleModel(codecName, model, descriptor);
    }

    private static void checkSampleModel(String codecName, SampleModel model, ImageDescriptor descriptor)
            throws DicomException {
        if (model.getNumBands() != descriptor.samplesPerPixel()) {
            throw corrupt(codecName + " codestream has " + model.getNumBands() + " components, header says "
                    + descriptor.samplesPerPixel() + " samples per pixel", null);
        }
        if (model.getSampleSize(0) > descriptor.bitsAllocated()) {
            throw corrupt(codecName + " codestream has " + model.getSampleSize(0) + "-bit samples, header says "
                    + "bitsAllocated " + descriptor.bitsAllocated(), null);
        }
    }

    private static void checkShape(String codecName, Raster raster, ImageDescriptor descriptor)
            throws DicomException {
        if (raster.getWidth() != descriptor.columns() || raster.getHeight() != descriptor.rows()) {
            throw corrupt(codecName + " decoded " + raster.getWidth() + "x" + raster.getHeight()
                    + " pixels, header says " + descriptor.columns() + "x" + descriptor.rows(), null);
        }
        // Some readers announce an image type that differs from the raster they return.
        checkSampleModel(codecName, raster.getSampleModel(), descriptor);
    }

    /**
     * @throws DicomException UNSUPPORTED_PIXEL_FORMAT unless bitsAllocated is 8 or 16
     */
    static void requireByteOrShortSamples(String codecName, ImageDescriptor descriptor) throws DicomException {
        int bitsAllocated = descriptor.bitsAllocated();
        if (bitsAllocated != 8 && bitsAllocated != 16) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT,
                    codecName + " supports bitsAllocated 8 or 16, got " + bitsAllocated);
        }
    }

    static DicomException corrupt(String message, Throwable cause) {
        return new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, message, cause);
    }
}
