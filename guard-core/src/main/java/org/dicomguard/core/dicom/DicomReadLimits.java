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
 * @param maxDecodedBytesPerFile  decode budget of one file: its bytes in memory, its inflated data set
 *                            (Deflated syntax) and its decoded pixel bytes each stay below it, checked
 *                            before allocation; in [1 KiB, 2^31 - 64]; default a quarter of the heap
 *                            ({@code Runtime.maxMemory() / 4}, 64 MiB under -Xmx256m)
 * @param maxDecodedBytesPerStudy decode budget of one study run by the Pipeline: the header bytes kept for
 *                            every file plus the decoded pixel bytes of every image; at least
 *                            maxDecodedBytesPerFile; default half of the heap ({@code Runtime.maxMemory() / 2})
 */
public record DicomReadLimits(
        long maxFileSizeBytes,
        long maxValueLengthBytes,
        int maxSequenceDepth,
        long maxPixelCount,
        long maxDecodedBytesPerFile,
        long maxDecodedBytesPerStudy) {

    /** Largest Java array the reader may need (bytes or samples), a little below Integer.MAX_VALUE. */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 64L;

    /**
     * Validates every limit; the message names the field, the value and the allowed range. Prefer
     * {@link #builder()}: it names each limit where it is set.
     */
    public DicomReadLimits {
        checkRange("maxFileSizeBytes", maxFileSizeBytes, 1024, MAX_ARRAY_LENGTH);
        if (maxValueLengthBytes < 64 || maxValueLengthBytes > maxFileSizeBytes) {
            throw new IllegalArgumentException("maxValueLengthBytes must be in [64, maxFileSizeBytes="
                    + maxFileSizeBytes + "], got " + maxValueLengthBytes);
        }
        checkRange("maxSequenceDepth", maxSequenceDepth, 1, 256);
        checkRange("maxPixelCount", maxPixelCount, 1, MAX_ARRAY_LENGTH);
        checkRange("maxDecodedBytesPerFile", maxDecodedBytesPerFile, 1024, MAX_ARRAY_LENGTH);
        if (maxDecodedBytesPerStudy < maxDecodedBytesPerFile) {
            throw new IllegalArgumentException("maxDecodedBytesPerStudy must be at least maxDecodedBytesPerFile="
                    + maxDecodedBytesPerFile + ", got " + maxDecodedBytesPerStudy);
        }
    }

    /**
     * Limits with the heap-based default decode budgets.
     *
     * @param maxFileSizeBytes    see the record components
     * @param maxValueLengthBytes see the record components
     * @param maxSequenceDepth    see the record components
     * @param maxPixelCount       see the record components
     */
    public DicomReadLimits(long maxFileSizeBytes, long maxValueLengthBytes, int maxSequenceDepth, long maxPixelCount) {
        this(maxFileSizeBytes, maxValueLengthBytes, maxSequenceDepth, maxPixelCount, defaultFileBudget(),
                Math.max(defaultFileBudget(), defaultStudyBudget()));
    }

    /** Refuses a value outside [min, max] with "NAME must be in [min, max], got VALUE". */
    static void checkRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /** @return a builder starting from {@link #defaults()} */
    public static DicomReadLimitsBuilder builder() {
        return new DicomReadLimitsBuilder(defaults());
    }

    /** @return a builder starting from these limits; each limit may be replaced once */
    public DicomReadLimitsBuilder toBuilder() {
        return new DicomReadLimitsBuilder(this);
    }

    /** @return a quarter of the maximum heap, within [16 MiB, 2^31 - 64] */
    static long defaultFileBudget() {
        return Math.min(MAX_ARRAY_LENGTH, Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 4));
    }

    /** @return half of the maximum heap, at least 32 MiB */
    static long defaultStudyBudget() {
        return Math.max(32L << 20, Runtime.getRuntime().maxMemory() / 2);
    }

    /** @return 1 GiB files and values, depth 32, 2^28 samples, heap-based decode budgets */
    public static DicomReadLimits defaults() {
        return new DicomReadLimits(1L << 30, 1L << 30, 32, 1L << 28);
    }

    /** @param bytes new maxFileSizeBytes; @return a copy with it (maxValueLengthBytes clamped to it) */
    public DicomReadLimits withMaxFileSizeBytes(long bytes) {
        return toBuilder().maxValueLengthBytes(Math.max(64, Math.min(maxValueLengthBytes, bytes)))
                .maxFileSizeBytes(bytes).build();
    }

    /** @param bytes new maxValueLengthBytes; @return a copy with it */
    public DicomReadLimits withMaxValueLengthBytes(long bytes) {
        return toBuilder().maxValueLengthBytes(bytes).build();
    }

    /** @param depth new maxSequenceDepth; @return a copy with it */
    public DicomReadLimits withMaxSequenceDepth(int depth) {
        return toBuilder().maxSequenceDepth(depth).build();
    }

    /** @param count new maxPixelCount; @return a copy with it */
    public DicomReadLimits withMaxPixelCount(long count) {
        return toBuilder().maxPixelCount(count).build();
    }

    /**
     * @param perFile new maxDecodedBytesPerFile
     * @param perStudy new maxDecodedBytesPerStudy, at least perFile
     * @return a copy with them
     */
    public DicomReadLimits withDecodeBudgets(long perFile, long perStudy) {
        return toBuilder().maxDecodedBytesPerFile(perFile).maxDecodedBytesPerStudy(perStudy).build();
    }
}
