package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * Reads the entropy-coded segment of a JPEG scan (ITU T.81 F.2.2.5): bytes 0xFF 0x00 are one
 * data byte 0xFF, 0xFF fill bytes before a marker are skipped, and a marker ends the data.
 * Past the end of the data zero bits are supplied; {@link #checkNotOverrun} fails the decode when
 * any were consumed, so a truncated or damaged stream never yields made-up samples.
 *
 * <p>Bits are kept in a 64-bit accumulator, the next bit to read at position {@code bitCount - 1}.
 * Not thread-safe; one per decode.
 */
final class JpegBitReader {
    private final byte[] data;
    private final int limit;
    private int pos;
    private long accumulator;
    private int bitCount;
    /** Zero bits appended after the data ended (a marker or the end of the array). */
    private int fakeBits;

    JpegBitReader(byte[] data, int start) {
        this.data = data;
        this.limit = data.length;
        this.pos = start;
    }

    /** @return the byte position of the marker (or end) where the entropy-coded data stopped, or beyond */
    int position() {
        return pos;
    }

    /** Refills the accumulator to at least 57 bits. */
    void fill() {
        while (bitCount <= 56) {
            int b;
            if (fakeBits > 0 || pos >= limit) {
                b = 0;
                fakeBits += 8;
            } else {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int q = pos + 1;
                    while (q < limit && data[q] == (byte) 0xFF) {
                        q++;
                    }
                    if (q < limit && data[q] == 0) {
                        pos = q + 1; // stuffed 0xFF data byte
                    } else {
                        pos = q - 1; // a marker (or the end): stay on its last 0xFF prefix
                        b = 0;
                        fakeBits += 8;
                    }
                } else {
                    pos++;
                }
            }
            accumulator = (accumulator << 8) | b;
            bitCount += 8;
        }
    }

    /**
     * Decodes one lossless difference (T.81 H.1.2.2): a Huffman-coded category SSSS, then SSSS
     * extra bits; category 16 is 32768 with no extra bits.
     */
    int decodeDifference(JpegHuffmanTable table) throws DicomException {
        if (bitCount < 32) {
            fill();
        }
        int entry = table.lookup[(int) (accumulator >>> (bitCount - JpegHuffmanTable.LOOKAHEAD_BITS))
                & ((1 << JpegHuffmanTable.LOOKAHEAD_BITS) - 1)];
        if (entry < 0) {
            entry = table.decodeLong((int) (accumulator >>> (bitCount - 16)) & 0xFFFF);
        }
        bitCount -= entry >>> 8;
        int category = entry & 0xFF;
        if (category == 0) {
            return 0;
        }
        if (category >= 16) {
            return 32768;
        }
        int bits = (int) (accumulator >>> (bitCount - category)) & ((1 << category) - 1);
        bitCount -= category;
        return bits < 1 << (category - 1) ? bits - (1 << category) + 1 : bits;
    }

    /** Decodes one Huffman-coded symbol (T.81 F.2.2.3). */
    int decodeSymbol(JpegHuffmanTable table) throws DicomException {
        if (bitCount < 32) {
            fill();
        }
        int entry = table.lookup[(int) (accumulator >>> (bitCount - JpegHuffmanTable.LOOKAHEAD_BITS))
                & ((1 << JpegHuffmanTable.LOOKAHEAD_BITS) - 1)];
        if (entry < 0) {
            entry = table.decodeLong((int) (accumulator >>> (bitCount - 16)) & 0xFFFF);
        }
        bitCount -= entry >>> 8;
        return entry & 0xFF;
    }

    /** Reads {@code size} (1..15) bits and extends them to a signed value (T.81 F.2.2.1 RECEIVE and EXTEND). */
    int receiveExtend(int size) {
        int v = bits(size);
        return v < 1 << (size - 1) ? v - (1 << size) + 1 : v;
    }

    /**
     * Reads {@code count} (0..16) raw bits, most significant first.
     */
    int bits(int count) {
        if (bitCount < 32) {
            fill();
        }
        int v = (int) (accumulator >>> (bitCount - count)) & ((1 << count) - 1);
        bitCount -= count;
        return v;
    }

    /** @throws DicomException CORRUPT_PIXEL_DATA when bits past the end of the entropy-coded data were used */
    void checkNotOverrun() throws DicomException {
        if (bitCount < fakeBits) {
            throw JpegSegments.corrupt("entropy-coded data ends before the last sample (truncated or damaged)");
        }
    }

    /**
     * Processes a restart marker (T.81 F.2.2.5 / H.2): discards the bits left in the accumulator
     * (the pad bits of the interval's last byte), expects an RSTm marker next and restarts reading
     * after it.
     *
     * @throws DicomException CORRUPT_PIXEL_DATA when the next marker is not a restart marker
     */
    void restart() throws DicomException {
        checkNotOverrun();
        JpegSegments segments = new JpegSegments(data);
        segments.seek(pos); // every byte before pos is in the accumulator, the marker is at or after it
        int marker = segments.nextMarker();
        if (marker < 0xD0 || marker > 0xD7) {
            throw JpegSegments.corrupt("expected a restart marker, found 0x" + Integer.toHexString(marker));
        }
        pos = segments.position();
        accumulator = 0;
        bitCount = 0;
        fakeBits = 0;
    }
}
