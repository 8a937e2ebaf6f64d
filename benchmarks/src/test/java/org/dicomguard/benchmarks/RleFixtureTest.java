package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.TransferSyntax;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.dicom.codec.RleLosslessEncoder;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The RLE fixture path must decode, through guard-core's reader, to exactly the pixels encoded. */
class RleFixtureTest {

    @Test
    void encapsulated_runsLiteralsAndLongRows_roundTripThroughDicomReader() throws Exception {
        int rows = 37;
        int columns = 301; // odd, longer than one 128-byte PackBits packet
        short[] stored = new short[rows * columns];
        Random random = new Random(3);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int i = r * columns + c;
                if (r % 3 == 0) {
                    stored[i] = (short) 1000;                    // long replicate runs
                } else if (r % 3 == 1) {
                    stored[i] = (short) random.nextInt(65536);   // literals, high bit set sometimes
                } else {
                    stored[i] = (short) ((c / 2) * 257);         // runs of two
                }
            }
        }
        Attributes ds = Attributes.builder()
                .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, VR.UI, "2.25.1")
                .putImagePixelModule(ImageDescriptor.monochrome(rows, columns, 16, 16, 0, "MONOCHROME2"))
                .build();

        byte[] file = BenchmarkFixtures.encapsulated(ds, RleLosslessEncoder.encode16(stored, rows, columns));
        var read = new DicomReader().read(file);
        DicomImage image = read.decodeImage();

        assertEquals(TransferSyntax.RLE_LOSSLESS, read.transferSyntaxUid());
        float[] decoded = new float[rows * columns];
        image.copyFrameTo(0, decoded, false);
        float[] expected = new float[rows * columns];
        for (int i = 0; i < stored.length; i++) {
            expected[i] = stored[i] & 0xFFFF;
        }
        assertArrayEquals(expected, decoded);
    }
}
