package org.dicomguard.core.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts native (uncompressed) PixelData to {@link PixelSamples}: byte order by bulk buffer
 * views, 1-bit data unpacked (first pixel in the least significant bit, PS3.5 8.1.1), planar
 * color made interleaved, YBR_FULL_422 expanded to one Cb/Cr pair per pixel.
 *
 * <p>Stored values are kept exactly as in the file (no masking to BitsStored), which is what
 * pydicom's pixel array holds and so what {@code pixelSha256} is defined over.
 */
final class NativePixels {
    private NativePixels() {
    }

    static PixelSamples convert(DicomElement element, PixelModule m) throws DicomException {
        DicomElement e = element.bigEndian && element.vr == VR.OW && m.bitsAllocated() <= 8
                ? wordsSwapped(element) : element;
        long expectedBytes = expectedBytes(m);
        if (e.valueLength < expectedBytes) {
            throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "PixelData at offset " + e.streamOffset
                    + " has " + e.valueLength + " bytes, " + expectedBytes + " expected for " + m.rows() + "x"
                    + m.columns() + "x" + m.frames() + " frames");
        }
        PixelSamples out = PixelDataDecoder.allocate(m);
        if (m.bitsAllocated() == 1) {
            unpackBits(e, ((PixelSamples.Bytes) out).values());
            return out;
        }
        if (m.isYbrFull422()) {
            expandYbr422(e, m, out);
            return out;
        }
        ByteBuffer source = ByteBuffer.wrap(e.buffer, e.valueOffset, e.valueLength).slice()
                .order(e.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int n = m.totalSamples();
        if (out instanceof PixelSamples.Bytes b) {
            source.get(b.values(), 0, n);
        } else if (out instanceof PixelSamples.Shorts s) {
            source.asShortBuffer().get(s.values(), 0, n);
        } else if (out instanceof PixelSamples.Ints i) {
            source.asIntBuffer().get(i.values(), 0, n);
        }
        if (m.samplesPerPixel() == 3 && m.planarConfiguration() == 1) {
            planarToInterleaved(out, m);
        }
        return out;
    }

    /**
     * OW in Explicit VR Big Endian holds 16-bit words: 8-bit (and 1-bit) data packed two samples
     * per little-endian word arrives with each pair of bytes swapped (PS3.5 8.1.1, 8.2). Undoes it
     * on a copy, so the rest of the conversion reads bytes in pixel order.
     */
    private static DicomElement wordsSwapped(DicomElement e) {
        byte[] swapped = new byte[e.valueLength];
        for (int i = 0; i + 1 < e.valueLength; i += 2) {
            swapped[i] = e.buffer[e.valueOffset + i + 1];
            swapped[i + 1] = e.buffer[e.valueOffset + i];
        }
        if ((e.valueLength & 1) != 0) {
            swapped[e.valueLength - 1] = e.buffer[e.valueOffset + e.valueLength - 1];
        }
        return DicomElement.value(e.tag, e.vr, swapped, 0, e.valueLength, false, e.streamOffset);
    }

    private static long expectedBytes(PixelModule m) {
        long samples = (long) m.rows() * m.columns() * m.frames() * m.samplesPerPixel();
        if (m.bitsAllocated() == 1) {
            return (samples + 7) / 8;
        }
        if (m.isYbrFull422()) {
            samples = samples / 3 * 2;
        }
        return samples * m.bytesPerSample();
    }

    private static void unpackBits(DicomElement e, byte[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((e.buffer[e.valueOffset + (i >>> 3)] >>> (i & 7)) & 1);
        }
    }

    /** Y1 Y2 Cb Cr per pixel pair -> Y1 Cb Cr Y2 Cb Cr (PS3.3 C.7.6.3.1.2). */
    private static void expandYbr422(DicomElement e, PixelModule m, PixelSamples out) {
        int pixels = m.rows() * m.columns() * m.frames();
        int bytes = m.bytesPerSample();
        ByteBuffer in = ByteBuffer.wrap(e.buffer, e.valueOffset, e.valueLength).slice()
                .order(e.bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (int pair = 0; pair < pixels / 2; pair++) {
            int base = pair * 4 * bytes;
            int y1 = read(in, base, bytes);
            int y2 = read(in, base + bytes, bytes);
            int cb = read(in, base + 2 * bytes, bytes);
            int cr = read(in, base + 3 * bytes, bytes);
            int o = pair * 6;
            int[] values = {y1, cb, cr, y2, cb, cr};
            for (int k = 0; k < 6; k++) {
                write(out, o + k, values[k]);
            }
        }
    }

    private static int read(ByteBuffer in, int at, int bytes) {
        return bytes == 1 ? in.get(at) : bytes == 2 ? in.getShort(at) : in.getInt(at);
    }

    private static void write(PixelSamples out, int index, int value) {
        if (out instanceof PixelSamples.Bytes b) {
            b.values()[index] = (byte) value;
        } else if (out instanceof PixelSamples.Shorts s) {
            s.values()[index] = (short) value;
        } else if (out instanceof PixelSamples.Ints i) {
            i.values()[index] = value;
        }
    }

    /** Per frame RRR..GGG..BBB.. -> RGBRGB..., with one frame of scratch space. */
    private static void planarToInterleaved(PixelSamples out, PixelModule m) {
        int plane = m.rows() * m.columns();
        int frameSamples = plane * 3;
        for (int f = 0; f < m.frames(); f++) {
            int base = f * frameSamples;
            if (out instanceof PixelSamples.Bytes b) {
                byte[] v = b.values();
                byte[] scratch = java.util.Arrays.copyOfRange(v, base, base + frameSamples);
                for (int p = 0; p < plane; p++) {
                    v[base + 3 * p] = scratch[p];
                    v[base + 3 * p + 1] = scratch[plane + p];
                    v[base + 3 * p + 2] = scratch[2 * plane + p];
                }
            } else if (out instanceof PixelSamples.Shorts s) {
                short[] v = s.values();
                short[] scratch = java.util.Arrays.copyOfRange(v, base, base + frameSamples);
                for (int p = 0; p < plane; p++) {
                    v[base + 3 * p] = scratch[p];
                    v[base + 3 * p + 1] = scratch[plane + p];
                    v[base + 3 * p + 2] = scratch[2 * plane + p];
                }
            } else if (out instanceof PixelSamples.Ints i) {
                int[] v = i.values();
                int[] scratch = java.util.Arrays.copyOfRange(v, base, base + frameSamples);
                for (int p = 0; p < plane; p++) {
                    v[base + 3 * p] = scratch[p];
                    v[base + 3 * p + 1] = scratch[plane + p];
                    v[base + 3 * p + 2] = scratch[2 * plane + p];
                }
            }
        }
    }
}
