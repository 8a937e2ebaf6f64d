package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

/**
 * JPEG-LS (ITU T.87): DICOM 1.2.840.10008.1.2.4.80 (lossless) and .81 (near-lossless). Our own
 * decoder: 2..16-bit samples, NEAR 0 and above, interleave modes none, line and sample, preset
 * coding parameters (LSE type 1) and restart markers. Mapping tables (LSE types 2 and 3) and a
 * point transform are refused as CORRUPT_PIXEL_DATA; DICOM does not use them.
 *
 * <p>Design note: the frame header is compared with the DICOM header before any allocation, the
 * output array (frameByteCount) and two lines per component are the only large allocations, and
 * every loop is bounded by the frame size or the input length. Values are reduced to bitsStored
 * bits and sign-extended for PixelRepresentation 1, as for every other codec.
 *
 * <p>Stateless and thread-safe: all decoding state lives in locals of one call.
 */
final class JpegLsFrameDecoder implements FrameDecoder {
    private static final int SOF55 = 0xF7;
    private static final int LSE = 0xF8;

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        if (descriptor.bitsAllocated() != 8 && descriptor.bitsAllocated() != 16) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, "JPEG-LS needs bitsAllocated 8 or 16, "
                    + "header says " + descriptor.bitsAllocated());
        }
        JpegSegments in = new JpegSegments(encodedFrame);
        if (encodedFrame.length < 2 || in.u8() != 0xFF || in.u8() != JpegSegments.SOI) {
            throw JpegSegments.corrupt("JPEG-LS frame does not start with SOI");
        }
        int[] preset = new int[5];
        int[] componentIds = null;
        int precision = 0;
        int restartInterval = 0;
        boolean[] decoded = new boolean[0];
        byte[] out = null;
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
            switch (marker) {
                case SOF55 -> {
                    if (componentIds != null) {
                        throw JpegSegments.corrupt("second frame header in one JPEG-LS frame");
                    }
                    componentIds = readFrameHeader(in, length, descriptor);
                    precision = componentIds[componentIds.length - 1];
                    componentIds = java.util.Arrays.copyOf(componentIds, componentIds.length - 1);
                    out = new byte[(int) descriptor.frameByteCount()];
                    decoded = new boolean[componentIds.length];
                }
                case LSE -> readPresetParameters(in, length, preset);
                case JpegSegments.DRI -> restartInterval = length >= 2 ? in.u16() : 0;
                case JpegSegments.SOS -> {
                    if (componentIds == null) {
                        throw JpegSegments.corrupt("scan before the frame header");
                    }
                    next = decodeScan(encodedFrame, in, length, componentIds, precision, preset, restartInterval,
                            descriptor, out, decoded);
                }
                default -> {
                    if (marker >= 0xC0 && marker <= 0xCF && marker != JpegSegments.DHT) {
                        throw JpegSegments.corrupt("SOF" + (marker - 0xC0) + " frame in a JPEG-LS transfer syntax");
                    }
                }
            }
            in.seek(next);
        }
        if (out == null) {
            throw JpegSegments.corrupt("JPEG-LS frame has no frame header");
        }
        for (int c = 0; c < decoded.length; c++) {
            if (!decoded[c]) {
                throw JpegSegments.corrupt("JPEG-LS frame has no scan for component " + c);
            }
        }
        return out;
    }

    /** @return the component ids, then the precision as the last element */
    private static int[] readFrameHeader(JpegSegments in, int length, ImageDescriptor d) throws DicomException {
        if (length < 6) {
            throw JpegSegments.corrupt("SOF55 segment too short");
        }
        int precision = in.u8();
        int rows = in.u16();
        int columns = in.u16();
        int components = in.u8();
        if (length < 6 + 3 * components) {
            throw JpegSegments.corrupt("SOF55 segment too short for " + components + " components");
        }
        if (rows != d.rows() || columns != d.columns()) {
            throw JpegSegments.corrupt("JPEG-LS codestream is " + columns + "x" + rows + " (columns x rows), header says "
                    + d.columns() + "x" + d.rows());
        }
        if (components != d.samplesPerPixel()) {
            throw JpegSegments.corrupt("JPEG-LS codestream has " + components + " components, header says "
                    + d.samplesPerPixel() + " samples per pixel");
        }
        if (precision < 2 || precision > 16 || precision > d.bitsAllocated()) {
            throw JpegSegments.corrupt("JPEG-LS codestream has " + precision + "-bit samples, header says bitsAllocated "
                    + d.bitsAllocated());
        }
        int[] ids = new int[components + 1];
        for (int c = 0; c < components; c++) {
            ids[c] = in.u8();
            int sampling = in.u8();
            in.u8();
            if (sampling != 0x11) {
                throw JpegSegments.corrupt("JPEG-LS component sampling factors 0x" + Integer.toHexString(sampling)
                        + " are not 1x1");
            }
        }
        ids[components] = precision;
        return ids;
    }

    private static void readPresetParameters(JpegSegments in, int length, int[] preset) throws DicomException {
        int id = length >= 1 ? in.u8() : 0;
        if (id != 1 || length < 11) {
            throw JpegSegments.corrupt("JPEG-LS LSE segment of type " + id + " (mapping tables or oversize "
                    + "dimensions) is not supported");
        }
        for (int i = 0; i < 5; i++) {
            preset[i] = in.u16();
        }
    }

    private static int decodeScan(byte[] data, JpegSegments in, int length, int[] componentIds, int precision,
                                  int[] preset, int restartInterval, ImageDescriptor d, byte[] out,
                                  boolean[] decoded) throws DicomException {
        int count = length < 1 ? 0 : in.u8();
        if (count < 1 || count > componentIds.length || length != 4 + 2 * count) {
            throw JpegSegments.corrupt("SOS segment declares " + count + " components in " + length + " bytes");
        }
        int[] outputComponent = new int[count];
        for (int i = 0; i < count; i++) {
            int id = in.u8();
            if (in.u8() != 0) {
                throw JpegSegments.corrupt("JPEG-LS mapping tables are not supported");
            }
            outputComponent[i] = -1;
            for (int c = 0; c < componentIds.length; c++) {
                if (componentIds[c] == id) {
                    outputComponent[i] = c;
                }
            }
            if (outputComponent[i] < 0 || decoded[outputComponent[i]]) {
                throw JpegSegments.corrupt("scan component " + id + " is absent from the frame or coded twice");
            }
            decoded[outputComponent[i]] = true;
        }
        int near = in.u8();
        int interleave = in.u8();
        int pointTransform = in.u8() & 0x0F;
        JpegLsParameters parameters = JpegLsParameters.of(precision, preset, near);
        if (pointTransform != 0 || interleave > 2 || interleave == 0 && count != 1
                || interleave == 2 && count != 3 || near > Math.min(255, parameters.maxVal() / 2)
                || parameters.maxVal() >= 1 << precision || parameters.t1() > parameters.t2()
                || parameters.t2() > parameters.t3() || parameters.t3() > parameters.maxVal()
                || parameters.reset() < 3 || parameters.t1() <= near) {
            throw JpegSegments.corrupt("JPEG-LS scan parameters out of range (NEAR " + near + ", ILV " + interleave
                    + ", point transform " + pointTransform + ")");
        }
        JpegLsBitReader bits = new JpegLsBitReader(data, in.position());
        new JpegLsScan(parameters, d.columns(), d.rows(), outputComponent, count == 1 ? 0 : interleave, d)
                .decode(bits, restartInterval, out);
        return bits.markerPosition();
    }
}
