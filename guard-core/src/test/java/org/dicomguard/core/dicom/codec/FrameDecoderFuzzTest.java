package org.dicomguard.core.dicom.codec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.TransferSyntax;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Untrusted codestreams against every decoder: the only allowed outcomes are a frame of exactly
 * frameByteCount bytes or a DicomException with a pixel-data code. In a normal build this runs
 * the seeds under src/test/resources/org/dicomguard/core/dicom/codec/FrameDecoderFuzzTestInputs;
 * {@code JAZZER_FUZZ=1 mvn -o -pl guard-core test -Dtest=FrameDecoderFuzzTest} fuzzes for real.
 */
class FrameDecoderFuzzTest {
    private static final String[] UIDS = {TransferSyntax.RLE_LOSSLESS, TransferSyntax.JPEG_BASELINE_8BIT,
        TransferSyntax.JPEG_LOSSLESS_SV1, TransferSyntax.JPEG_2000, TransferSyntax.JPEG_LOSSLESS,
        TransferSyntax.JPEG_LS_LOSSLESS, TransferSyntax.JPEG_LS_NEAR_LOSSLESS};
    private static final Set<DicomErrorCode> ALLOWED = Set.of(DicomErrorCode.CORRUPT_PIXEL_DATA,
            DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX);

    @FuzzTest(maxDuration = "30s")
    void decode_arbitraryBytes_frameOrPixelDataError(FuzzedDataProvider data) throws DicomException {
        String uid = UIDS[data.consumeInt(0, UIDS.length - 1)];
        int bitsAllocated = data.consumeBoolean() ? 8 : 16;
        ImageDescriptor descriptor = new ImageDescriptor(data.consumeInt(1, 64), data.consumeInt(1, 64),
                data.consumeBoolean() ? 1 : 3, bitsAllocated, data.consumeInt(1, bitsAllocated),
                data.consumeInt(0, 1), "MONOCHROME2", 0);
        byte[] frame = data.consumeRemainingAsBytes();
        try {
            byte[] decoded = FrameDecoders.forTransferSyntax(uid).decode(frame, descriptor);
            assertEquals(descriptor.frameByteCount(), decoded.length);
        } catch (DicomException e) {
            assertTrue(ALLOWED.contains(e.code()), e.code() + ": " + e.getMessage());
        }
    }
}
