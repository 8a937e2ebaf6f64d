package org.dicomguard.core.dicom;

import org.dicomguard.core.dicom.codec.ImageDescriptor;

/**
 * The image pixel module attributes, read strictly and validated before any pixel is allocated.
 *
 * @param rows                      Rows, 1..65535
 * @param columns                   Columns, 1..65535
 * @param frames                    NumberOfFrames (1 when absent), &gt;= 1
 * @param samplesPerPixel           1 or 3
 * @param bitsAllocated             1, 8, 16 or 32
 * @param bitsStored                1..bitsAllocated
 * @param pixelRepresentation       0 unsigned, 1 two's complement
 * @param photometricInterpretation as in the header
 * @param planarConfiguration       0 interleaved, 1 planar
 */
record PixelModule(int rows, int columns, int frames, int samplesPerPixel, int bitsAllocated, int bitsStored,
                   int pixelRepresentation, String photometricInterpretation, int planarConfiguration) {

    static PixelModule of(Attributes a, DicomReadLimits limits) throws DicomException {
        final DicomErrorCode bad = DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT;
        int rows = a.requireInt(Tag.Rows, bad);
        int columns = a.requireInt(Tag.Columns, bad);
        int bitsAllocated = a.requireInt(Tag.BitsAllocated, bad);
        int samples = a.contains(Tag.SamplesPerPixel) ? a.requireInt(Tag.SamplesPerPixel, bad) : 1;
        int bitsStored = a.contains(Tag.BitsStored) ? a.requireInt(Tag.BitsStored, bad) : bitsAllocated;
        int representation = a.contains(Tag.PixelRepresentation) ? a.requireInt(Tag.PixelRepresentation, bad) : 0;
        int planar = samples > 1 && a.contains(Tag.PlanarConfiguration)
                ? a.requireInt(Tag.PlanarConfiguration, bad) : 0;
        int frames = a.getString(Tag.NumberOfFrames).isPresent() ? a.requireInt(Tag.NumberOfFrames, bad) : 1;
        String photometric = a.getString(Tag.PhotometricInterpretation).orElse(samples == 1 ? "MONOCHROME2" : "RGB");

        check(rows >= 1 && rows <= 65535, Tag.Rows, rows);
        check(columns >= 1 && columns <= 65535, Tag.Columns, columns);
        check(frames >= 1, Tag.NumberOfFrames, frames);
        check(samples == 1 || samples == 3, Tag.SamplesPerPixel, samples);
        check(bitsAllocated == 1 || bitsAllocated == 8 || bitsAllocated == 16 || bitsAllocated == 32,
                Tag.BitsAllocated, bitsAllocated);
        check(bitsStored >= 1 && bitsStored <= bitsAllocated, Tag.BitsStored, bitsStored);
        check(representation == 0 || representation == 1, Tag.PixelRepresentation, representation);
        check(planar == 0 || planar == 1, Tag.PlanarConfiguration, planar);
        check(bitsAllocated != 1 || samples == 1, Tag.SamplesPerPixel, samples);

        // Before any allocation: rows x columns x frames x samples against the limit (in double: no overflow).
        double sampleCount = (double) rows * columns * frames * samples;
        if (sampleCount > limits.maxPixelCount()) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "image of " + rows + "x" + columns + "x"
                    + frames + " frames x " + samples + " samples exceeds maxPixelCount=" + limits.maxPixelCount());
        }
        return new PixelModule(rows, columns, frames, samples, bitsAllocated, bitsStored, representation,
                photometric, planar);
    }

    private static void check(boolean ok, int tag, int value) throws DicomException {
        if (!ok) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT,
                    Tag.describe(tag) + " value " + value + " is not supported");
        }
    }

    /** @return samples in one decoded frame */
    int samplesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    /** @return total decoded samples, all frames (fits an int: checked against maxPixelCount) */
    int totalSamples() {
        return samplesPerFrame() * frames;
    }

    /** @return bytes per decoded sample: ceil(bitsAllocated / 8) */
    int bytesPerSample() {
        return (bitsAllocated + 7) / 8;
    }

    /** @return true for native YBR_FULL_422: two luminance samples share one Cb and one Cr */
    boolean isYbrFull422() {
        return samplesPerPixel == 3 && "YBR_FULL_422".equals(photometricInterpretation);
    }

    ImageDescriptor descriptor() {
        return new ImageDescriptor(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, pixelRepresentation,
                photometricInterpretation, planarConfiguration);
    }
}
