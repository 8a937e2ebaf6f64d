package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecondaryCaptureWriterTest {

    @Test
    void secondaryCapture_picture_readsBackPixelForPixelInTheStudy() throws Exception {
        BufferedImage picture = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                picture.setRGB(x, y, (x * 30) << 16 | (y * 50) << 8 | (x + y));
            }
        }
        Attributes sc = new SecondaryCaptureWriter().secondaryCapture(picture, SrFixtures.prediction(0.1f, 0.2f),
                SrFixtures.mammographyHeaders("ISO_IR 100", "Müller^Jürgen", 3));
        DicomFile file = new DicomReader().read(DicomWriter.toBytes(sc));
        Attributes ds = file.dataSet();
        assertEquals(SecondaryCaptureWriter.SECONDARY_CAPTURE_SOP_CLASS_UID, ds.getString(Tag.SOPClassUID, ""));
        assertEquals(SrFixtures.STUDY_UID, ds.getString(Tag.StudyInstanceUID, ""));
        assertEquals("Müller^Jürgen", ds.getString(Tag.PatientName, ""));
        assertEquals(3, ds.getSequence(Tag.SourceImageSequence).size());
        DicomImage image = file.decodeImage();
        assertEquals(5, ds.getInt(Tag.Rows, -1));
        assertEquals(7, ds.getInt(Tag.Columns, -1));
        byte[] expected = new byte[7 * 5 * 3];
        for (int y = 0, k = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++, k += 3) {
                int rgb = picture.getRGB(x, y);
                expected[k] = (byte) (rgb >> 16);
                expected[k + 1] = (byte) (rgb >> 8);
                expected[k + 2] = (byte) rgb;
            }
        }
        assertEquals(List.of(), differences(expected, ds.getBytes(Tag.PixelData)));
        assertEquals(3, image.samplesPerPixel());
    }

    private static List<Integer> differences(byte[] expected, byte[] actual) {
        java.util.ArrayList<Integer> diff = new java.util.ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            if (i >= actual.length || expected[i] != actual[i]) {
                diff.add(i);
            }
        }
        return diff;
    }
}
