package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomReadLimitsTest {
    @Test
    void defaults_areWithinTheirOwnRanges() {
        DicomReadLimits d = DicomReadLimits.defaults();
        assertEquals(1L << 30, d.maxFileSizeBytes());
        assertEquals(32, d.maxSequenceDepth());
        assertEquals(1L << 28, d.maxPixelCount());
    }

    @Test
    void constructor_outOfRange_messageNamesFieldAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DicomReadLimits.defaults().withMaxSequenceDepth(0));
        assertTrue(e.getMessage().contains("maxSequenceDepth") && e.getMessage().contains("got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DicomReadLimits.defaults().withMaxFileSizeBytes(1L << 40));
        assertThrows(IllegalArgumentException.class, () -> DicomReadLimits.defaults().withMaxPixelCount(0));
        assertThrows(IllegalArgumentException.class,
                () -> new DicomReadLimits(4096, 8192, 8, 100));
    }

    @Test
    void withMaxFileSizeBytes_smallerThanValueLimit_clampsValueLimit() {
        DicomReadLimits l = DicomReadLimits.defaults().withMaxFileSizeBytes(4096);
        assertEquals(4096, l.maxValueLengthBytes());
    }
}
