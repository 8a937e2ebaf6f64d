package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributesTest {
    private final DicomReader reader = new DicomReader();

    private Attributes read(RawDicom raw) throws DicomException {
        return reader.read(raw.bytes()).dataSet();
    }

    private static RawDicom withName(String charset, byte[] name) {
        RawDicom raw = RawDicom.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        if (charset != null) {
            raw.text(Tag.SpecificCharacterSet, "CS", charset);
        }
        int padded = name.length + (name.length & 1);
        raw.header(Tag.PatientName, "PN", padded).raw(name);
        if (padded != name.length) {
            raw.raw(new byte[] {' '});
        }
        return raw;
    }

    @Test
    void getString_isoIr100_decodesLatin1() throws DicomException {
        Attributes a = read(withName("ISO_IR 100", "Müller^Anaïs".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Müller^Anaïs", a.getString(Tag.PatientName).orElseThrow());
    }

    @Test
    void getString_isoIr192_decodesUtf8() throws DicomException {
        Attributes a = read(withName("ISO_IR 192", "王^小明=Wang^Xiaoming".getBytes(StandardCharsets.UTF_8)));
        assertEquals("王^小明=Wang^Xiaoming", a.getString(Tag.PatientName).orElseThrow());
        assertEquals(StandardCharsets.UTF_8, a.characterSet());
    }

    @Test
    void getString_noCharacterSet_defaultsToLatin1Superset() throws DicomException {
        Attributes a = read(withName(null, "Smith^John".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("Smith^John", a.getString(Tag.PatientName).orElseThrow());
    }

    @Test
    void getDoubles_multiValuedDs_parsesAll() throws DicomException {
        Attributes a = read(RawDicom.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.PixelSpacing, "DS", " 0.1\\0.2 ").text(Tag.WindowCenter, "DS", "abc"));
        assertArrayEquals(new double[] {0.1, 0.2}, a.getDoubles(Tag.PixelSpacing), 0.0);
        assertTrue(a.getDouble(Tag.WindowCenter).isEmpty(), "malformed DS is empty, not an exception");
        assertTrue(a.getDouble(Tag.RescaleSlope).isEmpty());
        assertEquals(1.0, a.getDouble(Tag.RescaleSlope, 1.0));
    }

    @Test
    void requireInt_malformedIs_throwsCodedErrorWithoutValue() throws DicomException {
        Attributes a = read(RawDicom.part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                .text(Tag.NumberOfFrames, "IS", "1A").us(Tag.Rows, 512));
        DicomException e = assertThrows(DicomException.class,
                () -> a.requireInt(Tag.NumberOfFrames, DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT));
        assertEquals(DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT, e.code());
        assertFalse(e.getMessage().contains("1A"), e.getMessage());
        assertTrue(a.getInt(Tag.NumberOfFrames).isEmpty());
        assertEquals(512, a.requireInt(Tag.Rows, DicomErrorCode.UNSUPPORTED_PIXEL_FORMAT));
        assertEquals(DicomErrorCode.INVALID_STRUCTURE, assertThrows(DicomException.class,
                () -> a.requireInt(Tag.Columns, DicomErrorCode.INVALID_STRUCTURE)).code());
    }

    @Test
    void getInt_implicitVrUs_usesDictionaryVr() throws Exception {
        Attributes a = reader.read(PydicomCorpusTest.corpus("MR_small_implicit.dcm")).dataSet();
        assertEquals(VR.US, a.vrOf(Tag.Rows).orElseThrow());
        assertEquals(64, a.getInt(Tag.Rows, -1));
        assertEquals(1, a.getInt(Tag.PixelRepresentation, -1));
    }

    @Test
    void getSequence_privateSequenceInImplicitVr_isParsed() throws Exception {
        Attributes a = reader.read(PydicomCorpusTest.corpus("nested_priv_SQ.dcm")).dataSet();
        int privateSequence = a.tags()[0];
        assertTrue(Tag.isPrivate(privateSequence));
        assertEquals(1, a.getSequence(privateSequence).size());
        Attributes item = a.getSequence(privateSequence).get(0);
        assertTrue(item.size() > 0, "nested item has elements: " + item);
    }

    @Test
    void getSequence_unSequenceOfUndefinedLength_isParsedAsImplicit() throws Exception {
        Attributes a = reader.read(PydicomCorpusTest.corpus("UN_sequence.dcm")).dataSet();
        boolean anySequence = false;
        for (int tag : a.tags()) {
            anySequence |= !a.getSequence(tag).isEmpty();
        }
        assertTrue(anySequence, a.toString());
    }

    @Test
    void toString_neverContainsValues() throws DicomException {
        Attributes a = read(withName("ISO_IR 100", "Secret^Name".getBytes(StandardCharsets.ISO_8859_1)));
        assertFalse(a.toString().contains("Secret"), a.toString());
        assertTrue(a.toString().contains("PatientName"));
    }
}
