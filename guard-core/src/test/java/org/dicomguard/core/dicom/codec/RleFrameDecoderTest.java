package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RleFrameDecoderTest {
    private final RleFrameDecoder decoder = new RleFrameDecoder();

    @ParameterizedTest
    @CsvSource({"1,8", "3,8", "1,16", "3,16", "1,32", "3,32"})
    void decode_roundTripOfRandomImage_returnsOriginal(int samples, int bitsAllocated) throws DicomException {
        ImageDescriptor d = new ImageDescriptor(37, 53, samples, bitsAllocated, bitsAllocated, 0,
                samples == 3 ? "RGB" : "MONOCHROME2", 0);
        byte[] original = blockyImage(d, new Random(samples * 100L + bitsAllocated));

        byte[] decoded = decoder.decode(RleLosslessEncoder.encode(original, d), d);

        assertArrayEquals(original, decoded);
    }

    @Test
    void decode_literalReplicateAndNoOpRuns_followPackBits() throws DicomException {
        ImageDescriptor d = mono8(1, 8);
        // literal 2 bytes, no-op, replicate 0x07 four times, literal 2 bytes
        byte[] segment = {1, 10, 11, -128, -3, 7, 1, 12, 13};

        byte[] decoded = decoder.decode(frame(segment), d);

        assertArrayEquals(new byte[]{10, 11, 7, 7, 7, 7, 12, 13}, decoded);
    }

    @Test
    void decode_sixteenBit_mostSignificantSegmentFirstOutputLittleEndian() throws DicomException {
        ImageDescriptor d = new ImageDescriptor(1, 2, 1, 16, 16, 0, "MONOCHROME2", 0);
        byte[] high = {1, 0x12, 0x34};
        byte[] low = {1, 0x56, 0x78};

        byte[] decoded = decoder.decode(frame(high, low), d);

        assertArrayEquals(new byte[]{0x56, 0x12, 0x78, 0x34}, decoded);
    }

    @Test
    void decode_segmentOneByteShort_corrupt() {
        assertCorrupt(frame(new byte[]{6, 1, 2, 3, 4, 5, 6, 7}), mono8(1, 8), "ends after 7 of 8");
    }

    @Test
    void decode_replicateRunPastPlaneEnd_corruptWithoutWritingPastFrame() {
        assertCorrupt(frame(new byte[]{-127, 9}), mono8(1, 8), "more than 8 bytes");
    }

    @Test
    void decode_literalRunPastPlaneEnd_corrupt() {
        assertCorrupt(frame(new byte[]{8, 1, 2, 3, 4, 5, 6, 7, 8, 9}), mono8(1, 8), "more than 8 bytes");
    }

    @Test
    void decode_literalRunPastSegmentEnd_corrupt() {
        assertCorrupt(frame(new byte[]{7, 1, 2, 3}), mono8(1, 8), "passes the segment end");
    }

    @Test
    void decode_replicateRunWithoutValue_corrupt() {
        assertCorrupt(frame(new byte[]{3, 1, 2, 3, 4, -3}), mono8(1, 8), "no value byte");
    }

    @Test
    void decode_dataAfterFullPlane_corrupt() {
        assertCorrupt(frame(new byte[]{-7, 5, 0, 1}), mono8(1, 8), "bytes after its 8 decoded bytes");
    }

    @Test
    void decode_onePaddingByteAfterFullPlane_accepted() throws DicomException {
        byte[] decoded = decoder.decode(frame(new byte[]{-7, 5, 0}), mono8(1, 8));

        assertArrayEquals(new byte[]{5, 5, 5, 5, 5, 5, 5, 5}, decoded);
    }

    @Test
    void decode_segmentCountNotSamplesTimesBytes_corrupt() {
        ImageDescriptor sixteenBit = new ImageDescriptor(1, 8, 1, 16, 16, 0, "MONOCHROME2", 0);

        assertCorrupt(frame(new byte[]{-7, 5}), sixteenBit, "declares 1 segments, expected 2");
    }

    @Test
    void decode_offsetBeyondData_corrupt() {
        byte[] data = frame(new byte[]{-7, 5});
        data[4] = (byte) 0xF0;

        assertCorrupt(data, mono8(1, 8), "offset");
    }

    @Test
    void decode_offsetInsideHeader_corrupt() {
        byte[] data = frame(new byte[]{-7, 5});
        data[4] = 8;

        assertCorrupt(data, mono8(1, 8), "offset 8 is outside");
    }

    @Test
    void decode_shorterThanHeader_corrupt() {
        assertCorrupt(new byte[10], mono8(1, 8), "shorter than its 64-byte header");
    }

    @Test
    void decode_hugeSegmentCount_corrupt() {
        byte[] data = frame(new byte[]{-7, 5});
        data[3] = (byte) 0xFF;

        assertCorrupt(data, mono8(1, 8), "segments");
    }

    @Test
    void decode_truncatedOrMutatedStreams_onlyCorruptPixelData() throws DicomException {
        ImageDescriptor d = new ImageDescriptor(23, 31, 3, 16, 16, 0, "RGB", 0);
        Random random = new Random(42);
        byte[] valid = RleLosslessEncoder.encode(blockyImage(d, random), d);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] broken = trial % 2 == 0 ? Arrays.copyOf(valid, random.nextInt(valid.length)) : valid.clone();
            if (trial % 2 == 1) {
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    broken[random.nextInt(broken.length)] = (byte) random.nextInt(256);
                }
            }
            try {
                assertEquals(d.frameByteCount(), decoder.decode(broken, d).length);
            } catch (DicomException e) {
                assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code(), e.getMessage());
            }
        }
    }

    @Test
    void decode_oneBitImage_unsupportedPixelFormat() {
        ImageDescriptor d = new ImageDescriptor(1, 8, 1, 1, 1, 0, "MONOCHROME2", 0);

        DicomException e = assertThrows(DicomException.class, () -> decoder.decode(frame(new byte[]{-7, 5}), d));

        assertEquals(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, e.code());
    }

    @Test
    void decode_inputArray_notModified() throws DicomException {
        byte[] data = frame(new byte[]{-7, 5});
        byte[] copy = data.clone();

        decoder.decode(data, mono8(1, 8));

        assertArrayEquals(copy, data);
    }

    private void assertCorrupt(byte[] data, ImageDescriptor d, String messagePart) {
        DicomException e = assertThrows(DicomException.class, () -> decoder.decode(data, d));
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    private static ImageDescriptor mono8(int rows, int columns) {
        return new ImageDescriptor(rows, columns, 1, 8, 8, 0, "MONOCHROME2", 0);
    }

    /** An RLE frame with the given raw segments, offsets in order after the 64-byte header. */
    static byte[] frame(byte[]... segments) {
        int total = 64 + Arrays.stream(segments).mapToInt(s -> s.length).sum();
        byte[] out = new byte[total];
        out[0] = (byte) segments.length;
        int offset = 64;
        for (int i = 0; i < segments.length; i++) {
            out[4 + 4 * i] = (byte) offset;
            out[5 + 4 * i] = (byte) (offset >>> 8);
            System.arraycopy(segments[i], 0, out, offset, segments[i].length);
            offset += segments[i].length;
        }
        return out;
    }

    /** Random values in runs, so both literal and replicate runs occur. */
    static byte[] blockyImage(ImageDescriptor d, Random random) {
        byte[] out = new byte[(int) d.frameByteCount()];
        int i = 0;
        while (i < out.length) {
            int run = 1 + random.nextInt(random.nextBoolean() ? 2 : 300);
            byte value = (byte) random.nextInt(256);
            for (int k = 0; k < run && i < out.length; k++) {
                out[i++] = random.nextInt(4) == 0 ? (byte) random.nextInt(256) : value;
            }
        }
        return out;
    }
}
