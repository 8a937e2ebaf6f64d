package org.dicomguard.core.dicom.codec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JPEG 2000 decode deadline is bounded by the codestream's size, not only the declared one. */
class J2kDeadlineTest {

    @Test
    void deadlineMillis_smallCodestreamDeclaringHugeImage_isBoundedByItsBytes() {
        // The case: a 30 KB file declaring 10000 x 10000 once had a 210 s deadline and ran 145 s.
        long deadline = J2kFrameDecoder.deadlineMillis(30_000, 10_000L * 10_000);
        assertEquals(J2kFrameDecoder.BASE_TIMEOUT_MILLIS + 3_000, deadline);
    }

    @Test
    void deadlineMillis_losslessMammogram_keepsThePerPixelAllowance() {
        long pixels = 3328L * 2560;
        long deadline = J2kFrameDecoder.deadlineMillis(8_000_000, pixels);
        assertEquals(J2kFrameDecoder.BASE_TIMEOUT_MILLIS + pixels * J2kFrameDecoder.TIMEOUT_NANOS_PER_PIXEL / 1_000_000,
                deadline);
    }

    @Test
    void deadlineMillis_neverBelowTheBase() {
        assertTrue(J2kFrameDecoder.deadlineMillis(0, 0) >= J2kFrameDecoder.BASE_TIMEOUT_MILLIS);
    }
}
