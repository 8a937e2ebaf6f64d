package org.dicomguard.dicomout;

import org.dicomguard.contract.Prediction;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuredReportWriterTest {

    private final StructuredReportWriter writer = new StructuredReportWriter(SrFixtures.MAMMOGRAPHY,
            Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));
    private final StructuredReportReader reader = new StructuredReportReader();

    @Test
    void report_prediction_probabilitiesReadBackBitIdentical() throws Exception {
        Prediction p = SrFixtures.prediction(0.0731f, 1f / 3f);
        ReportedResult back = reader.read(writer.toBytes(p, SrFixtures.mammographyHeaders("ISO_IR 100", "Doe^Jane", 2)));
        for (int i = 0; i < 2; i++) {
            float expected = p.pathologies().get(i).probability();
            ReportedResult.Measurement m = back.pathologies().get(i);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(m.floatingPointValue()));
            assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(Float.parseFloat(m.numericValue())));
            assertEquals(SrCodes.UNIT_PROBABILITY, m.unit());
        }
        assertEquals("0.0731", back.pathologies().get(0).numericValue());
        assertEquals("0.33333334", back.pathologies().get(1).numericValue());
        assertEquals(SrFixtures.MAMMOGRAPHY.aggregateConcept(), back.anyPathology().orElseThrow().concept());
        assertEquals("decisionThresholdProbability=0.31", back.pathologies().get(1).algorithmParameters());
    }

    @Test
    void report_iso8859Source_copiesCharacterSetAndEncodesNameInIt() throws Exception {
        byte[] bytes = writer.toBytes(SrFixtures.prediction(0.2f, 0.7f),
                SrFixtures.mammographyHeaders("ISO_IR 100", "Müller^Jürgen", 1));
        Attributes ds = new DicomReader().read(bytes).dataSet();
        assertEquals("ISO_IR 100", ds.getString(Tag.SpecificCharacterSet, ""));
        assertEquals("Müller^Jürgen", ds.getString(Tag.PatientName, ""));
        assertArrayEquals("Müller^Jürgen ".getBytes(StandardCharsets.ISO_8859_1), ds.getBytes(Tag.PatientName));
    }

    @Test
    void report_utf8Source_copiesCharacterSet() throws Exception {
        byte[] bytes = writer.toBytes(SrFixtures.prediction(0.2f, 0.7f),
                SrFixtures.mammographyHeaders("ISO_IR 192", "山田^太郎", 1));
        Attributes ds = new DicomReader().read(bytes).dataSet();
        assertEquals("ISO_IR 192", ds.getString(Tag.SpecificCharacterSet, ""));
        assertEquals("山田^太郎", ds.getString(Tag.PatientName, ""));
    }

    @Test
    void report_messageOutsideSourceCharacterSet_switchesToUtf8() throws Exception {
        byte[] bytes = writer.toBytes(SrFixtures.rejected(), SrFixtures.mammographyHeaders("ISO_IR 100", "Müller^Jürgen", 1));
        Attributes ds = new DicomReader().read(bytes).dataSet();
        assertEquals("ISO_IR 192", ds.getString(Tag.SpecificCharacterSet, ""));
        assertEquals("Müller^Jürgen", ds.getString(Tag.PatientName, ""));
        assertTrue(reader.read(ds).messages().get(0).contains("≥"), reader.read(ds).messages().toString());
    }

    @Test
    void report_sourceWithoutCharacterSet_writesUtf8() throws Exception {
        Attributes ds = new DicomReader().read(writer.toBytes(SrFixtures.prediction(0.2f, 0.7f),
                SrFixtures.mammographyHeaders(null, "Doe^Jane", 1))).dataSet();
        assertEquals("ISO_IR 192", ds.getString(Tag.SpecificCharacterSet, ""));
    }

    @Test
    void report_eachCall_newSeriesAndInstanceUidsInStudy() {
        List<Attributes> headers = SrFixtures.mammographyHeaders("ISO_IR 100", "Doe^Jane", 1);
        Attributes a = writer.report(SrFixtures.prediction(0.2f, 0.7f), headers);
        Attributes b = writer.report(SrFixtures.prediction(0.2f, 0.7f), headers);
        assertNotEquals(a.getString(Tag.SOPInstanceUID), b.getString(Tag.SOPInstanceUID));
        assertNotEquals(a.getString(Tag.SeriesInstanceUID), b.getString(Tag.SeriesInstanceUID));
        assertEquals(SrFixtures.STUDY_UID, a.getString(Tag.StudyInstanceUID, ""));
        assertTrue(a.getString(Tag.SOPInstanceUID, "").matches("2\\.25\\.[1-9][0-9]{0,38}"));
        assertEquals("20260304", a.getString(Tag.ContentDate, ""));
    }

    @Test
    void report_failedWithoutHeaders_saysWhyInANewStudy() throws Exception {
        ReportedResult back = reader.read(writer.toBytes(SrFixtures.failed(), List.of()));
        assertEquals(List.of("UNREADABLE_FILE"), back.codes());
        assertEquals(List.of("not a DICOM Part-10 file"), back.messages());
        assertTrue(back.studyInstanceUid().startsWith("2.25."), back.studyInstanceUid());
        assertEquals(List.of(), back.evidenceUids());
    }

    @Test
    void report_fourImages_referencesEachOnce() throws Exception {
        ReportedResult back = reader.read(writer.toBytes(SrFixtures.prediction(0.2f, 0.7f),
                SrFixtures.mammographyHeaders("ISO_IR 100", "Doe^Jane", 4)));
        List<String> expected = List.of(SrFixtures.STUDY_UID + ".2.1", SrFixtures.STUDY_UID + ".2.2",
                SrFixtures.STUDY_UID + ".2.3", SrFixtures.STUDY_UID + ".2.4");
        assertEquals(expected, back.evidenceUids());
        assertEquals(expected, back.imageLibraryUids());
    }
}
