package org.dicomguard.core.dicom;

import java.util.List;

/**
 * One parsed element. The value is a slice of a shared buffer (the file bytes, or a small
 * array made by {@link AttributesBuilder}); nothing is copied at parse time, which keeps the
 * peak memory of a large image at the file bytes plus the decoded pixels.
 *
 * <p>Exactly one of three shapes: a plain value ({@code items} empty, no fragments), a sequence
 * ({@code vr == SQ}, {@code items}), or encapsulated pixel data ({@code fragmentOffsets} non-empty:
 * fragment 0 is the basic offset table, possibly empty).
 */
final class DicomElement {
    private static final int[] NO_FRAGMENTS = new int[0];

    final int tag;
    final VR vr;
    final byte[] buffer;
    final int valueOffset;
    final int valueLength;
    final boolean bigEndian;
    /** Offset of the element header in the (possibly inflated) data stream, for messages. */
    final long streamOffset;
    final List<Attributes> items;
    final int[] fragmentOffsets;
    final int[] fragmentLengths;

    private DicomElement(int tag, VR vr, byte[] buffer, int valueOffset, int valueLength, boolean bigEndian,
                         long streamOffset, List<Attributes> items, int[] fragmentOffsets, int[] fragmentLengths) {
        this.tag = tag;
        this.vr = vr;
        this.buffer = buffer;
        this.valueOffset = valueOffset;
        this.valueLength = valueLength;
        this.bigEndian = bigEndian;
        this.streamOffset = streamOffset;
        this.items = items;
        this.fragmentOffsets = fragmentOffsets;
        this.fragmentLengths = fragmentLengths;
    }

    static DicomElement value(int tag, VR vr, byte[] buffer, int offset, int length, boolean bigEndian,
                              long streamOffset) {
        return new DicomElement(tag, vr, buffer, offset, length, bigEndian, streamOffset, List.of(),
                NO_FRAGMENTS, NO_FRAGMENTS);
    }

    static DicomElement sequence(int tag, List<Attributes> items, long streamOffset) {
        return new DicomElement(tag, VR.SQ, new byte[0], 0, 0, false, streamOffset, List.copyOf(items),
                NO_FRAGMENTS, NO_FRAGMENTS);
    }

    static DicomElement encapsulated(int tag, VR vr, byte[] buffer, int[] fragmentOffsets, int[] fragmentLengths,
                                     long streamOffset) {
        return new DicomElement(tag, vr, buffer, 0, 0, false, streamOffset, List.of(),
                fragmentOffsets, fragmentLengths);
    }

    boolean isEncapsulated() {
        return fragmentOffsets.length > 0;
    }

    boolean isSequence() {
        return vr == VR.SQ;
    }

    int u16(int byteIndex) {
        int a = buffer[valueOffset + byteIndex] & 0xFF;
        int b = buffer[valueOffset + byteIndex + 1] & 0xFF;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    int s32(int byteIndex) {
        int p = valueOffset + byteIndex;
        int a = buffer[p] & 0xFF;
        int b = buffer[p + 1] & 0xFF;
        int c = buffer[p + 2] & 0xFF;
        int d = buffer[p + 3] & 0xFF;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    long s64(int byteIndex) {
        long hi;
        long lo;
        if (bigEndian) {
            hi = s32(byteIndex) & 0xFFFFFFFFL;
            lo = s32(byteIndex + 4) & 0xFFFFFFFFL;
        } else {
            lo = s32(byteIndex) & 0xFFFFFFFFL;
            hi = s32(byteIndex + 4) & 0xFFFFFFFFL;
        }
        return (hi << 32) | lo;
    }
}
