package org.dicomguard.core.dicom;

/**
 * Decoded stored pixel values of all frames, in the smallest primitive array that holds them:
 * frames in order, samples interleaved per pixel, rows top to bottom. Values are as stored
 * (before rescale, not masked to BitsStored), read as signed or unsigned according to
 * PixelRepresentation by the consumer.
 *
 * <p>The arrays are shared, not copied: callers must not modify them.
 */
public sealed interface PixelSamples permits PixelSamples.Bytes, PixelSamples.Shorts, PixelSamples.Ints {

    /** @return number of samples (all frames) */
    int length();

    /**
     * BitsAllocated 1 (unpacked to 0/1, one byte per pixel) and 8.
     *
     * @param values the samples, shared
     */
    record Bytes(byte[] values) implements PixelSamples {
        @Override
        public int length() {
            return values.length;
        }
    }

    /**
     * BitsAllocated 16.
     *
     * @param values the samples, shared
     */
    record Shorts(short[] values) implements PixelSamples {
        @Override
        public int length() {
            return values.length;
        }
    }

    /**
     * BitsAllocated 32.
     *
     * @param values the samples, shared
     */
    record Ints(int[] values) implements PixelSamples {
        @Override
        public int length() {
            return values.length;
        }
    }
}
