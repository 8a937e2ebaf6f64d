package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

/**
 * Reads the marker segments of a JPEG-family codestream (ITU T.81 B.1, shared by T.87):
 * markers, their 16-bit lengths and payload bounds, all checked against the input length.
 * Not thread-safe; one per decode.
 */
final class JpegSegments {
    /** Start of image. */
    static final int SOI = 0xD8;
    /** End of image. */
    static final int EOI = 0xD9;
    /** Start of scan. */
    static final int SOS = 0xDA;
    /** Define restart interval. */
    static final int DRI = 0xDD;
    /** Define Huffman tables. */
    static final int DHT = 0xC4;

    private final byte[] data;
    private int pos;

    JpegSegments(byte[] data) {
        this.data = data;
    }

    int position() {
        return pos;
    }

    void seek(int position) {
        pos = position;
    }

    /**
     * Finds the next marker: skips bytes up to a 0xFF, then fill bytes (0xFF 0xFF ...), and
     * returns the marker code after them. Stray bytes between segments are skipped, as libjpeg does.
     *
     * @return the marker code (0x01..0xFE)
     * @throws DicomException CORRUPT_PIXEL_DATA when the data ends first
     */
    int nextMarker() throws DicomException {
        while (pos < data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                pos++;
                continue;
            }
            while (pos < data.length && (data[pos] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos >= data.length) {
                break;
            }
            int code = data[pos++] & 0xFF;
            if (code != 0) {
                return code;
            }
        }
        throw corrupt("codestream ends without an end-of-image marker");
    }

    /**
     * Reads a segment's length field and checks that its payload is inside the data.
     *
     * @return the payload length (the length field minus its own two bytes); the position is at the payload
     */
    int segmentPayloadLength() throws DicomException {
        if (data.length - pos < 2) {
            throw corrupt("codestream ends inside a segment length");
        }
        int length = u16(pos);
        if (length < 2 || length > data.length - pos) {
            throw corrupt("segment length " + length + " at byte " + pos + " runs past the codestream");
        }
        pos += 2;
        return length - 2;
    }

    int u8() {
        return data[pos++] & 0xFF;
    }

    int u16() {
        int v = u16(pos);
        pos += 2;
        return v;
    }

    private int u16(int at) {
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    /**
     * Reads a DHT segment's tables into {@code tables} (index class * 4 + id).
     *
     * @param payloadLength the segment's payload length
     * @param maxValue      the largest Huffman value allowed (16 for lossless differences)
     */
    void readHuffmanTables(int payloadLength, JpegHuffmanTable[] tables, int maxValue) throws DicomException {
        int end = pos + payloadLength;
        while (pos < end) {
            if (end - pos < 17) {
                throw corrupt("DHT segment too short");
            }
            int classAndId = u8();
            int tableClass = classAndId >> 4;
            int id = classAndId & 0x0F;
            if (tableClass > 1 || id > 3) {
                throw corrupt("DHT table class " + tableClass + " id " + id);
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = u8();
                total += counts[i];
            }
            if (total > 256 || total > end - pos) {
                throw corrupt("DHT table declares " + total + " values");
            }
            int[] values = new int[total];
            for (int i = 0; i < total; i++) {
                values[i] = u8();
            }
            tables[tableClass * 4 + id] = new JpegHuffmanTable(counts, values, maxValue);
        }
    }

    static DicomException corrupt(String message) {
        return new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, message);
    }
}
