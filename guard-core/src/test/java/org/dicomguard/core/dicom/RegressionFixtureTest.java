package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Inputs that once broke the reader, each named after what it breaks. */
class RegressionFixtureTest {

    /**
     * GDCMJ2K_TextGBR.dcm (pydicom corpus) with four bytes of packet data set to FF FF FF 7F, found
     * by DicomReaderFuzzTest: jj2000 looped forever reading ones past the end of the codestream.
     * The bound is a correctness bound (a hang), not a speed measurement.
     */
    @Test
    void decode_j2kEndlessPacketHeader_isCorruptWithinBound() throws Exception {
        Path file = Path.of(getClass().getResource("/regression/j2k-endless-packet-header.dcm").toURI());
        DicomFile dicom = new DicomReader().read(file);
        DicomException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(DicomException.class, dicom::decodeImage));
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
    }
}
