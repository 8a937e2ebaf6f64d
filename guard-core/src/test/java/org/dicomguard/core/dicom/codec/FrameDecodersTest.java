package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.TransferSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every codec against the fixtures of codec-fixtures.json, plus the registry's refusals. */
class FrameDecodersTest {

    static Stream<CodecFixtures.Entry> lossless() {
        return CodecFixtures.all().stream().filter(e -> !e.pixelSha256().isEmpty());
    }

    static Stream<CodecFixtures.Entry> lossy() {
        return CodecFixtures.all().stream().filter(e -> e.meanPerChannel().length > 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossless")
    void decode_losslessFixture_matchesOriginalSha256(CodecFixtures.Entry entry) throws DicomException {
        FrameDecoder decoder = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid(), entry.descriptor());

        List<byte[]> frames = decodeAll(decoder, entry);

        assertEquals(entry.pixelSha256(), CodecFixtures.sha256Hex(frames), entry.name());
        assertEquals(entry.decodedPhotometricInterpretation(),
                decoder.decodedPhotometricInterpretation(entry.descriptor()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossy")
    void decode_lossyFixture_meansCloseToReferenceDecoder(CodecFixtures.Entry entry) throws DicomException {
        FrameDecoder decoder = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid(), entry.descriptor());

        List<byte[]> frames = decodeAll(decoder, entry);

        double[] means = channelMeans(frames, entry.descriptor());
        for (int c = 0; c < means.length; c++) {
            assertEquals(entry.meanPerChannel()[c], means[c], entry.meanTolerance(), entry.name() + " channel " + c);
        }
        assertEquals(entry.decodedPhotometricInterpretation(),
                decoder.decodedPhotometricInterpretation(entry.descriptor()));
    }

    @Test
    void decode_rgbJpegLosslessAndRle_sameImageSameBytes() throws DicomException {
        CodecFixtures.Entry rle = CodecFixtures.named("rgb8_rle");
        CodecFixtures.Entry jpeg = CodecFixtures.named("rgb8_jpeg70");

        byte[] fromRle = FrameDecoders.forTransferSyntax(rle.transferSyntaxUid()).decode(rle.frame(0), rle.descriptor());
        byte[] fromJpeg = FrameDecoders.forTransferSyntax(jpeg.transferSyntaxUid())
                .decode(jpeg.frame(0), jpeg.descriptor());

        assertArrayEquals(fromRle, fromJpeg);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.100",
            "1.2.840.10008.1.2.1", "1.2.3.4", ""})
    void forTransferSyntax_unsupportedUid_refusedNamingUid(String uid) {
        DicomException e = assertThrows(DicomException.class, () -> FrameDecoders.forTransferSyntax(uid));

        assertEquals(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX, e.code());
        assertTrue(e.getMessage().contains("unsupported transfer syntax " + uid), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.4.201", "1.2.840.10008.1.2.4.202", "1.2.840.10008.1.2.4.203"})
    void forTransferSyntax_htj2k_refusedWithItsOwnCode(String uid) {
        DicomException e = assertThrows(DicomException.class, () -> FrameDecoders.forTransferSyntax(uid));

        assertEquals(DicomErrorCode.UNSUPPORTED_HTJ2K, e.code());
        assertTrue(e.getMessage().contains(uid), e.getMessage());
    }

    /**
     * pydicom's JPGExtended.dcm (12-bit monochrome, process 4) through the own sequential DCT
     * decoder. Reference: dcmtk 3.6 {@code dcmdjpeg JPGExtended.dcm out.dcm}, hashed like
     * pixelSha256 by make_corpus.stored_values_sha.
     */
    @Test
    void decode_twelveBitJpegExtended_equalsDcmdjpeg() throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named("corpus_JPGExtended");
        FrameDecoder decoder = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid(), entry.descriptor());

        byte[] decoded = decoder.decode(entry.frame(0), entry.descriptor());

        assertEquals("d30242775a414c01d616447854ebe3f2b20259822894bcd6891f879bcdcbf313",
                CodecFixtures.sha256Hex(List.of(decoded)));
    }

    @Test
    void forTransferSyntax_twelveBitColourJpegExtended_refusedUpFront() {
        ImageDescriptor colour = new ImageDescriptor(8, 8, 3, 16, 12, 0, "RGB", 0);

        DicomException e = assertThrows(DicomException.class,
                () -> FrameDecoders.forTransferSyntax(TransferSyntax.JPEG_EXTENDED_12BIT, colour));

        assertEquals(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX, e.code());
        assertTrue(e.getMessage().contains("1.2.840.10008.1.2.4.51"), e.getMessage());
    }

    @Test
    void table_everyUidOnce_eachDecodedOrRefusedWithACode() {
        List<FrameDecoders.Entry> table = FrameDecoders.table();

        assertEquals(table.size(), table.stream().map(FrameDecoders.Entry::uid).distinct().count());
        for (FrameDecoders.Entry row : table) {
            assertTrue(row.uid().startsWith("1.2.840.10008.1.2."), row.uid());
            assertTrue(row.decoder() != null ^ row.refusal() != null, row.uid());
        }
    }

    @Test
    void forTransferSyntax_eightBitJpegExtended_decodedAsBaseline() throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named("rgb8_jpeg50");

        byte[] viaExtended = FrameDecoders.forTransferSyntax(TransferSyntax.JPEG_EXTENDED_12BIT, entry.descriptor())
                .decode(entry.frame(0), entry.descriptor());

        assertArrayEquals(FrameDecoders.forTransferSyntax(TransferSyntax.JPEG_BASELINE_8BIT)
                .decode(entry.frame(0), entry.descriptor()), viaExtended);
    }

    static List<byte[]> decodeAll(FrameDecoder decoder, CodecFixtures.Entry entry) throws DicomException {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < entry.frameFiles().size(); i++) {
            byte[] decoded = decoder.decode(entry.frame(i), entry.descriptor());
            assertEquals(entry.descriptor().frameByteCount(), decoded.length, entry.name() + " frame " + i);
            frames.add(decoded);
        }
        return frames;
    }

    /** Means of the stored values, sign per PixelRepresentation, per sample. */
    static double[] channelMeans(List<byte[]> frames, ImageDescriptor d) {
        int samples = d.samplesPerPixel();
        double[] sums = new double[samples];
        long count = 0;
        for (byte[] frame : frames) {
            int bytes = d.bytesPerSample();
            for (int i = 0, s = 0; i < frame.length; i += bytes, s = (s + 1) % samples) {
                int value = bytes == 1 ? frame[i] & 0xFF : (frame[i] & 0xFF) | (frame[i + 1] & 0xFF) << 8;
                if (bytes == 2 && d.pixelRepresentation() == 1) {
                    value = (short) value;
                } else if (bytes == 1 && d.pixelRepresentation() == 1) {
                    value = (byte) value;
                }
                sums[s] += value;
                if (s == 0) {
                    count++;
                }
            }
        }
        for (int s = 0; s < samples; s++) {
            sums[s] /= count;
        }
        return sums;
    }
}
