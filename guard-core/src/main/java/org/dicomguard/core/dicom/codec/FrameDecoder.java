package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * Decodes one frame of encapsulated pixel data.
 *
 * <p>Output layout (the same as the reader's native layout and as {@code pixelSha256} in
 * docs/DESIGN.md): stored pixel values, samples interleaved per pixel (planar configuration 0,
 * whatever the encoded stream used), each value little-endian in
 * {@link ImageDescriptor#bytesPerSample()} bytes, exactly {@link ImageDescriptor#frameByteCount()}
 * bytes long. Color data is returned in the color space the stream decodes to; the caller
 * learns it from {@link #decodedPhotometricInterpretation}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface FrameDecoder {

    /**
     * @param encodedFrame the frame's fragments concatenated, not modified
     * @param descriptor   the image attributes from the header
     * @return the decoded frame, a new array of {@code descriptor.frameByteCount()} bytes
     * @throws DicomException CORRUPT_PIXEL_DATA when the stream cannot be decoded, is truncated or
     *                        damaged, or its dimensions, component count or sample depth differ
     *                        from the descriptor; UNSUPPORTED_PIXEL_FORMAT when the descriptor
     *                        describes a layout this decoder refuses (e.g. bitsAllocated 1 or
     *                        32 for JPEG); UNSUPPORTED_TRANSFER_SYNTAX when the transfer syntax
     *                        is refused for this image (12-bit JPEG Extended)
     */
    byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException;

    /**
     * @param descriptor the image attributes from the header
     * @return the photometric interpretation of the decoded samples (e.g. "RGB" where a JPEG
     *         baseline decoder converts YBR_FULL_422 to RGB); the header value by default
     */
    default String decodedPhotometricInterpretation(ImageDescriptor descriptor) {
        return descriptor.photometricInterpretation();
    }
}
