package org.dicomguard.benchmarks;

import java.io.ByteArrayOutputStream;

/**
 * A small RLE Lossless encoder (DICOM PS3.5 Annex G) for 16-bit single-sample frames, used only to
 * build benchmark fixtures: one PackBits segment per byte plane (high byte first), each row
 * encoded separately as the standard requires, segments padded to even length.
 */
public final class RleEncoder {

    private RleEncoder() {
    }

    /**
     * @param stored  stored 16-bit values, row-major, not modified
     * @param rows    image rows, &gt;= 1
     * @param columns image columns, &gt;= 1
     * @return the RLE frame: 64-byte header followed by the high-byte and low-byte segments
     */
    public static byte[] encode16(short[] stored, int rows, int columns) {
        if (rows < 1 || columns < 1 || (long) rows * columns != stored.length) {
            throw new IllegalArgumentException("stored must hold rows*columns values, got " + stored.length
                    + " for " + rows + "x" + columns);
        }
        byte[] high = segment(stored, rows, columns, 8);
        byte[] low = segment(stored, rows, columns, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + high.length + low.length);
        writeUint32(out, 2);
        writeUint32(out, 64);
        writeUint32(out, 64 + high.length);
        for (int i = 0; i < 13; i++) {
            writeUint32(out, 0);
        }
        out.writeBytes(high);
        out.writeBytes(low);
        return out.toByteArray();
    }

    private static byte[] segment(short[] stored, int rows, int columns, int shift) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length / 2);
        byte[] row = new byte[columns];
        for (int r = 0; r < rows; r++) {
            int offset = r * columns;
            for (int c = 0; c < columns; c++) {
                row[c] = (byte) (stored[offset + c] >> shift);
            }
            packBits(row, out);
        }
        if (out.size() % 2 != 0) {
            out.write(-128); // no-op byte, keeps the segment even
        }
        return out.toByteArray();
    }

    /** PackBits: runs of 2..128 equal bytes replicated, other bytes as literals of up to 128. */
    private static void packBits(byte[] raw, ByteArrayOutputStream out) {
        int i = 0;
        int n = raw.length;
        while (i < n) {
            int run = 1;
            while (i + run < n && run < 128 && raw[i + run] == raw[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(raw[i]);
                i += run;
                continue;
            }
            int start = i;
            int literal = 0;
            while (i < n && literal < 128 && (i + 1 >= n || raw[i + 1] != raw[i])) {
                i++;
                literal++;
            }
            if (literal == 0) {
                continue;
            }
            out.write(literal - 1);
            out.write(raw, start, literal);
        }
    }

    private static void writeUint32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
