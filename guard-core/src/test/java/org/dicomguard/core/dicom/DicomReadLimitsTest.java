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

    @Test
    void builder_namedLimits_equalThePositionalRecord() {
        DicomReadLimits built = DicomReadLimits.builder().maxFileSizeBytes(1 << 20).maxValueLengthBytes(1 << 19)
                .maxSequenceDepth(8).maxPixelCount(1 << 22).maxDecodedBytesPerFile(1 << 24)
                .maxDecodedBytesPerStudy(1 << 25).build();
        assertEquals(new DicomReadLimits(1 << 20, 1 << 19, 8, 1 << 22, 1 << 24, 1 << 25), built);
    }

    @Test
    void builder_limitSetTwice_namesTheLimitAndTheFirstValue() {
        DicomReadLimitsBuilder b = DicomReadLimits.builder().maxSequenceDepth(32);
        assertEquals("maxSequenceDepth was already set to 32",
                assertThrows(IllegalStateException.class, () -> b.maxSequenceDepth(16)).getMessage());
    }

    @Test
    void builder_outOfRangeOrConflicting_refusedWhereSetNamingBothLimits() {
        assertEquals("maxPixelCount must be in [1, " + DicomReadLimits.MAX_ARRAY_LENGTH + "], got 0",
                assertThrows(IllegalArgumentException.class, () -> DicomReadLimits.builder().maxPixelCount(0))
                        .getMessage());
        DicomReadLimitsBuilder b = DicomReadLimits.builder().maxFileSizeBytes(4096);
        assertEquals("maxValueLengthBytes=8192 exceeds maxFileSizeBytes=4096",
                assertThrows(IllegalArgumentException.class, () -> b.maxValueLengthBytes(8192)).getMessage());
        DicomReadLimitsBuilder budgets = DicomReadLimits.builder().maxDecodedBytesPerStudy(1 << 20);
        assertEquals("maxDecodedBytesPerFile=2097152 exceeds maxDecodedBytesPerStudy=1048576",
                assertThrows(IllegalArgumentException.class, () -> budgets.maxDecodedBytesPerFile(1 << 21))
                        .getMessage());
    }

    @Test
    void build_conflictWithInheritedLimit_namesWhereItCameFrom() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DicomReadLimits.defaults().toBuilder().maxFileSizeBytes(4096).build());
        assertEquals("maxValueLengthBytes=" + (1L << 30) + " (from the starting limits) exceeds maxFileSizeBytes=4096",
                e.getMessage());
    }
}
