package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

/**
 * JPEG Lossless, Non-Hierarchical (ITU T.81 process 14, Huffman coded, SOF3): DICOM
 * 1.2.840.10008.1.2.4.57 and its first-order prediction subset 1.2.840.10008.1.2.4.70. Our own
 * decoder: predictors 1..7, point transform, restart intervals, fill bytes before markers,
 * 2..16-bit samples, 1 to 4 components in one interleaved scan or one scan per component.
 *
 * <p>Design notes. Reconstruction follows T.81 H.1.2 as libjpeg (and so dcmtk's dcmdjpeg) does it:
 * predictions in integer arithmetic, the sum with the difference taken modulo 2^16, the output
 * shifted left by the point transform. Decoded values are reduced to bitsStored bits and, for
 * PixelRepresentation 1, sign-extended (JPEG Lossless samples are unsigned; the header decides
 * the sign), as for every other codec. Only two rows per scan are kept besides the output, and
 * every loop is bounded by the header-checked frame size; input bytes are read only through
 * bounds-checked readers, so a damaged stream ends in CORRUPT_PIXEL_DATA.
 *
 * <p>Stateless and thread-safe: all decoding state lives in locals of one call.
 */
final class JpegLosslessFrameDecoder implements FrameDecoder {
    private static final int SOF3 = 0xC3;

    /** Frame header (SOF3) fields. */
    private record Frame(int precision, int rows, int columns, int[] componentIds) {
    }

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        if (descriptor.bitsAllocated() != 8 && descriptor.bitsAllocated() != 16) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "JPEG Lossless needs bitsAllocated 8 or "
                    + "16, header says " + descriptor.bitsAllocated());
        }
        JpegSegments in = new JpegSegments(encodedFrame);
        if (encodedFrame.length < 2 || in.u8() != 0xFF || in.u8() != JpegSegments.SOI) {
            throw JpegSegments.corrupt("JPEG Lossless frame does not start with SOI");
        }
        JpegHuffmanTable[] tables = new JpegHuffmanTable[8];
        Frame frame = null;
        int restartInterval = 0;
        byte[] out = null;
        boolean[] decoded = new boolean[0];
        while (true) {
            int marker = in.nextMarker();
            if (marker == JpegSegments.EOI) {
                break;
            }
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                continue; // parameterless markers outside a scan
            }
            int length = in.segmentPayloadLength();
            int next = in.position() + length;
            switch (marker) {
                case JpegSegments.DHT -> in.readHuffmanTables(length, tables, 16);
                case JpegSegments.DRI -> restartInterval = length >= 2 ? in.u16() : 0;
                case SOF3 -> {
                    if (frame != null) {
                        throw JpegSegments.corrupt("second frame header in one JPEG Lossless frame");
                    }
                    frame = readFrameHeader(in, length, descriptor);
                    out = new byte[(int) descriptor.frameByteCount()];
                    decoded = new boolean[frame.componentIds().length];
                }
                case JpegSegments.SOS -> {
                    if (frame == null) {
                        throw JpegSegments.corrupt("scan before the frame header");
                    }
                    next = decodeScan(encodedFrame, in, length, frame, tables, restartInterval, descriptor, out,
                            decoded);
                }
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != JpegSegments.DHT && marker != 0xC8
                            && marker != 0xCC) {
                        throw JpegSegments.corrupt("JPEG frame type SOF" + (marker - 0xC0)
                                + " is not lossless Huffman (SOF3)");
                    }
                    // APPn, COM, DQT, DNL and others carry nothing a lossless frame needs.
                }
            }
            in.seek(next);
        }
        if (out == null) {
            throw JpegSegments.corrupt("JPEG Lossless frame has no frame header");
        }
        for (int c = 0; c < decoded.length; c++) {
            if (!decoded[c]) {
                throw JpegSegments.corrupt("JPEG Lossless frame has no scan for component " + c);
            }
        }
        return out;
    }

    private static Frame readFrameHeader(JpegSegments in, int length, ImageDescriptor d) throws DicomException {
        if (length < 6) {
            throw JpegSegments.corrupt("SOF3 segment too short");
        }
        int precision = in.u8();
        int rows = in.u16();
        int columns = in.u16();
        int components = in.u8();
        if (length < 6 + 3 * components) {
            throw JpegSegments.corrupt("SOF3 segment too short for " + components + " components");
        }
        if (rows != d.rows() || columns != d.columns()) {
            throw JpegSegments.corrupt("JPEG Lossless codestream is " + columns + "x" + rows
                    + " (columns x rows), header says " + d.columns() + "x" + d.rows());
        }
        if (components != d.samplesPerPixel()) {
            throw JpegSegments.corrupt("JPEG Lossless codestream has " + components
                    + " components, header says " + d.samplesPerPixel() + " samples per pixel");
        }
        if (precision < 2 || precision > 16 || precision > d.bitsAllocated()) {
            throw JpegSegments.corrupt("JPEG Lossless codestream has " + precision
                    + "-bit samples, header says bitsAllocated " + d.bitsAllocated());
        }
        int[] ids = new int[components];
        for (int c = 0; c < components; c++) {
            ids[c] = in.u8();
            int sampling = in.u8();
            in.u8();
            if (sampling != 0x11) {
                throw JpegSegments.corrupt("JPEG Lossless component sampling factors 0x"
                        + Integer.toHexString(sampling) + " are not 1x1");
            }
        }
        return new Frame(precision, rows, columns, ids);
    }

    /** @return the position after the scan's entropy-coded data */
    private static int decodeScan(byte[] data, JpegSegments in, int length, Frame frame, JpegHuffmanTable[] tables,
                                  int restartInterval, ImageDescriptor d, byte[] out, boolean[] decoded)
            throws DicomException {
        int count = length < 1 ? 0 : in.u8();
        if (count < 1 || count > frame.componentIds().length || length != 4 + 2 * count) {
            throw JpegSegments.corrupt("SOS segment declares " + count + " components in " + length + " bytes");
        }
        int[] outputComponent = new int[count];
        JpegHuffmanTable[] dcTables = new JpegHuffmanTable[count];
        for (int i = 0; i < count; i++) {
            int id = in.u8();
            int selector = in.u8() >> 4;
            outputComponent[i] = indexOf(frame.componentIds(), id);
            if (decoded[outputComponent[i]]) {
                throw JpegSegments.corrupt("component " + id + " is coded twice");
            }
            decoded[outputComponent[i]] = true;
            dcTables[i] = selector < 4 ? tables[selector] : null;
            if (dcTables[i] == null) {
                throw JpegSegments.corrupt("scan component " + id + " uses undefined Huffman table " + selector);
            }
        }
        int predictor = in.u8();
        in.u8(); // Se, 0 in lossless mode
        int pointTransform = in.u8() & 0x0F;
        if (predictor < 1 || predictor > 7 || pointTransform >= frame.precision()) {
            throw JpegSegments.corrupt("JPEG Lossless predictor " + predictor + " / point transform "
                    + pointTransform + " out of range");
        }
        JpegBitReader bits = new JpegBitReader(data, in.position());
        new JpegLosslessScan(frame.columns(), frame.rows(), frame.precision(), predictor, pointTransform,
                restartInterval, outputComponent, dcTables, d).decode(bits, out);
        return bits.position();
    }

    private static int indexOf(int[] ids, int id) throws DicomException {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw JpegSegments.corrupt("scan names component " + id + " absent from the frame header");
    }
}
