package org.dicomguard.core.dicom;

import org.dicomguard.core.dicom.codec.ImageDescriptor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed and hostile inputs: each must give its stable code, never another exception. */
class DicomReaderHostileInputTest {
    private static final String EXPLICIT = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    private final DicomReader reader = new DicomReader();

    private DicomException readFails(byte[] bytes, DicomErrorCode expected) {
        DicomException e = assertThrows(DicomException.class, () -> reader.read(bytes).decodeImage());
        assertEquals(expected, e.code(), e.getMessage());
        return e;
    }

    @Test
    void read_zeroBytes_isNotDicom() {
        readFails(new byte[0], DicomErrorCode.NOT_DICOM);
    }

    @Test
    void read_pngBytes_isNotDicom() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        readFails(png, DicomErrorCode.NOT_DICOM);
    }

    @Test
    void read_lengthFFFFFFF0_isTruncatedNamingTagAndOffset() {
        byte[] bytes = RawDicom.part10(EXPLICIT).text(Tag.Modality, "CS", "MG")
                .header(Tag.PixelData, "OB", 0xFFFFFFF0L).raw(new byte[16]).bytes();
        DicomException e = readFails(bytes, DicomErrorCode.TRUNCATED);
        assertTrue(e.getMessage().contains("PixelData (7FE0,0010)"), e.getMessage());
        assertTrue(e.getMessage().contains("offset"), e.getMessage());
        assertTrue(e.getMessage().contains("4294967280"), e.getMessage());
    }

    @Test
    void read_declaredLengthBeyondFile_isTruncated() {
        byte[] bytes = RawDicom.part10(EXPLICIT).header(Tag.InstitutionName, "LO", 200).raw(new byte[10]).bytes();
        DicomException e = readFails(bytes, DicomErrorCode.TRUNCATED);
        assertTrue(e.getMessage().contains("InstitutionName (0008,0080)"), e.getMessage());
    }

    @Test
    void read_valueAboveMaxValueLength_isLimitExceeded() {
        DicomReader strict = new DicomReader(DicomReadLimits.defaults().withMaxValueLengthBytes(1000));
        byte[] bytes = RawDicom.part10(EXPLICIT).header(Tag.PixelData, "OB", 2000).raw(new byte[2000]).bytes();
        DicomException e = assertThrows(DicomException.class, () -> strict.read(bytes));
        assertEquals(DicomErrorCode.LIMIT_EXCEEDED, e.code());
    }

    @Test
    void read_fileAboveMaxFileSize_isLimitExceededBeforeReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.dcm");
        Files.write(file, new byte[4096]);
        DicomReader strict = new DicomReader(DicomReadLimits.defaults().withMaxFileSizeBytes(2048));
        DicomException e = assertThrows(DicomException.class, () -> strict.read(file));
        assertEquals(DicomErrorCode.LIMIT_EXCEEDED, e.code());
        assertEquals(DicomErrorCode.LIMIT_EXCEEDED, assertThrows(DicomException.class,
                () -> strict.readHeader(file)).code());
    }

    @Test
    void read_nestingBeyondMaxSequenceDepth_isLimitExceeded() {
        readFails(nested(33), DicomErrorCode.LIMIT_EXCEEDED);
        DicomException e = readFails(nested(100_000), DicomErrorCode.LIMIT_EXCEEDED); // no StackOverflowError
        assertTrue(e.getMessage().contains("maxSequenceDepth=32"), e.getMessage());
    }

    @Test
    void read_nestingAtMaxSequenceDepth_reads() throws DicomException {
        Attributes a = reader.read(nested(32)).dataSet();
        assertEquals(1, a.getSequence(Tag.ContentSequence).size());
    }

    private static byte[] nested(int depth) {
        RawDicom raw = RawDicom.part10(EXPLICIT);
        for (int i = 0; i < depth; i++) {
            raw.header(Tag.ContentSequence, "SQ", 0xFFFFFFFFL).item(Tag.Item, 0xFFFFFFFFL);
        }
        for (int i = 0; i < depth; i++) {
            raw.item(Tag.ItemDelimitationItem, 0).item(Tag.SequenceDelimitationItem, 0);
        }
        return raw.bytes();
    }

    @Test
    void read_undefinedSequenceWithoutDelimiter_isTruncated() {
        byte[] bytes = RawDicom.part10(EXPLICIT).header(Tag.ContentSequence, "SQ", 0xFFFFFFFFL)
                .item(Tag.Item, 0xFFFFFFFFL).text(Tag.CodeValue, "SH", "X").bytes();
        readFails(bytes, DicomErrorCode.TRUNCATED);
    }

    @Test
    void read_undefinedLengthOnNonSequence_isInvalidLength() {
        byte[] bytes = RawDicom.part10(EXPLICIT).header(Tag.InstitutionName, "UT", 0xFFFFFFFFL).raw(new byte[8]).bytes();
        readFails(bytes, DicomErrorCode.INVALID_LENGTH);
    }

    @Test
    void read_itemLongerThanItsSequence_isInvalidLength() {
        byte[] bytes = RawDicom.part10(EXPLICIT).header(Tag.ContentSequence, "SQ", 16).item(Tag.Item, 40)
                .raw(new byte[40]).bytes();
        readFails(bytes, DicomErrorCode.INVALID_LENGTH);
    }

    @Test
    void read_invalidVrBytes_isInvalidStructure() {
        // A valid first element: an invalid VR there would make the reader fall back to Implicit VR.
        byte[] bytes = RawDicom.part10(EXPLICIT).text(Tag.Modality, "CS", "MG").tag(Tag.InstitutionName)
                .raw(new byte[] {'x', '1', 2, 0, 'A', 'B'}).bytes();
        readFails(bytes, DicomErrorCode.INVALID_STRUCTURE);
    }

    @Test
    void decodeImage_billionsOfDeclaredPixels_isLimitExceededBeforeAllocation() {
        byte[] bytes = RawDicom.part10(EXPLICIT).imageModule(65535, 65535, 100_000, 16)
                .header(Tag.PixelData, "OW", 4).raw(new byte[4]).bytes();
        DicomException e = readFails(bytes, DicomErrorCode.LIMIT_EXCEEDED);
        assertTrue(e.getMessage().contains("maxPixelCount"), e.getMessage());
    }

    @Test
    void decodeImage_pixelDataShorterThanImage_isCorruptPixelData() {
        byte[] bytes = RawDicom.part10(EXPLICIT).imageModule(4, 4, 1, 16)
                .header(Tag.PixelData, "OW", 30).raw(new byte[30]).bytes();
        readFails(bytes, DicomErrorCode.CORRUPT_PIXEL_DATA);
    }

    @Test
    void decodeImage_missingRows_isUnsupportedPixelFormat() {
        byte[] bytes = RawDicom.part10(EXPLICIT).us(Tag.Columns, 2).us(Tag.BitsAllocated, 8)
                .header(Tag.PixelData, "OB", 4).raw(new byte[4]).bytes();
        DicomException e = readFails(bytes, DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT);
        assertTrue(e.getMessage().contains("Rows (0028,0010)"), e.getMessage());
    }

    @Test
    void decodeImage_bitsAllocated12_isUnsupportedPixelFormat() {
        byte[] bytes = RawDicom.part10(EXPLICIT).imageModule(2, 2, 1, 12)
                .header(Tag.PixelData, "OB", 6).raw(new byte[6]).bytes();
        readFails(bytes, DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT);
    }

    @Test
    void read_deflatedBombAboveMaxFileSize_isLimitExceeded() throws DicomException {
        byte[] body = new RawDicom().header(Tag.PixelData, "OB", 1 << 20).raw(new byte[1 << 20]).bytes();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(body);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        while (!deflater.finished()) {
            compressed.write(chunk, 0, deflater.deflate(chunk));
        }
        deflater.end();
        byte[] file = RawDicom.part10(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .raw(compressed.toByteArray()).bytes();
        assertTrue(file.length < 4096, "compresses well: " + file.length);

        DicomReader strict = new DicomReader(DicomReadLimits.defaults().withMaxFileSizeBytes(64 * 1024));
        assertEquals(DicomErrorCode.LIMIT_EXCEEDED, assertThrows(DicomException.class, () -> strict.read(file)).code());
        assertEquals(1 << 20, reader.read(file).dataSet().getBytes(Tag.PixelData).length);
    }

    @Test
    void read_truncatedDeflateStream_isTruncated() {
        byte[] file = RawDicom.part10(TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN)
                .raw(new byte[] {0x0B, 0x49}).bytes();
        readFails(file, DicomErrorCode.TRUNCATED);
    }

    @Test
    void readHeader_truncatedPixelData_stillGivesHeader() throws DicomException {
        DicomFile header = reader.readHeader(PydicomCorpusTest.corpus("MR_truncated.dcm"));
        assertEquals("MR", header.dataSet().getString(Tag.Modality).orElseThrow());
    }

    @Test
    void readHeader_headerLongerThanTheFirstChunks_readsOnUntilPixelData(@TempDir Path dir) throws Exception {
        // 300 KB of header: longer than the first chunk and its first fourfold growth.
        byte[] longValue = new byte[300_000];
        java.util.Arrays.fill(longValue, (byte) 7);
        Attributes ds = Attributes.builder()
                .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, VR.UI, "2.25.1")
                .putString(Tag.StudyInstanceUID, VR.UI, "2.25.2")
                .putBytes(0x00091010, VR.OB, longValue)
                .putImagePixelModule(ImageDescriptor.monochrome(2, 2, 16, 12, 0, "MONOCHROME2"))
                .putPixelData(new short[] {1, 2, 3, 4})
                .build();
        Path file = dir.resolve("long-header.dcm");
        DicomWriter.write(file, ds);
        DicomFile header = reader.readHeader(file);
        assertTrue(header.isHeaderOnly());
        assertEquals("2.25.2", header.dataSet().getString(Tag.StudyInstanceUID).orElseThrow());
        assertEquals(longValue.length, header.dataSet().element(0x00091010).orElseThrow().valueLength);
        assertTrue(!header.hasPixelData());
    }
}
