package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * Reads a JPEG-LS scan's coded bits (ITU T.87 A.1 and 9.1): after a 0xFF byte the next byte's
 * first bit is a stuffed 0 and only its 7 low bits are data; 0xFF followed by a byte of 0x80 or
 * more is a marker and ends the data. Past the end zero bits are supplied, and
 * {@link #checkNotOverrun} fails the decode when any were consumed.
 *
 * <p>Bits are kept in a 64-bit accumulator, the next bit at position {@code bitCount - 1}.
 * Not thread-safe; one per scan.
 */
final class JpegLsBitReader {
    private final byte[] data;
    private int pos;
    private long accumulator;
    private int bitCount;
    private int fakeBits;

    JpegLsBitReader(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    /** @return the position up to which bytes have been taken into the accumulator */
    int position() {
        return pos;
    }

    private void fill() {
        while (bitCount <= 48) {
            if (fakeBits > 0 || pos >= data.length) {
                accumulator <<= 8;
                bitCount += 8;
                fakeBits += 8;
                continue;
            }
            int b = data[pos] & 0xFF;
            if (b != 0xFF) {
                accumulator = (accumulator << 8) | b;
                bitCount += 8;
                pos++;
                continue;
            }
            if (pos + 1 >= data.length || (data[pos + 1] & 0x80) != 0) {
                fakeBits += 8; // a marker: the coded data ends here
                accumulator <<= 8;
                bitCount += 8;
                continue;
            }
            accumulator = (accumulator << 15) | (0xFFL << 7) | (data[pos + 1] & 0x7F);
            bitCount += 15;
            pos += 2;
        }
    }

    int bit() {
        if (bitCount < 1) {
            fill();
        }
        bitCount--;
        return (int) (accumulator >>> bitCount) & 1;
    }

    /** @param count 0..16 */
    int bits(int count) {
        if (bitCount < count) {
            fill();
        }
        bitCount -= count;
        return (int) (accumulator >>> bitCount) & ((1 << count) - 1);
    }

    /**
     * @return the number of 0 bits before the next 1 bit, which is consumed too
     * @throws DicomException CORRUPT_PIXEL_DATA when more than {@code max} zeros come first
     */
    int unary(int max) throws DicomException {
        int zeros = 0;
        while (true) {
            if (bitCount < 32) {
                fill();
            }
            long window = accumulator << (64 - bitCount);
            if (window != 0) {
                int leading = Long.numberOfLeadingZeros(window);
                zeros += leading;
                bitCount -= leading + 1;
                break;
            }
            zeros += bitCount;
            bitCount = 0;
            if (zeros > max) {
                break;
            }
        }
        if (zeros > max) {
            throw JpegSegments.corrupt("JPEG-LS code longer than its limit (damaged stream)");
        }
        return zeros;
    }

    /** @throws DicomException CORRUPT_PIXEL_DATA when bits past the end of the coded data were used */
    void checkNotOverrun() throws DicomException {
        if (bitCount < fakeBits) {
            throw JpegSegments.corrupt("JPEG-LS coded data ends before the last sample (truncated or damaged)");
        }
    }

    /** @return the position of the 0xFF of the next marker at or after the consumed data, or the data length */
    int markerPosition() {
        int p = pos;
        while (p + 1 < data.length && !(data[p] == (byte) 0xFF && (data[p + 1] & 0x80) != 0)) {
            p++;
        }
        return p + 1 < data.length ? p : data.length;
    }

    /**
     * Expects a restart marker (RSTm) next and restarts reading after it.
     *
     * @throws DicomException CORRUPT_PIXEL_DATA when the next marker is not a restart marker
     */
    void restart() throws DicomException {
        checkNotOverrun();
        int p = markerPosition();
        if (p + 1 >= data.length || (data[p + 1] & 0xFF) < 0xD0 || (data[p + 1] & 0xFF) > 0xD7) {
            throw JpegSegments.corrupt("JPEG-LS restart marker missing");
        }
        pos = p + 2;
        accumulator = 0;
        bitCount = 0;
        fakeBits = 0;
    }
}
