package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;

/**
 * RLE Lossless (1.2.840.10008.1.2.5), DICOM PS3.5 Annex G.
 *
 * <p>Design note: a frame starts with a 64-byte header (segment count and up to 15 segment
 * offsets, little-endian uint32). Each segment is one PackBits-coded byte plane: for every sample
 * the most significant byte plane comes first. Each plane is decoded straight into its strided
 * position of the output (little-endian, samples interleaved), so the only allocation is the
 * frame itself and the hot loop is plain array indexing. Every count is checked against the
 * plane size before it is used: a run that crosses the plane end, a plane that ends short, a
 * segment offset outside the data or a segment count that does not match
 * samplesPerPixel * bytesPerSample are all CORRUPT_PIXEL_DATA. One trailing byte after a full
 * plane is accepted because encoders pad odd-length segments.
 *
 * <p>Stateless and thread-safe.
 */
final class RleFrameDecoder implements FrameDecoder {
    private static final int HEADER_BYTES = 64;
    private static final int MAX_SEGMENTS = 15;

    @Override
    public byte[] decode(byte[] encodedFrame, ImageDescriptor descriptor) throws DicomException {
        if (descriptor.bitsAllocated() == 1) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT,
                    "RLE with bitsAllocated 1 is not supported");
        }
        int bytesPerSample = descriptor.bytesPerSample();
        int samples = descriptor.samplesPerPixel();
        int expectedSegments = samples * bytesPerSample;
        long frameBytes = descriptor.frameByteCount();
        if (frameBytes > Integer.MAX_VALUE - 8) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED,
                    "decoded RLE frame of " + frameBytes + " bytes exceeds the largest array");
        }
        int planeBytes = descriptor.rows() * descriptor.columns();
        if (encodedFrame.length < HEADER_BYTES) {
            throw corrupt("RLE frame of " + encodedFrame.length + " bytes is shorter than its 64-byte header");
        }
        long segmentCount = readUint32(encodedFrame, 0);
        if (segmentCount != expectedSegments) {
            throw corrupt("RLE header declares " + segmentCount + " segments, expected " + expectedSegments
                    + " (samplesPerPixel " + samples + " x bytesPerSample " + bytesPerSample + ")");
        }
        int[] offsets = new int[expectedSegments + 1];
        for (int i = 0; i < expectedSegments; i++) {
            long offset = readUint32(encodedFrame, 4 + 4 * i);
            long previous = i == 0 ? HEADER_BYTES : offsets[i - 1];
            if (offset < previous || offset > encodedFrame.length) {
                throw corrupt("RLE segment " + i + " offset " + offset + " is outside [" + previous + ", "
                        + encodedFrame.length + "]");
            }
            offsets[i] = (int) offset;
        }
        offsets[expectedSegments] = encodedFrame.length;
        byte[] out = new byte[(int) frameBytes];
        int stride = expectedSegments;
        for (int sample = 0; sample < samples; sample++) {
            for (int plane = 0; plane < bytesPerSample; plane++) {
                int segment = sample * bytesPerSample + plane;
                // Plane 0 is the most significant byte, stored last in little-endian output.
                int firstOutput = sample * bytesPerSample + (bytesPerSample - 1 - plane);
                decodeSegment(encodedFrame, offsets[segment], offsets[segment + 1], out, firstOutput, stride,
                        planeBytes, segment);
            }
        }
        return out;
    }

    /**
     * PackBits: header n in [0, 127] copies n + 1 literal bytes, n in [-127, -1] repeats the next
     * byte 1 - n times, -128 is a no-op.
     */
    private static void decodeSegment(byte[] in, int start, int end, byte[] out, int firstOutput, int stride,
                                      int planeBytes, int segment) throws DicomException {
        int inPos = start;
        int outPos = firstOutput;
        int written = 0;
        while (written < planeBytes) {
            if (inPos >= end) {
                throw corrupt("RLE segment " + segment + " ends after " + written + " of " + planeBytes + " bytes");
            }
            int header = in[inPos++];
            if (header >= 0) {
                int count = header + 1;
                if (written + count > planeBytes) {
                    throw overrun(segment, planeBytes);
                }
                if (inPos + count > end) {
                    throw corrupt("RLE segment " + segment + " literal run of " + count
                            + " bytes passes the segment end");
                }
                if (stride == 1) {
                    System.arraycopy(in, inPos, out, outPos, count);
                    outPos += count;
                    inPos += count;
                } else {
                    for (int k = 0; k < count; k++) {
                        out[outPos] = in[inPos++];
                        outPos += stride;
                    }
                }
                written += count;
            } else if (header != -128) {
                int count = 1 - header;
                if (written + count > planeBytes) {
                    throw overrun(segment, planeBytes);
                }
                if (inPos >= end) {
                    throw corrupt("RLE segment " + segment + " replicate run has no value byte");
                }
                byte value = in[inPos++];
                if (stride == 1) {
                    java.util.Arrays.fill(out, outPos, outPos + count, value);
                    outPos += count;
                } else {
                    for (int k = 0; k < count; k++) {
                        out[outPos] = value;
                        outPos += stride;
                    }
                }
                written += count;
            }
        }
        if (end - inPos > 1) {
            throw corrupt("RLE segment " + segment + " has " + (end - inPos) + " bytes after its "
                    + planeBytes + " decoded bytes");
        }
    }

    private static long readUint32(byte[] data, int offset) {
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }

    private static DicomException overrun(int segment, int planeBytes) {
        return corrupt("RLE segment " + segment + " decodes to more than " + planeBytes + " bytes (rows x columns)");
    }

    private static DicomException corrupt(String message) {
        return new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, message);
    }
}
