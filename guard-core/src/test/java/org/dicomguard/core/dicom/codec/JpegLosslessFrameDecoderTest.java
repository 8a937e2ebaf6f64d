package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class JpegLosslessFrameDecoderTest {
    private static final ImageDescriptor SIX_BY_SIXTEEN = new ImageDescriptor(6, 16, 1, 8, 8, 0, "MONOCHROME2", 0);

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = JpegLosslessFrameDecoderTest.class.getResourceAsStream("/conformance/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decode_fillByteBeforeEndOfImage_keepsLastSample() throws Exception {
        // dcmcjpeg +e1 of a 6x16 8-bit image; the stream ends ... 56 FF FF D9 (a fill byte before EOI).
        // TwelveMonkeys decoded the last sample as 0; the encoder's input has 144 there.
        byte[] stream = resource("fill_before_eoi_dcmcjpeg.jpeg");
        byte[] original = resource("fill_before_eoi_original.raw");
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xD9},
                Arrays.copyOfRange(stream, stream.length - 3, stream.length));

        byte[] decoded = new JpegLosslessFrameDecoder().decode(stream, SIX_BY_SIXTEEN);

        assertEquals(144, decoded[decoded.length - 1] & 0xFF);
        assertArrayEquals(original, decoded);
    }

    @Test
    void decode_streamCutBeforeLastSamples_corruptNotMadeUp() throws Exception {
        byte[] stream = resource("fill_before_eoi_dcmcjpeg.jpeg");
        byte[] cut = Arrays.copyOf(stream, stream.length - 12);

        DicomException e = assertThrows(DicomException.class,
                () -> new JpegLosslessFrameDecoder().decode(cut, SIX_BY_SIXTEEN));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
    }

    @Test
    void decode_frameLargerThanHeader_corruptBeforeAllocating() throws Exception {
        byte[] stream = resource("fill_before_eoi_dcmcjpeg.jpeg");
        ImageDescriptor smaller = new ImageDescriptor(5, 16, 1, 8, 8, 0, "MONOCHROME2", 0);

        DicomException e = assertThrows(DicomException.class,
                () -> new JpegLosslessFrameDecoder().decode(stream, smaller));

        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
    }
}
