package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * One JPEG Huffman decoding table (ITU T.81 annex C and F.2.2.3), with a 9-bit lookahead table
 * for the short codes and the canonical maxcode/valptr search for the longer ones.
 * Immutable once built; thread-confined to one decode like its decoder's state.
 */
final class JpegHuffmanTable {
    /** Bits looked up at once; codes up to this length are decoded by one table read. */
    static final int LOOKAHEAD_BITS = 9;
    private static final int MAX_CODE_LENGTH = 16;

    /** For each 9-bit prefix: (codeLength &lt;&lt; 8) | value, or -1 when the code is longer. */
    final int[] lookup = new int[1 << LOOKAHEAD_BITS];
    private final int[] maxCode = new int[MAX_CODE_LENGTH + 2];
    private final int[] minCode = new int[MAX_CODE_LENGTH + 1];
    private final int[] valuePointer = new int[MAX_CODE_LENGTH + 1];
    private final int[] values;

    /**
     * @param counts     BITS: number of codes of each length 1..16 (index 0 is length 1)
     * @param values     HUFFVAL, in code order
     * @param maxValue   the largest value a table of this use may hold (16 for lossless differences)
     * @throws DicomException CORRUPT_PIXEL_DATA when the counts describe no valid prefix code
     */
    JpegHuffmanTable(int[] counts, int[] values, int maxValue) throws DicomException {
        this.values = values.clone();
        java.util.Arrays.fill(lookup, -1);
        int code = 0;
        int k = 0;
        for (int length = 1; length <= MAX_CODE_LENGTH; length++) {
            int n = counts[length - 1];
            valuePointer[length] = k;
            minCode[length] = code;
            for (int i = 0; i < n; i++) {
                int value = values[k];
                if (value > maxValue) {
                    throw JpegSegments.corrupt("Huffman table value " + value + " above " + maxValue);
                }
                if (length <= LOOKAHEAD_BITS) {
                    int shift = LOOKAHEAD_BITS - length;
                    int first = code << shift;
                    for (int j = 0; j < 1 << shift; j++) {
                        lookup[first + j] = (length << 8) | value;
                    }
                }
                code++;
                k++;
            }
            maxCode[length] = n == 0 ? -1 : code - 1;
            if (code > 1 << length) {
                throw JpegSegments.corrupt("Huffman table code lengths overflow at length " + length);
            }
            code <<= 1;
        }
        maxCode[MAX_CODE_LENGTH + 1] = Integer.MAX_VALUE;
    }

    /** @return the largest value in the table (0 when it is empty) */
    int maxValue() {
        int max = 0;
        for (int v : values) {
            max = Math.max(max, v);
        }
        return max;
    }

    /**
     * Decodes a code longer than the lookahead.
     *
     * @param bits the next 16 bits of the stream, most significant first
     * @return (codeLength &lt;&lt; 8) | value
     * @throws DicomException CORRUPT_PIXEL_DATA when no code matches
     */
    int decodeLong(int bits) throws DicomException {
        for (int length = LOOKAHEAD_BITS + 1; length <= MAX_CODE_LENGTH; length++) {
            int code = bits >>> (MAX_CODE_LENGTH - length);
            if (maxCode[length] >= 0 && code <= maxCode[length] && code >= minCode[length]) {
                return (length << 8) | values[valuePointer[length] + code - minCode[length]];
            }
        }
        throw JpegSegments.corrupt("invalid Huffman code");
    }
}
