package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken codestreams for the ImageIO-based codecs: whatever the plugin throws must come out as
 * CORRUPT_PIXEL_DATA with the cause chained, never as another exception.
 */
class ImageIoCodecCorruptionTest {
    private static final String[] FIXTURES = {"mono16u16_jpeg70", "mono16u12_jpeg57", "rgb8_jpeg70",
        "rgb8_jpeg50", "corpus_SC_rgb_jpeg", "mono16s16_j2k", "rgb8_j2k", "corpus_JPEG2000"};

    @ParameterizedTest
    @ValueSource(strings = {"mono16u16_jpeg70", "mono16u12_jpeg57", "rgb8_jpeg70", "rgb8_jpeg50",
        "corpus_SC_rgb_jpeg", "mono16s16_j2k", "rgb8_j2k", "corpus_JPEG2000"})
    void decode_cutInHalf_corrupt(String name) throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named(name);
        byte[] frame = entry.frame(0);

        assertCorrupt(entry, Arrays.copyOf(frame, frame.length / 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90"})
    void decode_randomBytes_corrupt(String uid) throws DicomException {
        ImageDescriptor d = new ImageDescriptor(16, 16, 1, 8, 8, 0, "MONOCHROME2", 0);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(uid).decode(noise, d));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.90"})
    void decode_emptyFrame_corrupt(String uid) {
        ImageDescriptor d = new ImageDescriptor(16, 16, 1, 8, 8, 0, "MONOCHROME2", 0);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(uid).decode(new byte[0], d));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mono16u16_jpeg70", "rgb8_jpeg50", "mono16s16_j2k"})
    void decode_descriptorDimensionsDiffer_corruptBeforeDecoding(String name) throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named(name);
        ImageDescriptor real = entry.descriptor();
        ImageDescriptor wrong = new ImageDescriptor(real.rows() + 1, real.columns(), real.samplesPerPixel(),
                real.bitsAllocated(), real.bitsStored(), real.pixelRepresentation(),
                real.photometricInterpretation(), real.planarConfiguration());

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(entry.transferSyntaxUid()).decode(entry.frame(0), wrong));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains("header says " + real.columns() + "x" + (real.rows() + 1)), e.getMessage());
    }

    @Test
    void decode_descriptorSamplesDiffer_corrupt() throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named("rgb8_jpeg70");
        ImageDescriptor mono = new ImageDescriptor(entry.descriptor().rows(), entry.descriptor().columns(), 1, 8, 8,
                0, "MONOCHROME2", 0);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(entry.transferSyntaxUid()).decode(entry.frame(0), mono));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains("3 components, header says 1"), e.getMessage());
    }

    @Test
    void decode_codestreamDeeperThanBitsAllocated_corrupt() throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named("mono16u16_jpeg70");
        ImageDescriptor eightBit = new ImageDescriptor(entry.descriptor().rows(), entry.descriptor().columns(), 1, 8,
                8, 0, "MONOCHROME2", 0);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(entry.transferSyntaxUid()).decode(entry.frame(0), eightBit));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains("16-bit samples, header says bitsAllocated 8"), e.getMessage());
    }

    @Test
    void decode_corruptFailure_chainsCodecCause() throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named("rgb8_jpeg50");
        byte[] frame = Arrays.copyOf(entry.frame(0), 40);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(entry.transferSyntaxUid()).decode(frame, entry.descriptor()));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getCause() != null, "cause chained");
    }

    @Test
    void decode_hugeDeclaredDimensions_corruptWithoutDecoding() throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named("mono16u16_jpeg70");
        byte[] frame = entry.frame(0);
        int sof = indexOfMarker(frame, (byte) 0xC3);
        // SOF3: length(2) precision(1) height(2) width(2); declare 65535 x 65535
        Arrays.fill(frame, sof + 5, sof + 9, (byte) 0xFF);

        assertCorrupt(entry, frame);
    }

    @Test
    void decode_seededMutations_onlyCorruptPixelDataOrCorrectSize() throws DicomException {
        Random random = new Random(1234);
        for (String name : FIXTURES) {
            CodecFixtures.Entry entry = CodecFixtures.named(name);
            FrameDecoder decoder = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid());
            byte[] valid = entry.frame(0);
            for (int trial = 0; trial < 15; trial++) {
                byte[] broken = valid.clone();
                for (int flips = 1 + random.nextInt(8); flips > 0; flips--) {
                    broken[random.nextInt(Math.min(broken.length, 400))] = (byte) random.nextInt(256);
                }
                try {
                    assertEquals(entry.descriptor().frameByteCount(), decoder.decode(broken, entry.descriptor()).length);
                } catch (DicomException e) {
                    assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code(), name + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void decode_thirtyTwoBitJpegLossless_unsupportedPixelFormat() {
        ImageDescriptor d = new ImageDescriptor(4, 4, 1, 32, 32, 0, "MONOCHROME2", 0);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(TransferSyntax.JPEG_LOSSLESS_SV1).decode(new byte[16], d));

        assertEquals(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, e.code());
    }

    private static void assertCorrupt(CodecFixtures.Entry entry, byte[] frame) throws DicomException {
        FrameDecoder decoder = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid());

        DicomException e = assertThrows(DicomException.class, () -> decoder.decode(frame, entry.descriptor()));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code(), e.getMessage());
    }

    private static int indexOfMarker(byte[] data, byte marker) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }
}
