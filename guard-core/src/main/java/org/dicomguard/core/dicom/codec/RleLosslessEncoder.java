package org.dicomguard.core.dicom.codec;

import java.io.ByteArrayOutputStream;

/**
 * RLE Lossless encoder (DICOM PS3.5 Annex G), the inverse of {@link RleFrameDecoder}: used to build
 * synthetic RLE files for tests and benchmarks. The runtime never encodes.
 *
 * <p>Design note (PS3.5 G.2, G.3.1, G.5): one Byte Segment per sample and byte plane, most
 * significant plane first; each segment PackBits-coded row by row ("each row of the image shall
 * be encoded separately and not cross a row boundary"); runs of 2 or more equal bytes as Replicate
 * Runs (runs of 3 or more must be), other bytes as Literal Runs of at most 128; a segment of odd
 * length is padded with one zero byte; a 64-byte header of little-endian offsets. The run choices
 * are pydicom's ({@code pydicom.encoders.native}), so the output is byte-identical to pydicom's
 * RLE encoder, which a test checks where pydicom is installed. Thread-safe: stateless.
 */
public final class RleLosslessEncoder {
    /** At most 15 segments fit the 64-byte RLE header. */
    private static final int MAX_SEGMENTS = 15;
    private static final int MAX_RUN = 128;

    private RleLosslessEncoder() {
    }

    /**
     * @param nativeFrame one frame in the {@link FrameDecoder} layout (samples interleaved, each
     *                    sample little-endian), not modified
     * @param image       its layout; bitsAllocated 8, 16 or 32
     * @return the RLE frame: 64-byte header and one even-length segment per sample and byte plane
     * @throws IllegalArgumentException when the frame length does not match {@code image} or the
     *                                  frame needs more than 15 segments
     */
    public static byte[] encode(byte[] nativeFrame, ImageDescriptor image) {
        if (nativeFrame.length != image.frameByteCount()) {
            throw new IllegalArgumentException("nativeFrame must hold " + image.frameByteCount() + " bytes for "
                    + image + ", got " + nativeFrame.length);
        }
        if (image.bitsAllocated() % 8 != 0) {
            throw new IllegalArgumentException("bitsAllocated must be 8, 16 or 32, got " + image.bitsAllocated());
        }
        int bytesPerSample = image.bytesPerSample();
        int segmentCount = image.samplesPerPixel() * bytesPerSample;
        if (segmentCount > MAX_SEGMENTS) {
            throw new IllegalArgumentException("RLE allows at most " + MAX_SEGMENTS + " segments, got "
                    + segmentCount);
        }
        byte[][] segments = new byte[segmentCount][];
        for (int sample = 0; sample < image.samplesPerPixel(); sample++) {
            for (int plane = 0; plane < bytesPerSample; plane++) {
                // Plane 0 is the most significant byte, stored last in the little-endian frame.
                int first = sample * bytesPerSample + (bytesPerSample - 1 - plane);
                segments[sample * bytesPerSample + plane] =
                        segment(nativeFrame, first, segmentCount, image.rows(), image.columns());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeUint32(out, segmentCount);
        long offset = 64;
        for (int i = 0; i < MAX_SEGMENTS; i++) {
            writeUint32(out, i < segmentCount ? offset : 0);
            if (i < segmentCount) {
                offset += segments[i].length;
            }
        }
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        return out.toByteArray();
    }

    /**
     * @param stored  stored 16-bit values of one single-sample frame, row-major, not modified
     * @param rows    Rows, &gt;= 1
     * @param columns Columns, &gt;= 1
     * @return as {@link #encode(byte[], ImageDescriptor)}: the high-byte and the low-byte segment
     * @throws IllegalArgumentException when {@code stored} does not hold rows x columns values
     */
    public static byte[] encode16(short[] stored, int rows, int columns) {
        if (rows < 1 || columns < 1 || (long) rows * columns != stored.length) {
            throw new IllegalArgumentException("stored must hold rows*columns values, got " + stored.length
                    + " for " + rows + "x" + columns);
        }
        byte[] frame = new byte[stored.length * 2];
        for (int i = 0; i < stored.length; i++) {
            frame[2 * i] = (byte) stored[i];
            frame[2 * i + 1] = (byte) (stored[i] >> 8);
        }
        return encode(frame, ImageDescriptor.monochrome(rows, columns, 16, 16, 0, "MONOCHROME2"));
    }

    private static byte[] segment(byte[] frame, int first, int stride, int rows, int columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] row = new byte[columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                row[c] = frame[first + (r * columns + c) * stride]; // < frame.length: checked in encode
            }
            packBits(row, out);
        }
        if (out.size() % 2 != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /**
     * PackBits of one row: header n in [0, 127] then n + 1 literal bytes; header 1 - n in
     * [-127, -1] then the byte repeated n times. A literal is flushed before each replicate run;
     * a run longer than 128 is cut into replicate runs of 128 and a last run, which is a one-byte
     * literal when a single byte is left.
     */
    static void packBits(byte[] row, ByteArrayOutputStream out) {
        int literalStart = 0;
        int literalLength = 0;
        int i = 0;
        while (i < row.length) {
            int run = 1;
            while (i + run < row.length && row[i + run] == row[i]) {
                run++;
            }
            if (run == 1) {
                if (literalLength == 0) {
                    literalStart = i;
                }
                literalLength++;
                i++;
                continue;
            }
            literal(row, literalStart, literalLength, out);
            literalLength = 0;
            for (int left = run; left > 0; left -= MAX_RUN) {
                int n = Math.min(left, MAX_RUN);
                out.write(n == 1 ? 0 : 1 - n);
                out.write(row[i]);
            }
            i += run;
        }
        literal(row, literalStart, literalLength, out);
    }

    private static void literal(byte[] row, int start, int length, ByteArrayOutputStream out) {
        for (int done = 0; done < length; done += MAX_RUN) {
            int n = Math.min(length - done, MAX_RUN);
            out.write(n - 1);
            out.write(row, start + done, n);
        }
    }

    private static void writeUint32(ByteArrayOutputStream out, long value) {
        out.write((int) value);
        out.write((int) (value >>> 8));
        out.write((int) (value >>> 16));
        out.write((int) (value >>> 24));
    }
}
