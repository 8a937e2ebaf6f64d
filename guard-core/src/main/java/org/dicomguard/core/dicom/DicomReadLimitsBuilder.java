package org.dicomguard.core.dicom;

import java.util.HashMap;
import java.util.Map;

/**
 * Builds {@link DicomReadLimits} by named limits instead of six positional numbers. Start from
 * {@link DicomReadLimits#builder()} (the defaults) or {@link DicomReadLimits#toBuilder()}.
 *
 * <p>Each setter checks its value at once and names the limit, the value and the allowed range; a
 * limit set twice on one builder is refused ("maxSequenceDepth was already set to 32"); a limit
 * that contradicts a related limit already set is refused naming both. {@link #build()} checks
 * the relations once more against inherited values.
 *
 * <p>Not thread-safe; the built limits are.
 */
public final class DicomReadLimitsBuilder {

    private long maxFileSizeBytes;
    private long maxValueLengthBytes;
    private int maxSequenceDepth;
    private long maxPixelCount;
    private long maxDecodedBytesPerFile;
    private long maxDecodedBytesPerStudy;
    private final Map<String, Object> set = new HashMap<>();

    DicomReadLimitsBuilder(DicomReadLimits from) {
        maxFileSizeBytes = from.maxFileSizeBytes();
        maxValueLengthBytes = from.maxValueLengthBytes();
        maxSequenceDepth = from.maxSequenceDepth();
        maxPixelCount = from.maxPixelCount();
        maxDecodedBytesPerFile = from.maxDecodedBytesPerFile();
        maxDecodedBytesPerStudy = from.maxDecodedBytesPerStudy();
    }

    private void once(String limit, Object value) {
        if (set.containsKey(limit)) {
            throw new IllegalStateException(limit + " was already set to " + set.get(limit));
        }
        set.put(limit, value);
    }

    /** Refuses {@code low > high} when the other limit was set on this builder. */
    private void ordered(String low, long lowValue, String high, long highValue, String other) {
        if (set.containsKey(other) && lowValue > highValue) {
            throw new IllegalArgumentException(low + "=" + lowValue + " exceeds " + high + "=" + highValue);
        }
    }

    /**
     * @param bytes largest file accepted, in [1024, 2^31 - 64]
     * @return this builder
     * @throws IllegalArgumentException outside the range, or below a {@code maxValueLengthBytes} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public DicomReadLimitsBuilder maxFileSizeBytes(long bytes) {
        DicomReadLimits.checkRange("maxFileSizeBytes", bytes, 1024, DicomReadLimits.MAX_ARRAY_LENGTH);
        ordered("maxValueLengthBytes", maxValueLengthBytes, "maxFileSizeBytes", bytes, "maxValueLengthBytes");
        once("maxFileSizeBytes", bytes);
        maxFileSizeBytes = bytes;
        return this;
    }

    /**
     * @param bytes largest single element value, in [64, maxFileSizeBytes]
     * @return this builder
     * @throws IllegalArgumentException outside the range, or above a {@code maxFileSizeBytes} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public DicomReadLimitsBuilder maxValueLengthBytes(long bytes) {
        DicomReadLimits.checkRange("maxValueLengthBytes", bytes, 64, DicomReadLimits.MAX_ARRAY_LENGTH);
        ordered("maxValueLengthBytes", bytes, "maxFileSizeBytes", maxFileSizeBytes, "maxFileSizeBytes");
        once("maxValueLengthBytes", bytes);
        maxValueLengthBytes = bytes;
        return this;
    }

    /**
     * @param depth deepest sequence nesting, in [1, 256]
     * @return this builder
     * @throws IllegalArgumentException outside the range
     * @throws IllegalStateException    when already set on this builder
     */
    public DicomReadLimitsBuilder maxSequenceDepth(int depth) {
        DicomReadLimits.checkRange("maxSequenceDepth", depth, 1, 256);
        once("maxSequenceDepth", depth);
        maxSequenceDepth = depth;
        return this;
    }

    /**
     * @param count largest rows x columns x frames x samples decoded, in [1, 2^31 - 64]
     * @return this builder
     * @throws IllegalArgumentException outside the range
     * @throws IllegalStateException    when already set on this builder
     */
    public DicomReadLimitsBuilder maxPixelCount(long count) {
        DicomReadLimits.checkRange("maxPixelCount", count, 1, DicomReadLimits.MAX_ARRAY_LENGTH);
        once("maxPixelCount", count);
        maxPixelCount = count;
        return this;
    }

    /**
     * @param bytes decode budget of one file, in [1024, 2^31 - 64]
     * @return this builder
     * @throws IllegalArgumentException outside the range, or above a {@code maxDecodedBytesPerStudy} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public DicomReadLimitsBuilder maxDecodedBytesPerFile(long bytes) {
        DicomReadLimits.checkRange("maxDecodedBytesPerFile", bytes, 1024, DicomReadLimits.MAX_ARRAY_LENGTH);
        ordered("maxDecodedBytesPerFile", bytes, "maxDecodedBytesPerStudy", maxDecodedBytesPerStudy,
                "maxDecodedBytesPerStudy");
        once("maxDecodedBytesPerFile", bytes);
        maxDecodedBytesPerFile = bytes;
        return this;
    }

    /**
     * @param bytes decode budget of one study, at least maxDecodedBytesPerFile
     * @return this builder
     * @throws IllegalArgumentException below 1024, or below a {@code maxDecodedBytesPerFile} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public DicomReadLimitsBuilder maxDecodedBytesPerStudy(long bytes) {
        DicomReadLimits.checkRange("maxDecodedBytesPerStudy", bytes, 1024, Long.MAX_VALUE);
        ordered("maxDecodedBytesPerFile", maxDecodedBytesPerFile, "maxDecodedBytesPerStudy", bytes,
                "maxDecodedBytesPerFile");
        once("maxDecodedBytesPerStudy", bytes);
        maxDecodedBytesPerStudy = bytes;
        return this;
    }

    /**
     * @return the limits
     * @throws IllegalArgumentException when a limit contradicts one inherited from the starting limits, naming both
     */
    public DicomReadLimits build() {
        related("maxValueLengthBytes", maxValueLengthBytes, "maxFileSizeBytes", maxFileSizeBytes);
        related("maxDecodedBytesPerFile", maxDecodedBytesPerFile, "maxDecodedBytesPerStudy", maxDecodedBytesPerStudy);
        return new DicomReadLimits(maxFileSizeBytes, maxValueLengthBytes, maxSequenceDepth, maxPixelCount,
                maxDecodedBytesPerFile, maxDecodedBytesPerStudy);
    }

    private void related(String low, long lowValue, String high, long highValue) {
        if (lowValue > highValue) {
            throw new IllegalArgumentException(low + "=" + lowValue + origin(low) + " exceeds " + high + "="
                    + highValue + origin(high));
        }
    }

    private String origin(String limit) {
        return set.containsKey(limit) ? "" : " (from the starting limits)";
    }
}
