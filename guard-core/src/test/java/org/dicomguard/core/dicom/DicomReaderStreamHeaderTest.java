package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DicomReader#readHeader(InputStream, long)} against {@link DicomReader#readHeader(Path)}. */
class DicomReaderStreamHeaderTest {

    private final DicomReader reader = new DicomReader();

    @Test
    void readHeaderStream_everyCorpusFile_sameHeaderOrSameCodeAsThePathRead() throws IOException {
        Path folder = PydicomCorpusTest.corpus("CT_small.dcm").getParent();
        int compared = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.dcm")) {
            for (Path file : files) {
                byte[] bytes = Files.readAllBytes(file);
                String byPath = describe(() -> reader.readHeader(file));
                String byStream = describe(() -> reader.readHeader(new ByteArrayInputStream(bytes), bytes.length));
                assertEquals(byPath, byStream, file.getFileName().toString());
                compared++;
            }
        }
        assertTrue(compared > 40, "corpus files compared: " + compared);
    }

    @Test
    void readHeaderStream_largePixelData_readsOnlyTheHeaderPrefix() throws Exception {
        Attributes dataSet = Attributes.builder()
                .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4")
                .putString(Tag.StudyInstanceUID, VR.UI, "1.2.3")
                .putInts(Tag.Rows, VR.US, 512).putInts(Tag.Columns, VR.US, 512)
                .putInts(Tag.BitsAllocated, VR.US, 16)
                .putPixelData(new short[512 * 512]).build();
        Path file = Files.createTempFile("stream-header", ".dcm");
        DicomWriter.write(file, dataSet);
        byte[] bytes = Files.readAllBytes(file);
        int[] served = {0};
        InputStream counting = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                served[0] += Math.max(n, 0);
                return n;
            }
        };
        DicomFile header = reader.readHeader(counting, bytes.length);
        assertEquals("1.2.3", header.dataSet().getString(Tag.StudyInstanceUID).orElseThrow());
        assertTrue(header.isHeaderOnly());
        assertTrue(served[0] <= 16 * 1024, "bytes read for the header: " + served[0] + " of " + bytes.length);
        Files.delete(file);
    }

    private interface Read {
        DicomFile run() throws DicomException;
    }

    private static String describe(Read read) {
        try {
            Attributes a = read.run().dataSet();
            StringBuilder s = new StringBuilder();
            for (int tag : a.tags()) {
                s.append(Integer.toHexString(tag)).append('=').append(Arrays.toString(a.getBytes(tag))).append(';');
            }
            return s.toString();
        } catch (DicomException e) {
            return "error " + e.code();
        }
    }
}
