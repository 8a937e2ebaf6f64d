package org.dicomguard.core.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a data set from a byte array. Not thread-safe; one instance per read.
 *
 * <p>Design note (untrusted input): every declared length is compared with the bytes that
 * remain, the enclosing item's bounds and {@link DicomReadLimits#maxValueLengthBytes} before it
 * is used; values are never allocated, only sliced. Every loop step consumes at least 8 bytes,
 * so undefined-length items end at a delimiter or at the end of the data; nesting is bounded by
 * {@link DicomReadLimits#maxSequenceDepth}, so recursion cannot overflow the stack.
 */
final class DicomParser {
    static final int UNDEFINED_LENGTH = 0xFFFFFFFF;

    /** Thrown (without stack trace) when a header-only read needs more bytes of the file. */
    static final class NeedMoreData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NeedMoreData() {
            super(null, null, false, false);
        }
    }

    private final byte[] buf;
    private final int end;
    private final boolean complete;
    private final DicomReadLimits limits;
    private final long streamBase;
    private int pos;
    private boolean explicitVr;
    private boolean bigEndian;

    /**
     * @param buf        the bytes
     * @param start      first byte of the data to parse
     * @param end        one past the last byte available
     * @param complete   false when more of the file exists beyond {@code end} (header-only reads)
     * @param streamBase added to buffer positions in messages (offset of buf[0] in the file)
     */
    DicomParser(byte[] buf, int start, int end, boolean complete, DicomReadLimits limits, long streamBase) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.complete = complete;
        this.limits = limits;
        this.streamBase = streamBase;
    }

    int position() {
        return pos;
    }

    void setEncoding(boolean explicit, boolean big) {
        this.explicitVr = explicit;
        this.bigEndian = big;
    }

    /** Reads the file meta group: Explicit VR Little Endian elements of group 0002, as long as they last. */
    Attributes readMetaGroup() throws DicomException {
        setEncoding(true, false);
        Attributes meta = new Attributes(null);
        while (remaining() >= 6 && u16At(pos) == Tag.FILE_META_GROUP) {
            readElement(meta, 0, false);
        }
        return meta;
    }

    /**
     * Reads elements up to {@code limit} into a new top-level data set.
     *
     * @param stopAtPixelData stop before the top-level PixelData (header-only read)
     */
    Attributes readDataSet(boolean stopAtPixelData) throws DicomException {
        Attributes attrs = new Attributes(null);
        while (true) {
            if (pos >= end) {
                if (!complete) {
                    throw new NeedMoreData();
                }
                return attrs;
            }
            if (stopAtPixelData && remaining() >= 4 && tagAt(pos) == Tag.PixelData) {
                return attrs;
            }
            if (buf[pos] == 0 && zeroPaddingToEnd()) {
                // Zero-filled storage blocks and CD exports pad after the last element: nothing more to read.
                if (!complete) {
                    throw new NeedMoreData();
                }
                return attrs;
            }
            if (!readElement(attrs, 0, false)) {
                return attrs;
            }
        }
    }

    /**
     * Reads one element into {@code target}.
     *
     * @return false when an item delimiter ended the enclosing undefined-length item
     */
    private boolean readElement(Attributes target, int depth, boolean insideUndefinedItem) throws DicomException {
        int start = pos;
        require(8, start, "element header");
        int tag = tagAt(pos);
        pos += 4;
        if (tag == Tag.ItemDelimitationItem || tag == Tag.SequenceDelimitationItem || tag == Tag.Item) {
            pos += 4;
            if (tag == Tag.ItemDelimitationItem && insideUndefinedItem) {
                return false;
            }
            if (tag == Tag.SequenceDelimitationItem && depth == 0) {
                return true; // stray delimiter at top level, seen in old files; nothing to read
            }
            throw new DicomException(DicomErrorCode.INVALID_STRUCTURE,
                    "unexpected " + Tag.describe(tag) + " at offset " + offset(start));
        }
        VR vr;
        long length;
        if (explicitVr) {
            int c1 = buf[pos] & 0xFF;
            int c2 = buf[pos + 1] & 0xFF;
            // The message leaves the bytes out: in a misaligned stream they may be text of another value.
            vr = VR.fromBytes(c1, c2).orElseThrow(() -> new DicomException(DicomErrorCode.INVALID_STRUCTURE,
                    "invalid VR in " + Tag.describe(tag) + " at offset " + offset(start)));
            if (vr.hasLongLengthField()) {
                require(12, start, "element header");
                length = u32At(pos + 4);
                pos += 8;
            } else {
                length = u16At(pos + 2);
                pos += 4;
            }
        } else {
            vr = Tag.implicitVr(tag);
            length = u32At(pos);
            pos += 4;
        }
        if (length == (UNDEFINED_LENGTH & 0xFFFFFFFFL)) {
            if (tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData) {
                target.put(readFragments(tag, vr, start));
            } else if (vr == VR.SQ || vr == VR.UN) {
                target.put(DicomElement.sequence(tag, readSequence(tag, vr == VR.UN, -1, depth, start, target),
                        offset(start)));
            } else {
                throw new DicomException(DicomErrorCode.INVALID_LENGTH, "undefined length on non-sequence "
                        + Tag.describe(tag) + " (VR " + vr + ") at offset " + offset(start));
            }
            return true;
        }
        checkValueLength(tag, length, start);
        int valueLength = (int) length;
        if (vr == VR.SQ || (!explicitVr && vr == VR.UN && looksLikeSequence(valueLength))) {
            int valueEnd = pos + valueLength;
            int saved = pos;
            try {
                target.put(DicomElement.sequence(tag, readSequence(tag, false, valueEnd, depth, start, target),
                        offset(start)));
                return true;
            } catch (DicomException notASequence) {
                if (vr == VR.SQ || notASequence.code() == DicomErrorCode.LIMIT_EXCEEDED) {
                    throw notASequence;
                }
                pos = saved; // an unknown implicit element that merely started like an item: keep raw
            }
        }
        target.put(DicomElement.value(tag, vr, buf, pos, valueLength, bigEndian, offset(start)));
        pos += valueLength;
        return true;
    }

    private boolean looksLikeSequence(int valueLength) {
        return valueLength >= 8 && tagAt(pos) == Tag.Item;
    }

    /**
     * @param sequenceEnd end of a defined-length sequence, or -1 when undefined (delimiter ends it)
     */
    private List<Attributes> readSequence(int tag, boolean implicitLittleEndianContent, int sequenceEnd, int depth,
                                          int start, Attributes parent) throws DicomException {
        if (depth + 1 > limits.maxSequenceDepth()) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "sequence nesting deeper than maxSequenceDepth="
                    + limits.maxSequenceDepth() + " at " + Tag.describe(tag) + " offset " + offset(start));
        }
        boolean savedExplicit = explicitVr;
        boolean savedBig = bigEndian;
        if (implicitLittleEndianContent) {
            // PS3.5 6.2.2: a UN element of undefined length is a sequence encoded Implicit VR Little Endian.
            explicitVr = false;
            bigEndian = false;
        }
        List<Attributes> items = new ArrayList<>();
        int bound = sequenceEnd < 0 ? end : sequenceEnd;
        while (sequenceEnd < 0 || pos < sequenceEnd) {
            int itemStart = pos;
            requireWithin(8, itemStart, bound, tag);
            int itemTag = tagAt(pos);
            long itemLength = u32At(pos + 4);
            pos += 8;
            if (itemTag == Tag.SequenceDelimitationItem && sequenceEnd < 0) {
                break;
            }
            if (itemTag != Tag.Item) {
                throw new DicomException(DicomErrorCode.INVALID_STRUCTURE, "expected Item in " + Tag.describe(tag)
                        + " at offset " + offset(itemStart) + " but found " + Tag.describe(itemTag));
            }
            Attributes item = new Attributes(parent);
            if (itemLength == (UNDEFINED_LENGTH & 0xFFFFFFFFL)) {
                while (true) {
                    requireWithin(8, pos, bound, tag);
                    if (!readElement(item, depth + 1, true)) {
                        break;
                    }
                }
            } else {
                checkValueLength(tag, itemLength, itemStart);
                int itemEnd = pos + (int) itemLength;
                if (itemEnd > bound) {
                    throw new DicomException(DicomErrorCode.INVALID_LENGTH, "item of " + Tag.describe(tag)
                            + " at offset " + offset(itemStart) + " declares " + itemLength
                            + " bytes, beyond its sequence");
                }
                while (pos < itemEnd) {
                    requireWithin(8, pos, itemEnd, tag);
                    readElement(item, depth + 1, false);
                    if (pos > itemEnd) {
                        throw new DicomException(DicomErrorCode.INVALID_LENGTH, "element in item of "
                                + Tag.describe(tag) + " at offset " + offset(itemStart) + " overruns the item");
                    }
                }
            }
            items.add(item);
        }
        explicitVr = savedExplicit;
        bigEndian = savedBig;
        return items;
    }

    private DicomElement readFragments(int tag, VR vr, int start) throws DicomException {
        List<int[]> fragments = new ArrayList<>();
        while (true) {
            int itemStart = pos;
            require(8, itemStart, "pixel data item");
            // Encapsulated items are always little endian (PS3.5 A.4).
            int itemTag = (u16le(pos) << 16) | u16le(pos + 2);
            long itemLength = u32le(pos + 4);
            pos += 8;
            if (itemTag == Tag.SequenceDelimitationItem) {
                break;
            }
            if (itemTag != Tag.Item) {
                throw new DicomException(DicomErrorCode.INVALID_STRUCTURE, "expected Item in " + Tag.describe(tag)
                        + " at offset " + offset(itemStart) + " but found " + Tag.describe(itemTag));
            }
            checkValueLength(tag, itemLength, itemStart);
            fragments.add(new int[] {pos, (int) itemLength});
            pos += (int) itemLength;
        }
        if (fragments.isEmpty()) {
            throw new DicomException(DicomErrorCode.INVALID_STRUCTURE, Tag.describe(tag) + " at offset "
                    + offset(start) + " has no basic offset table item");
        }
        int[] offsets = new int[fragments.size()];
        int[] lengths = new int[fragments.size()];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = fragments.get(i)[0];
            lengths[i] = fragments.get(i)[1];
        }
        return DicomElement.encapsulated(tag, vr, buf, offsets, lengths, offset(start));
    }

    /** @return true when every byte from the current position to the end of the data is zero */
    private boolean zeroPaddingToEnd() {
        for (int p = pos; p < end; p++) {
            if (buf[p] != 0) {
                return false;
            }
        }
        return true;
    }

    private void checkValueLength(int tag, long length, int elementStart) throws DicomException {
        if (length > end - pos) {
            if (!complete) {
                throw new NeedMoreData();
            }
            throw new DicomException(DicomErrorCode.TRUNCATED, Tag.describe(tag) + " at offset " + offset(elementStart)
                    + " declares " + length + " bytes but only " + (end - pos) + " remain");
        }
        if (length > limits.maxValueLengthBytes()) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, Tag.describe(tag) + " at offset "
                    + offset(elementStart) + " declares " + length + " bytes, above maxValueLengthBytes="
                    + limits.maxValueLengthBytes());
        }
    }

    private void require(int byteCount, int at, String what) throws DicomException {
        if (end - at < byteCount) {
            if (!complete) {
                throw new NeedMoreData();
            }
            throw new DicomException(DicomErrorCode.TRUNCATED, "data ends inside " + what + " at offset " + offset(at));
        }
    }

    private void requireWithin(int byteCount, int at, int bound, int tag) throws DicomException {
        if (bound == end) {
            // The message is built only on failure: this runs for every element of an undefined-length item.
            if (end - at < byteCount) {
                require(byteCount, at, "an item of " + Tag.describe(tag));
            }
        } else if (bound - at < byteCount) {
            throw new DicomException(DicomErrorCode.INVALID_LENGTH, "item of " + Tag.describe(tag) + " at offset "
                    + offset(at) + " overruns its enclosing length");
        }
    }

    private long offset(int bufferPosition) {
        return streamBase + bufferPosition;
    }

    private int remaining() {
        return end - pos;
    }

    private int tagAt(int p) {
        return (u16At(p) << 16) | u16At(p + 2);
    }

    private int u16At(int p) {
        return bigEndian ? ((buf[p] & 0xFF) << 8) | (buf[p + 1] & 0xFF) : u16le(p);
    }

    private long u32At(int p) {
        if (!bigEndian) {
            return u32le(p);
        }
        return ((long) (buf[p] & 0xFF) << 24) | ((buf[p + 1] & 0xFF) << 16) | ((buf[p + 2] & 0xFF) << 8)
                | (buf[p + 3] & 0xFF);
    }

    private int u16le(int p) {
        return (buf[p] & 0xFF) | ((buf[p + 1] & 0xFF) << 8);
    }

    private long u32le(int p) {
        return (buf[p] & 0xFF) | ((buf[p + 1] & 0xFF) << 8) | ((buf[p + 2] & 0xFF) << 16)
                | ((long) (buf[p + 3] & 0xFF) << 24);
    }
}
