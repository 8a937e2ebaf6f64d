package org.dicomguard.core.dicom;

import java.util.Objects;

/**
 * Decoded pixels of one DICOM file with the attributes needed to interpret them.
 *
 * <p>Samples are the stored values (before rescale) in the smallest primitive array
 * ({@link PixelSamples}), frames in order, samples interleaved per pixel. Planar color is made
 * interleaved and YBR_FULL_422 is expanded, so {@link #photometricInterpretation()} is the
 * interpretation of the decoded samples (e.g. "YBR_FULL" for native YBR_FULL_422, or what a codec
 * converted to). MONOCHROME1 is not inverted here: the values are as stored.
 *
 * <p>Immutable and thread-safe (the summary is computed once, on first use).
 */
public final class DicomImage {
    private final PixelModule module;
    private final PixelSamples samples;
    private final double rescaleSlope;
    private final double rescaleIntercept;
    private volatile PixelSummary summary;

    DicomImage(PixelModule module, PixelSamples samples, double[] rescaleSlopeIntercept) {
        this.module = Objects.requireNonNull(module);
        this.samples = Objects.requireNonNull(samples);
        this.rescaleSlope = rescaleSlopeIntercept[0];
        this.rescaleIntercept = rescaleSlopeIntercept[1];
    }

    /** @return Rows */
    public int rows() {
        return module.rows();
    }

    /** @return Columns */
    public int columns() {
        return module.columns();
    }

    /** @return NumberOfFrames (1 when absent) */
    public int frames() {
        return module.frames();
    }

    /** @return SamplesPerPixel, 1 or 3 */
    public int samplesPerPixel() {
        return module.samplesPerPixel();
    }

    /** @return BitsAllocated: 1, 8, 16 or 32 */
    public int bitsAllocated() {
        return module.bitsAllocated();
    }

    /** @return BitsStored */
    public int bitsStored() {
        return module.bitsStored();
    }

    /** @return PixelRepresentation: 0 unsigned, 1 two's complement */
    public int pixelRepresentation() {
        return module.pixelRepresentation();
    }

    /** @return photometric interpretation of the decoded samples */
    public String photometricInterpretation() {
        return module.photometricInterpretation();
    }

    /** @return RescaleSlope, 1.0 when absent */
    public double rescaleSlope() {
        return rescaleSlope;
    }

    /** @return RescaleIntercept, 0.0 when absent */
    public double rescaleIntercept() {
        return rescaleIntercept;
    }

    /** @return samples in one frame: rows x columns x samplesPerPixel */
    public int samplesPerFrame() {
        return module.samplesPerFrame();
    }

    /**
     * @return all frames' stored values, shared with this image: do not modify. Frame {@code f}
     *         starts at index {@code f * samplesPerFrame()}
     */
    public PixelSamples samples() {
        return samples;
    }

    /**
     * @param frame frame index in [0, frames())
     * @return index of the frame's first sample in {@link #samples()}
     */
    public int frameOffset(int frame) {
        Objects.checkIndex(frame, frames());
        return frame * samplesPerFrame();
    }

    /**
     * Copies one monochrome frame into a caller-supplied buffer as float, so that preprocessing
     * can reuse buffers. Values are masked to BitsStored and sign-extended when
     * PixelRepresentation is 1 (bits above BitsStored, e.g. overlays, are ignored), then
     * optionally rescaled.
     *
     * @param frame        frame index in [0, frames())
     * @param target       receives rows x columns values from index 0, row-major; modified
     * @param applyRescale true to apply value x RescaleSlope + RescaleIntercept
     * @throws IllegalStateException    when samplesPerPixel is not 1
     * @throws IllegalArgumentException when target is shorter than rows x columns
     */
    public void copyFrameTo(int frame, float[] target, boolean applyRescale) {
        Objects.checkIndex(frame, frames());
        if (samplesPerPixel() != 1) {
            throw new IllegalStateException("copyFrameTo needs samplesPerPixel 1, image has " + samplesPerPixel());
        }
        int n = samplesPerFrame();
        if (target.length < n) {
            throw new IllegalArgumentException("target.length must be >= rows*columns=" + n + ", got " + target.length);
        }
        int from = frameOffset(frame);
        int stored = Math.min(bitsStored(), 32);
        int shift = 32 - stored;
        boolean signed = pixelRepresentation() == 1;
        float slope = applyRescale ? (float) rescaleSlope : 1f;
        float intercept = applyRescale ? (float) rescaleIntercept : 0f;
        for (int i = 0; i < n; i++) {
            int raw = rawInt(from + i);
            // Keep the low BitsStored bits; arithmetic or logical shift back sign-extends or zero-fills.
            long value = signed ? (raw << shift) >> shift : (shift == 0 ? raw & 0xFFFFFFFFL : (raw << shift) >>> shift);
            target[i] = value * slope + intercept;
        }
    }

    private int rawInt(int index) {
        if (samples instanceof PixelSamples.Bytes b) {
            return b.values()[index] & 0xFF;
        } else if (samples instanceof PixelSamples.Shorts s) {
            return s.values()[index] & 0xFFFF;
        }
        return ((PixelSamples.Ints) samples).values()[index];
    }

    /** @return hash and value range of the stored samples (computed once) */
    public PixelSummary summary() {
        PixelSummary s = summary;
        if (s == null) {
            s = PixelSummary.of(samples, bitsAllocated(), pixelRepresentation() == 1);
            summary = s;
        }
        return s;
    }

    /** @return {@link PixelSummary#pixelSha256()} of this image, lower-case hex */
    public String pixelSha256() {
        return summary().pixelSha256();
    }

    /** @return geometry and format only, no values: safe to log */
    @Override
    public String toString() {
        return "DicomImage[" + rows() + "x" + columns() + "x" + frames() + ", samplesPerPixel=" + samplesPerPixel()
                + ", bitsAllocated=" + bitsAllocated() + ", " + photometricInterpretation() + "]";
    }
}
