package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * Our own decoder of single-component sequential DCT JPEG with Huffman coding (ITU T.81
 * processes 1 and 4: SOF0 and SOF1, 8- and 12-bit samples), used for monochrome JPEG Baseline
 * (1.2.840.10008.1.2.4.50) and JPEG Extended (.51) frames. Samples equal dcmtk's dcmdjpeg bit for
 * bit: the inverse DCT is IJG's islow ({@link JpegIslowIdct}); a single component needs no
 * upsampling nor colour conversion.
 *
 * <p>Design notes: the entropy decoding reuses the lossless decoder's {@link JpegBitReader}
 * (stuffed bytes, fill bytes, restart markers, no made-up bits past the data) and
 * {@link JpegHuffmanTable}. A run that passes coefficient 63 writes to coefficient 63, as IJG's
 * padded natural-order table does. Output values are reduced to bitsStored bits and sign-extended
 * for PixelRepresentation 1 like every other codec's ({@link RasterSamples}). Stateless and
 * thread-safe: all state lives in one call.
 */
final class JpegDctFrameDecoder {
    private static final int SOF0 = 0xC0;
    private static final int SOF1 = 0xC1;
    private static final int DQT = 0xDB;
    /** Zig-zag index to natural index, with 16 extra entries of 63 for runs past the end (IJG). */
    private static final int[] NATURAL_ORDER = {
        0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
        12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
        35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
        58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
        63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63, 63};

    private JpegDctFrameDecoder() {
    }

    /**
     * @param encodedFrame a JPEG stream
     * @return whether its first frame header is SOF0 or SOF1 with one component, which this decoder reads
     */
    static boolean accepts(byte[] encodedFrame) {
        try {
            JpegSegments in = new JpegSegments(encodedFrame);
            if (encodedFrame.length < 2 || in.u8() != 0xFF || in.u8() != JpegSegments.SOI) {
                return false;
            }
            while (true) {
                int marker = in.nextMarker();
                if (marker == JpegSegments.SOS || marker == JpegSegments.EOI) {
                    return false;
                }
                if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                    continue;
                }
                int length = in.segmentPayloadLength();
                if (marker >= 0xC0 && marker <= 0xCF && marker != JpegSegments.DHT && marker != 0xC8 && marker != 0xCC) {
                    return (marker == SOF0 || marker == SOF1) && length >= 6 && encodedFrame[in.position() + 5] == 1;
                }
                in.seek(in.position() + length);
            }
        } catch (DicomException | RuntimeException notJpeg) {
            return false;
        }
    }

    /**
     * @param encodedFrame a stream {@link #accepts} said yes to
     * @param d            the header's image attributes, samplesPerPixel 1, bitsAllocated 8 or 16
     * @return the frame in the {@link FrameDecoder} layout
     * @throws DicomException CORRUPT_PIXEL_DATA when the stream is damaged, truncated or disagrees with the header
     */
    static byte[] decode(byte[] encodedFrame, ImageDescriptor d) throws DicomException {
        JpegSegments in = new JpegSegments(encodedFrame);
        if (encodedFrame.length < 2 || in.u8() != 0xFF || in.u8() != JpegSegments.SOI) {
            throw JpegSegments.corrupt("JPEG frame does not start with SOI");
        }
        JpegHuffmanTable[] tables = new JpegHuffmanTable[8];
        int[][] quant = new int[4][];
        int precision = 0;
        int quantSelector = -1;
        int componentId = -1;
        int restartInterval = 0;
        int[] samples = null;
        while (true) {
            int marker = in.nextMarker();
            if (marker == JpegSegments.EOI) {
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue;
            }
            int length = in.segmentPayloadLength();
            int next = in.position() + length;
            if (marker == JpegSegments.DHT) {
                in.readHuffmanTables(length, tables, 255);
            } else if (marker == DQT) {
                readQuantTables(in, length, quant);
            } else if (marker == JpegSegments.DRI) {
                restartInterval = length >= 2 ? in.u16() : 0;
            } else if (marker == SOF0 || marker == SOF1) {
                if (samples != null) {
                    throw JpegSegments.corrupt("second frame header in one JPEG frame");
                }
                if (length != 9) {
                    throw JpegSegments.corrupt("JPEG frame header of " + length + " bytes is not one component");
                }
                precision = in.u8();
                int rows = in.u16();
                int columns = in.u16();
                in.u8();
                componentId = in.u8();
                in.u8();
                quantSelector = in.u8();
                checkFrame(precision, rows, columns, quantSelector, marker, d);
                samples = new int[rows * columns];
            } else if (marker == JpegSegments.SOS) {
                if (samples == null) {
                    throw JpegSegments.corrupt("scan before the frame header");
                }
                next = decodeScan(encodedFrame, in, length, componentId, tables, quant[quantSelector], precision,
                        restartInterval, d, samples);
                return toNativeLayout(samples, d);
            } else if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC8 && marker != 0xCC) {
                throw JpegSegments.corrupt("JPEG frame type SOF" + (marker - 0xC0) + " is not sequential Huffman DCT");
            }
            in.seek(next);
        }
        throw JpegSegments.corrupt("JPEG frame has no scan");
    }

    private static void checkFrame(int precision, int rows, int columns, int quantSelector, int marker,
                                   ImageDescriptor d) throws DicomException {
        if (precision != 8 && (precision != 12 || marker != SOF1)) {
            throw JpegSegments.corrupt("JPEG SOF" + (marker - 0xC0) + " with " + precision + "-bit samples");
        }
        if (rows != d.rows() || columns != d.columns()) {
            throw JpegSegments.corrupt("JPEG codestream is " + columns + "x" + rows + " (columns x rows), header says "
                    + d.columns() + "x" + d.rows());
        }
        if (precision > d.bitsAllocated() || quantSelector > 3) {
            throw JpegSegments.corrupt("JPEG codestream has " + precision + "-bit samples (quantization table "
                    + quantSelector + "), header says bitsAllocated " + d.bitsAllocated());
        }
    }

    private static void readQuantTables(JpegSegments in, int length, int[][] quant) throws DicomException {
        int end = in.position() + length;
        while (in.position() < end) {
            int pqTq = in.u8();
            int sixteenBit = pqTq >> 4;
            int id = pqTq & 0x0F;
            if (sixteenBit > 1 || id > 3 || end - in.position() < 64 * (sixteenBit + 1)) {
                throw JpegSegments.corrupt("DQT table " + id + " precision " + sixteenBit + " malformed");
            }
            int[] table = new int[64];
            for (int k = 0; k < 64; k++) {
                table[NATURAL_ORDER[k]] = sixteenBit == 1 ? in.u16() : in.u8();
            }
            quant[id] = table;
        }
    }

    /** @return the position after the scan's entropy-coded data */
    private static int decodeScan(byte[] data, JpegSegments in, int length, int componentId,
                                  JpegHuffmanTable[] tables, int[] quant, int precision, int restartInterval,
                                  ImageDescriptor d, int[] samples) throws DicomException {
        if (length != 6 || in.u8() != 1 || in.u8() != componentId) {
            throw JpegSegments.corrupt("JPEG scan header does not name the frame's one component");
        }
        int selectors = in.u8();
        JpegHuffmanTable dc = tables[(selectors >> 4) & 3];
        JpegHuffmanTable ac = tables[4 + (selectors & 3)];
        // Ss, Se, Ah/Al: a sequential scan always codes all 64 coefficients; IJG (dcmdjpeg) only warns
        // about other values, and pydicom's JPEG-lossy.dcm has Se 0, so they are ignored as there.
        in.u8();
        in.u8();
        in.u8();
        if (dc == null || ac == null || quant == null || selectors >> 4 > 3 || (selectors & 0x0F) > 3) {
            throw JpegSegments.corrupt("JPEG scan uses an undefined Huffman or quantization table");
        }
        if (dc.maxValue() > 15) {
            throw JpegSegments.corrupt("JPEG DC Huffman table value " + dc.maxValue() + " above 15");
        }
        JpegBitReader bits = new JpegBitReader(data, in.position());
        JpegIslowIdct idct = new JpegIslowIdct(precision);
        int columns = d.columns();
        int rows = d.rows();
        int blocksAcross = (columns + 7) / 8;
        int blocks = blocksAcross * ((rows + 7) / 8);
        int[] coef = new int[64];
        int prediction = 0;
        for (int b = 0; b < blocks; b++) {
            if (restartInterval > 0 && b > 0 && b % restartInterval == 0) {
                bits.restart();
                prediction = 0;
            }
            java.util.Arrays.fill(coef, 0);
            prediction += bits.decodeDifference(dc);
            coef[0] = prediction;
            for (int k = 1; k < 64; k++) {
                int rs = bits.decodeSymbol(ac);
                int run = rs >> 4;
                int size = rs & 0x0F;
                if (size != 0) {
                    k += run;
                    coef[NATURAL_ORDER[k]] = bits.receiveExtend(size);
                } else if (run == 15) {
                    k += 15;
                } else {
                    break;
                }
            }
            int x = (b % blocksAcross) * 8;
            int y = (b / blocksAcross) * 8;
            idct.inverse(coef, quant, samples, y * columns + x, columns, Math.min(8, columns - x),
                    Math.min(8, rows - y));
        }
        bits.checkNotOverrun();
        return bits.position();
    }

    private static byte[] toNativeLayout(int[] samples, ImageDescriptor d) {
        return RasterSamples.fromInterleaved(i -> samples[i], new int[] {0}, d);
    }
}
