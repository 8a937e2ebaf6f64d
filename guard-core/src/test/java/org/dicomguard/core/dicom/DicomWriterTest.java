package org.dicomguard.core.dicom;

import org.dicomguard.core.dicom.codec.ImageDescriptor;

import org.dicomguard.core.json.StrictJson;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomWriterTest {
    private final DicomReader reader = new DicomReader();

    static AttributesBuilder header(int rows, int columns, int frames, int samples, int bitsAllocated,
                                    int pixelRepresentation, String photometric) {
        return Attributes.builder()
                .putString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192")
                .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.1.2")
                .putString(Tag.SOPInstanceUID, VR.UI, "2.25.1234")
                .putString(Tag.StudyInstanceUID, VR.UI, "2.25.42")
                .putString(Tag.Modality, VR.CS, "MG")
                .putInts(Tag.NumberOfFrames, VR.IS, frames)
                .putImagePixelModule(new ImageDescriptor(rows, columns, samples, bitsAllocated,
                        bitsAllocated == 16 ? 12 : bitsAllocated, pixelRepresentation, photometric, 0));
    }

    @Test
    void toBytesWithSyntax_rle_declaredInTheMetaGroupDataSetUnchanged() throws DicomException {
        Attributes data = header(2, 2, 1, 1, 16, 0, "MONOCHROME2").build();

        byte[] explicit = DicomWriter.toBytes(data);
        byte[] rle = DicomWriter.toBytes(data, TransferSyntax.RLE_LOSSLESS);

        assertEquals(TransferSyntax.RLE_LOSSLESS, reader.readHeader(new java.io.ByteArrayInputStream(rle), rle.length)
                .transferSyntaxUid());
        // Both UIDs pad to 20 bytes: same length, and the data set after the meta group is the same.
        assertEquals(explicit.length, rle.length);
        int dataSetStart = 144 + ByteBuffer.wrap(rle, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertArrayEquals(java.util.Arrays.copyOfRange(explicit, dataSetStart, explicit.length),
                java.util.Arrays.copyOfRange(rle, dataSetStart, rle.length));
    }

    @Test
    void toBytesWithSyntax_implicitVr_refused() {
        Attributes data = header(2, 2, 1, 1, 16, 0, "MONOCHROME2").build();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DicomWriter.toBytes(data, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN));
        assertTrue(e.getMessage().contains("Explicit VR Little Endian"), e.getMessage());
    }

    @Test
    void putImagePixelModule_sameBytesAsTheAttributesPutOneByOne() {
        // The writers it replaced (synthetic packs, test fixtures, benchmarks, the Secondary Capture)
        // put these attributes one by one; their files must not change by a byte.
        Attributes oneByOne = Attributes.builder()
                .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, VR.UI, "2.25.7")
                .putInts(Tag.SamplesPerPixel, VR.US, 3)
                .putString(Tag.PhotometricInterpretation, VR.CS, "RGB")
                .putInts(Tag.PlanarConfiguration, VR.US, 0)
                .putInts(Tag.Rows, VR.US, 300)
                .putInts(Tag.Columns, VR.US, 7)
                .putInts(Tag.BitsAllocated, VR.US, 16)
                .putInts(Tag.BitsStored, VR.US, 12)
                .putInts(Tag.HighBit, VR.US, 11)
                .putInts(Tag.PixelRepresentation, VR.US, 1)
                .build();
        Attributes module = Attributes.builder()
                .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7")
                .putString(Tag.SOPInstanceUID, VR.UI, "2.25.7")
                .putImagePixelModule(new ImageDescriptor(300, 7, 3, 16, 12, 1, "RGB", 0))
                .build();

        assertArrayEquals(DicomWriter.toBytes(oneByOne), DicomWriter.toBytes(module));
    }

    @Test
    void putImagePixelModule_singleSample_noPlanarConfiguration() {
        Attributes a = Attributes.builder()
                .putImagePixelModule(ImageDescriptor.monochrome(4, 5, 8, 8, 0, "MONOCHROME1")).build();

        assertFalse(a.contains(Tag.PlanarConfiguration));
        assertEquals(7, a.getInt(Tag.HighBit).orElseThrow());
        assertEquals("MONOCHROME1", a.getString(Tag.PhotometricInterpretation).orElseThrow());
    }

    @Test
    void write_headerWithSequencesAndUtf8_readsBackEqual() throws DicomException {
        AttributesBuilder builder = header(4, 3, 1, 1, 16, 1, "MONOCHROME2");
        Attributes inner = builder.itemBuilder().putString(Tag.CodeValue, VR.SH, "T-04000").build();
        Attributes item = builder.itemBuilder()
                .putString(Tag.CodeMeaning, VR.LO, "Brust links ä")
                .putSequence(Tag.AnatomicRegionSequence, List.of(inner))
                .build();
        Attributes data = builder
                .putString(Tag.PatientName, VR.PN, "Müller^Jürgen")
                .putString(Tag.BodyPartExamined, VR.CS, "BREAST")
                .putString(Tag.ViewPosition, VR.CS, "CC")
                .putDoubles(Tag.PixelSpacing, VR.DS, 0.07, 0.0700000001)
                .putDoubles(Tag.RescaleSlope, VR.DS, 1.0 / 3.0)
                .putSequence(Tag.ViewCodeSequence, List.of(item, Attributes.builder().build()))
                .putPixelData(new short[] {-5, 0, 5, 100, -100, 2047, -2048, 1, 2, 3, 4, 5})
                .build();

        DicomFile read = reader.read(DicomWriter.toBytes(data));

        Attributes a = read.dataSet();
        assertEquals(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, read.declaredTransferSyntaxUid().orElseThrow());
        assertEquals("2.25.1234", read.fileMetaInformation().getString(Tag.MediaStorageSOPInstanceUID).orElseThrow());
        assertEquals("Müller^Jürgen", a.getString(Tag.PatientName).orElseThrow());
        assertArrayEquals(new double[] {0.07, 0.0700000001}, a.getDoubles(Tag.PixelSpacing), 0.0);
        assertEquals(1.0 / 3.0, a.getDouble(Tag.RescaleSlope, 0), 1e-13); // DS holds 16 characters
        List<Attributes> items = a.getSequence(Tag.ViewCodeSequence);
        assertEquals(2, items.size());
        assertEquals("Brust links ä", items.get(0).getString(Tag.CodeMeaning).orElseThrow());
        assertEquals("T-04000", items.get(0).getSequence(Tag.AnatomicRegionSequence).get(0)
                .getString(Tag.CodeValue).orElseThrow());
        assertEquals(0, items.get(1).size());
        DicomImage image = read.decodeImage();
        assertArrayEquals(new short[] {-5, 0, 5, 100, -100, 2047, -2048, 1, 2, 3, 4, 5},
                ((PixelSamples.Shorts) image.samples()).values());
        assertEquals(-2048, image.summary().pixelMin());
    }

    @Test
    void write_multiFrame16Bit_hashIsOverLittleEndianValues() throws DicomException {
        Random random = new Random(7);
        short[] pixels = new short[5 * 7 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) random.nextInt(4096);
        }
        Attributes data = header(5, 7, 3, 1, 16, 0, "MONOCHROME2").putPixelData(pixels).build();

        DicomImage image = reader.read(DicomWriter.toBytes(data)).decodeImage();

        ByteBuffer expected = ByteBuffer.allocate(pixels.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        expected.asShortBuffer().put(pixels);
        assertEquals(StrictJson.sha256Hex(expected.array()), image.pixelSha256());
        assertEquals(3, image.frames());
        assertEquals(2 * 35, image.frameOffset(2));
    }

    @Test
    void write_rgb8Bit_readsBackInterleaved() throws DicomException {
        byte[] rgb = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, (byte) 200};
        Attributes data = header(2, 2, 1, 3, 8, 0, "RGB").putInts(Tag.PlanarConfiguration, VR.US, 0)
                .putPixelData(rgb).build();

        DicomImage image = reader.read(DicomWriter.toBytes(data)).decodeImage();

        assertArrayEquals(rgb, ((PixelSamples.Bytes) image.samples()).values());
        assertEquals(StrictJson.sha256Hex(rgb), image.pixelSha256());
        assertEquals(200, image.summary().pixelMax());
    }

    @Test
    void write_planarRgb_isConvertedToInterleaved() throws DicomException {
        byte[] planar = {1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24};
        Attributes data = header(2, 2, 1, 3, 8, 0, "RGB").putInts(Tag.PlanarConfiguration, VR.US, 1)
                .putPixelData(planar).build();

        DicomImage image = reader.read(DicomWriter.toBytes(data)).decodeImage();

        assertArrayEquals(new byte[] {1, 11, 21, 2, 12, 22, 3, 13, 23, 4, 14, 24},
                ((PixelSamples.Bytes) image.samples()).values());
    }

    @Test
    void decodeImage_planarSigned16BitTwoFrames_hashEqualsPydicom() throws DicomException {
        short[] planar = new short[3 * 4 * 5 * 2];
        for (int i = 0; i < planar.length; i++) {
            planar[i] = (short) (i * 37 - 500);
        }
        Attributes data = header(4, 5, 2, 3, 16, 1, "RGB").putInts(Tag.BitsStored, VR.US, 16)
                .putInts(Tag.PlanarConfiguration, VR.US, 1).putPixelData(planar).build();

        PixelSummary s = reader.read(DicomWriter.toBytes(data)).decodeImage().summary();

        // pydicom 2.3.1 on the same file: sha256(pixel_array as little endian), min, max, mean.
        assertEquals("b32faee82028352ef775b7ff4a1ebc75b53e08202a7a911c5a0300d3f1fdb3bb", s.pixelSha256());
        assertEquals(-500, s.pixelMin());
        assertEquals(3903, s.pixelMax());
        assertEquals(1701.5, s.pixelMean());
    }

    @Test
    void write_readFileBackAgain_isByteIdenticalSecondTime() throws Exception {
        DicomFile first = reader.read(PydicomCorpusTest.corpus("MR_small_bigendian.dcm"));
        byte[] once = DicomWriter.toBytes(first.dataSet());
        DicomFile second = reader.read(once);
        byte[] twice = DicomWriter.toBytes(second.dataSet());

        assertArrayEquals(once, twice);
        assertEquals(first.decodeImage().pixelSha256(), second.decodeImage().pixelSha256());
    }

    @Test
    void write_missingSopInstanceUid_isRejected() {
        Attributes data = Attributes.builder().putString(Tag.SOPClassUID, VR.UI, "1.2").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DicomWriter.toBytes(data));
        assertEquals(true, e.getMessage().contains("SOPInstanceUID"));
    }

    @Test
    void putString_latin1WithoutCharacterSet_rejectsUnencodableText() {
        AttributesBuilder b = Attributes.builder();
        assertThrows(IllegalArgumentException.class, () -> b.putString(Tag.PatientName, VR.PN, "王^小明"));
        b.putString(Tag.InstitutionName, VR.LO, "Universitätsklinik");
        Attributes a = b.build();
        assertEquals("Universitätsklinik", a.getString(Tag.InstitutionName).orElseThrow());
        assertEquals(StandardCharsets.ISO_8859_1, a.characterSet());
    }
}
