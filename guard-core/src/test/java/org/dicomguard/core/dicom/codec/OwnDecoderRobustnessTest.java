package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged codestreams against our own JPEG Lossless, JPEG-LS and 12-bit sequential DCT decoders:
 * flipped bytes, cuts, inserted 0xFF bytes. Each must decode to exactly frameByteCount bytes or
 * fail with CORRUPT_PIXEL_DATA (or, for 12-bit JPEG whose frame header was turned into another
 * process, UNSUPPORTED_TRANSFER_SYNTAX); never another exception (index out of bounds,
 * arithmetic) and never a hang.
 */
class OwnDecoderRobustnessTest {
    private static final int MUTATIONS = 250;

    @ParameterizedTest
    @ValueSource(strings = {"mono16u12_jpeg57", "mono16u16_jpeg70", "rgb8_jpeg70", "corpus_MR_small_jpeg_ls_lossless",
        "corpus_JPGExtended"})
    void decode_mutatedCodestream_frameOrCorrupt(String name) throws DicomException {
        CodecFixtures.Entry entry = CodecFixtures.named(name);
        FrameDecoder decoder = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid());
        byte[] original = entry.frame(0);
        Random random = new Random(name.hashCode());
        int corrupt = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            byte[] mutated = mutate(original, random);
            try {
                byte[] decoded = decoder.decode(mutated, entry.descriptor());
                assertEquals(entry.descriptor().frameByteCount(), decoded.length);
            } catch (DicomException e) {
                boolean otherProcess = e.code() == DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX
                        && entry.descriptor().bitsStored() > 8;
                assertTrue(e.code() == DicomErrorCode.CORRUPT_PIXEL_DATA || otherProcess, e.code() + ": " + e.getMessage());
                corrupt++;
            }
        }
        assertTrue(corrupt > 0, "some of " + MUTATIONS + " mutations must be detected");
    }

    private static byte[] mutate(byte[] original, Random random) {
        switch (random.nextInt(3)) {
            case 0 -> {
                byte[] out = original.clone();
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                return out;
            }
            case 1 -> {
                return Arrays.copyOf(original, random.nextInt(original.length));
            }
            default -> {
                int at = random.nextInt(original.length);
                byte[] out = new byte[original.length + 2];
                System.arraycopy(original, 0, out, 0, at);
                out[at] = (byte) 0xFF;
                out[at + 1] = (byte) random.nextInt(256);
                System.arraycopy(original, at, out, at + 2, original.length - at);
                return out;
            }
        }
    }
}
