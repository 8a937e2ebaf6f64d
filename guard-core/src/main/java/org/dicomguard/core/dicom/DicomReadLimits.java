package org.dicomguard.core.dicom;

/**
 * Limits that make reading untrusted files safe: every declared size is checked against them
 * before anything is allocated. Immutable and thread-safe.
 *
 * @param maxFileSizeBytes    largest file (and largest inflated Deflated data set) accepted,
 *                            in [1 KiB, 2^31 - 64] bytes; default 1 GiB
 * @param maxValueLengthBytes largest single element value (pixel data included), in
 *                            [64, maxFileSizeBytes] bytes; default 1 GiB
 * @param maxSequenceDepth    deepest sequence nesting accepted (1 = a sequence at top level),
 *                            in [1, 256]; default 32. Bounds recursion, so no stack overflow
 * @param maxPixelCount       largest rows x columns x frames x samples per pixel decoded, in
 *                            [1, 2^31 - 64]; default 2^28 (268 million samples, 512 MiB at 16 bits)
 */
public record DicomReadLimits(
        long maxFileSizeBytes,
        long maxValueLengthBytes,
        int maxSequenceDepth,
        long maxPixelCount) {

    /** Largest Java array the reader may need (bytes or samples), a little below Integer.MAX_VALUE. */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 64L;

    /** Validates every limit; the message names the field, the value and the allowed range. */
    public DicomReadLimits {
        if (maxFileSizeBytes < 1024 || maxFileSizeBytes > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("maxFileSizeBytes must be in [1024, " + MAX_ARRAY_LENGTH
                    + "], got " + maxFileSizeBytes);
        }
        if (maxValueLengthBytes < 64 || maxValueLengthBytes > maxFileSizeBytes) {
            throw new IllegalArgumentException("maxValueLengthBytes must be in [64, maxFileSizeBytes="
                    + maxFileSizeBytes + "], got " + maxValueLengthBytes);
        }
        if (maxSequenceDepth < 1 || maxSequenceDepth > 256) {
            throw new IllegalArgumentException("maxSequenceDepth must be in [1, 256], got " + maxSequenceDepth);
        }
        if (maxPixelCount < 1 || maxPixelCount > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("maxPixelCount must be in [1, " + MAX_ARRAY_LENGTH
                    + "], got " + maxPixelCount);
        }
    }

    /** @return 1 GiB files and values, depth 32, 2^28 samples */
    public static DicomReadLimits defaults() {
        return new DicomReadLimits(1L << 30, 1L << 30, 32, 1L << 28);
    }

    /** @param bytes new maxFileSizeBytes; @return a copy with it (maxValueLengthBytes clamped to it) */
    public DicomReadLimits withMaxFileSizeBytes(long bytes) {
        return new DicomReadLimits(bytes, Math.min(maxValueLengthBytes, bytes), maxSequenceDepth, maxPixelCount);
    }

    /** @param bytes new maxValueLengthBytes; @return a copy with it */
    public DicomReadLimits withMaxValueLengthBytes(long bytes) {
        return new DicomReadLimits(maxFileSizeBytes, bytes, maxSequenceDepth, maxPixelCount);
    }

    /** @param depth new maxSequenceDepth; @return a copy with it */
    public DicomReadLimits withMaxSequenceDepth(int depth) {
        return new DicomReadLimits(maxFileSizeBytes, maxValueLengthBytes, depth, maxPixelCount);
    }

    /** @param count new maxPixelCount; @return a copy with it */
    public DicomReadLimits withMaxPixelCount(long count) {
        return new DicomReadLimits(maxFileSizeBytes, maxValueLengthBytes, maxSequenceDepth, count);
    }
}
