package org.dicomguard.core.dicom.codec;

import java.io.ByteArrayOutputStream;

/**
 * A straightforward RLE Lossless encoder (PS3.5 Annex G) used to build test streams whose
 * content is known, independently of the decoder under test.
 */
final class RleTestEncoder {
    private RleTestEncoder() {
    }

    /**
     * @param nativeFrame frame in the FrameDecoder layout (interleaved, little-endian), not modified
     * @param d           its descriptor
     * @return the RLE frame: 64-byte header and one even-length segment per byte plane
     */
    static byte[] encode(byte[] nativeFrame, ImageDescriptor d) {
        int bytesPerSample = d.bytesPerSample();
        int segments = d.samplesPerPixel() * bytesPerSample;
        int pixels = d.rows() * d.columns();
        byte[][] encoded = new byte[segments][];
        for (int sample = 0; sample < d.samplesPerPixel(); sample++) {
            for (int plane = 0; plane < bytesPerSample; plane++) {
                byte[] raw = new byte[pixels];
                int first = sample * bytesPerSample + (bytesPerSample - 1 - plane);
                for (int p = 0; p < pixels; p++) {
                    raw[p] = nativeFrame[first + p * segments];
                }
                encoded[sample * bytesPerSample + plane] = packBits(raw);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeUint32(out, segments);
        int offset = 64;
        for (int i = 0; i < 15; i++) {
            writeUint32(out, i < segments ? offset : 0);
            if (i < segments) {
                offset += encoded[i].length;
            }
        }
        for (byte[] segment : encoded) {
            out.writeBytes(segment);
        }
        return out.toByteArray();
    }

    /** PackBits with runs of 3+ replicated, padded to even length with a no-op (-128). */
    static byte[] packBits(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int run = 1;
            while (i + run < raw.length && run < 128 && raw[i + run] == raw[i]) {
                run++;
            }
            if (run >= 3) {
                out.write(1 - run);
                out.write(raw[i]);
                i += run;
                continue;
            }
            int start = i;
            int literal = 0;
            while (i < raw.length && literal < 128) {
                if (i + 2 < raw.length && raw[i] == raw[i + 1] && raw[i] == raw[i + 2]) {
                    break;
                }
                i++;
                literal++;
            }
            out.write(literal - 1);
            out.write(raw, start, literal);
        }
        if (out.size() % 2 == 1) {
            out.write(-128);
        }
        return out.toByteArray();
    }

    private static void writeUint32(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }
}
