package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Native (uncompressed) layouts found in archives: trailing zero padding, 8-bit OW big endian. */
class NativeReadingFixesTest {
    private static final byte[] PIXELS = {1, 2, 3, 4, 5, 6};

    private static RawDicom sixPixels() {
        return RawDicom.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).imageModule(2, 3, 1, 8)
                .header(Tag.PixelData, "OB", PIXELS.length).raw(PIXELS);
    }

    @Test
    void read_zeroPaddingAfterLastElement_isAccepted() throws Exception {
        byte[] padded = sixPixels().raw(new byte[2048 + 3]).bytes();
        DicomImage image = new DicomReader().read(padded).decodeImage();
        assertArrayEquals(PIXELS, ((PixelSamples.Bytes) image.samples()).values());
    }

    @Test
    void readHeader_zeroPaddingAfterLastElement_isAccepted() throws Exception {
        byte[] padded = RawDicom.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).us(Tag.Rows, 2)
                .raw(new byte[100_000]).bytes();
        assertEquals(2, new DicomReader().readHeader(padded).dataSet().getInt(Tag.Rows, 0));
    }

    @Test
    void read_nonZeroByteAfterZeroPadding_isStillRefused() {
        byte[] padded = sixPixels().raw(new byte[64]).bytes();
        padded[padded.length - 5] = 7;
        DicomException x = org.junit.jupiter.api.Assertions.assertThrows(DicomException.class,
                () -> new DicomReader().read(padded));
        assertEquals(true, x.code() == DicomErrorCode.INVALID_STRUCTURE || x.code() == DicomErrorCode.TRUNCATED,
                x.code().toString());
    }

    @Test
    void decodeImage_eightBitOwBigEndian_undoesTheWordSwap() throws Exception {
        // Written by dcmtk (dcmconv +tb) from an Explicit VR Little Endian OW file holding 1..6:
        // the value bytes on disk are 02 01 04 03 06 05, dcmdump shows OW 0201\0403\0605.
        Path file = Path.of(getClass().getResource("/conformance/ow8_big_endian_dcmconv.dcm").toURI());
        DicomImage image = new DicomReader().read(file).decodeImage();
        assertArrayEquals(PIXELS, ((PixelSamples.Bytes) image.samples()).values(),
                Arrays.toString(((PixelSamples.Bytes) image.samples()).values()));
    }
}
