package org.dicomguard.core.dicom.codec;

/**
 * The image pixel module attributes a codec needs to decode one frame.
 *
 * @param rows                      Rows, &gt;= 1
 * @param columns                   Columns, &gt;= 1
 * @param samplesPerPixel           SamplesPerPixel, 1 or 3
 * @param bitsAllocated             BitsAllocated: 1, 8, 16 or 32
 * @param bitsStored                BitsStored, 1..bitsAllocated
 * @param pixelRepresentation       PixelRepresentation: 0 unsigned, 1 two's complement
 * @param photometricInterpretation PhotometricInterpretation as in the header, e.g. "MONOCHROME2", "YBR_FULL_422"
 * @param planarConfiguration       PlanarConfiguration of the encoded data: 0 interleaved, 1 planar
 */
public record ImageDescriptor(
        int rows,
        int columns,
        int samplesPerPixel,
        int bitsAllocated,
        int bitsStored,
        int pixelRepresentation,
        String photometricInterpretation,
        int planarConfiguration) {

    /**
     * Validates the attributes.
     *
     * @throws IllegalArgumentException naming the attribute, its value and the allowed range when
     *                                  one is out of range; a null photometricInterpretation
     *                                  becomes ""
     */
    public ImageDescriptor {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be >= 1, got " + rows + "x" + columns);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3) {
            throw new IllegalArgumentException("samplesPerPixel must be 1 or 3, got " + samplesPerPixel);
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new IllegalArgumentException("bitsAllocated must be 1, 8, 16 or 32, got " + bitsAllocated);
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new IllegalArgumentException("bitsStored must be in [1, " + bitsAllocated + "], got " + bitsStored);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new IllegalArgumentException("pixelRepresentation must be 0 or 1, got " + pixelRepresentation);
        }
        if (planarConfiguration != 0 && planarConfiguration != 1) {
            throw new IllegalArgumentException("planarConfiguration must be 0 or 1, got " + planarConfiguration);
        }
        photometricInterpretation = photometricInterpretation == null ? "" : photometricInterpretation;
    }

    /**
     * A single-sample (grayscale) image, planar configuration 0.
     *
     * @param rows                      Rows, &gt;= 1
     * @param columns                   Columns, &gt;= 1
     * @param bitsAllocated             BitsAllocated: 1, 8, 16 or 32
     * @param bitsStored                BitsStored, 1..bitsAllocated
     * @param pixelRepresentation       0 unsigned, 1 two's complement
     * @param photometricInterpretation MONOCHROME1 or MONOCHROME2
     * @return the descriptor
     * @throws IllegalArgumentException as the canonical constructor
     */
    public static ImageDescriptor monochrome(int rows, int columns, int bitsAllocated, int bitsStored,
                                             int pixelRepresentation, String photometricInterpretation) {
        return new ImageDescriptor(rows, columns, 1, bitsAllocated, bitsStored, pixelRepresentation,
                photometricInterpretation, 0);
    }

    /** @return bytes per sample in the decoded layout: ceil(bitsAllocated / 8) */
    public int bytesPerSample() {
        return (bitsAllocated + 7) / 8;
    }

    /** @return bytes of one decoded frame in the layout {@link FrameDecoder} produces */
    public long frameByteCount() {
        return (long) rows * columns * samplesPerPixel * bytesPerSample();
    }
}
