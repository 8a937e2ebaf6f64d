package org.dicomguard.core.synthetic;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticPackWriterTest {

    private static final long SEED = 42;

    @TempDir
    Path temp;

    @Test
    void write_mammographyPack_filesHoldGeneratorPixelsAndHeader() throws Exception {
        SyntheticPackOptions options = SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), SEED, 2);
        SyntheticPackSummary summary = new SyntheticPackWriter(options).write(temp);

        assertEquals(2, summary.labelledStudyCount());
        assertEquals(8, summary.dicomFileCount());
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(
                MammographySyntheticTask.options(SyntheticPackSize.SMALL));
        DicomReader reader = new DicomReader();
        List<String> labelRows = lines(temp.resolve(SyntheticPackWriter.LABELS_FILE));
        assertEquals("studyInstanceUid,mass,calcification", labelRows.get(0));
        for (int s = 0; s < 2; s++) {
            MammographySyntheticStudy study = generator.study(SEED, s);
            Path folder = temp.resolve(String.format("study-%04d", s));
            String studyUid = null;
            for (int v = 0; v < 4; v++) {
                MammographySyntheticImage view = study.views().get(v);
                DicomFile file = reader.read(folder.resolve(String.format("image-%04d.dcm", v + 1)));
                Attributes ds = file.dataSet();
                SyntheticImageHeader h = view.header();
                assertEquals(SyntheticImageHeader.DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION, ds.getString(Tag.SOPClassUID, ""));
                assertEquals("1.2.840.10008.1.2.1", file.transferSyntaxUid());
                assertEquals("MG", ds.getString(Tag.Modality, ""));
                assertEquals("BREAST", ds.getString(Tag.BodyPartExamined, ""));
                assertEquals(h.imageLaterality(), ds.getString(Tag.ImageLaterality, ""));
                assertEquals(h.viewPosition(), ds.getString(Tag.ViewPosition, ""));
                assertEquals(h.photometricInterpretation(), ds.getString(Tag.PhotometricInterpretation, ""));
                assertEquals("FOR PRESENTATION", ds.getString(Tag.PresentationIntentType, ""));
                assertEquals(512, ds.getInt(Tag.Rows, 0));
                assertEquals(416, ds.getInt(Tag.Columns, 0));
                assertEquals(16, ds.getInt(Tag.BitsAllocated, 0));
                assertEquals(h.bitsStored(), ds.getInt(Tag.BitsStored, 0));
                assertEquals(h.bitsStored() - 1, ds.getInt(Tag.HighBit, 0));
                assertEquals(0, ds.getInt(Tag.PixelRepresentation, -1));
                assertEquals(1, ds.getInt(Tag.SamplesPerPixel, 0));
                assertEquals(v + 1, ds.getInt(Tag.InstanceNumber, 0));
                assertArrayEquals(new double[] {h.pixelSpacingRowMm(), h.pixelSpacingColumnMm()},
                        ds.getDoubles(Tag.ImagerPixelSpacing));
                assertArrayEquals(new double[] {h.pixelSpacingRowMm(), h.pixelSpacingColumnMm()},
                        ds.getDoubles(Tag.PixelSpacing));
                assertEquals(1.0, ds.getDouble(Tag.RescaleSlope, 0));
                assertEquals(0.0, ds.getDouble(Tag.RescaleIntercept, 1));
                assertEquals("SYNTHETIC^STUDY" + String.format("%04d", s), ds.getString(Tag.PatientName, ""));
                assertEquals("SYN-" + String.format("%04d", s), ds.getString(Tag.PatientID, ""));
                assertEquals("19700101", ds.getString(Tag.PatientBirthDate, ""));
                assertEquals("SYNACC" + String.format("%04d", s), ds.getString(Tag.AccessionNumber, ""));
                assertEquals(SyntheticPackOptions.DEFAULT_STUDY_DATE, ds.getString(Tag.StudyDate, ""));
                assertValidUid(ds.getString(Tag.SOPInstanceUID, ""));
                assertValidUid(ds.getString(Tag.SeriesInstanceUID, ""));
                assertValidUid(ds.getString(Tag.StudyInstanceUID, ""));
                if (studyUid == null) {
                    studyUid = ds.getString(Tag.StudyInstanceUID, "");
                }
                assertEquals(studyUid, ds.getString(Tag.StudyInstanceUID, ""));
                assertArrayEquals(view.storedValues(), org.dicomguard.core.study.DicomInputs.mammography(file).storedValues());
            }
            assertEquals(studyUid + "," + study.label(SyntheticLesion.MASS) + ","
                    + study.label(SyntheticLesion.CALCIFICATION), labelRows.get(s + 1));
        }
        assertEquals(3, labelRows.size());
        assertEquals(List.of("studyInstanceUid,kind"), lines(temp.resolve(SyntheticPackWriter.OOD_FILE)));
    }

    @Test
    void write_mammographyOodKinds_twoViewStudiesListedInOodCsvOnly() throws Exception {
        SyntheticPackOptions options = SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), SEED, 1)
                .withOodKinds(List.of("bottle-phantom", "knee-radiograph")).withOodStudiesPerKind(1);
        SyntheticPackSummary summary = new SyntheticPackWriter(options).write(temp);

        assertEquals(2, summary.oodStudyCount());
        assertEquals(8, summary.dicomFileCount());
        List<String> ood = lines(temp.resolve(SyntheticPackWriter.OOD_FILE));
        assertEquals(3, ood.size());
        assertTrue(ood.get(1).endsWith(",bottle-phantom"), ood.get(1));
        assertTrue(ood.get(2).endsWith(",knee-radiograph"), ood.get(2));
        assertEquals(2, lines(temp.resolve(SyntheticPackWriter.LABELS_FILE)).size());
        DicomReader reader = new DicomReader();
        Attributes bottleCc = reader.read(temp.resolve("study-0001/image-0001.dcm")).dataSet();
        Attributes bottleMlo = reader.read(temp.resolve("study-0001/image-0002.dcm")).dataSet();
        assertEquals("MG", bottleCc.getString(Tag.Modality, ""));
        assertEquals("CC", bottleCc.getString(Tag.ViewPosition, ""));
        assertEquals("MLO", bottleMlo.getString(Tag.ViewPosition, ""));
        assertEquals(bottleCc.getString(Tag.ImageLaterality, ""), bottleMlo.getString(Tag.ImageLaterality, ""));
        assertEquals(ood.get(1).split(",")[0], bottleCc.getString(Tag.StudyInstanceUID, ""));
        Attributes knee = reader.read(temp.resolve("study-0002/image-0001.dcm")).dataSet();
        assertEquals("DX", knee.getString(Tag.Modality, ""));
        assertEquals("KNEE", knee.getString(Tag.BodyPartExamined, ""));
        assertEquals(SyntheticImageHeader.DIGITAL_XRAY_FOR_PRESENTATION, knee.getString(Tag.SOPClassUID, ""));
        String json = Files.readString(temp.resolve(SyntheticPackWriter.PACK_FILE));
        var pack = StrictJson.mapper().readTree(json);
        assertEquals("mammography", pack.get("task").asText());
        assertEquals(2, pack.get("oodStudyCount").asInt());
        assertEquals("study-0002", pack.get("studies").get(2).get("folder").asText());
        assertEquals("knee-radiograph", pack.get("studies").get(2).get("kind").asText());
        assertEquals(512, pack.get("generatorOptions").get("imageRows").asInt());
    }

    @Test
    void write_sameOptionsTwice_byteIdenticalFiles() throws Exception {
        SyntheticPackOptions options = SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 7, 1)
                .withOodKinds(List.of("blank")).withOodStudiesPerKind(1);
        new SyntheticPackWriter(options).write(temp.resolve("a"));
        new SyntheticPackWriter(options).write(temp.resolve("b"));
        new SyntheticPackWriter(options.withOodKinds(List.of()).withSize(SyntheticPackSize.SMALL)
                .withStudyDate("20240102")).write(temp.resolve("c"));

        Map<String, String> a = hashes(temp.resolve("a"));
        assertEquals(32 * 2 + 3, a.size());
        assertEquals(a, hashes(temp.resolve("b")));
        Map<String, String> c = hashes(temp.resolve("c"));
        assertEquals(a.get("study-0000/slice-0001.dcm"), c.get("study-0000/slice-0001.dcm"));
        Map<String, String> otherSeed = hashesOfPack(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 8, 1), "d");
        assertNotEquals(a.get("study-0000/slice-0001.dcm"), otherSeed.get("study-0000/slice-0001.dcm"));
    }

    @Test
    void write_customPatientMarkers_appearInEveryFileButNotInPaths() throws Exception {
        SyntheticPackPatientMarkers markers = new SyntheticPackPatientMarkers("LEAKCHECK^ZQX", "ZQXID-", "19011231",
                "ZQXACC");
        SyntheticPackOptions options = SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), 3, 1)
                .withPatientMarkers(markers);
        new SyntheticPackWriter(options).write(temp);

        Attributes ds = new DicomReader().read(temp.resolve("study-0000/image-0003.dcm")).dataSet();
        assertEquals("LEAKCHECK^ZQX0000", ds.getString(Tag.PatientName, ""));
        assertEquals("ZQXID-0000", ds.getString(Tag.PatientID, ""));
        assertEquals("19011231", ds.getString(Tag.PatientBirthDate, ""));
        assertEquals("ZQXACC0000", ds.getString(Tag.AccessionNumber, ""));
        for (String path : hashes(temp).keySet()) {
            assertFalse(path.contains("ZQX") || path.contains("LEAKCHECK"), path);
        }
        String csv = Files.readString(temp.resolve(SyntheticPackWriter.LABELS_FILE));
        assertFalse(csv.contains("ZQX"), csv);
    }

    @Test
    void write_nonEmptyFolder_refused() throws Exception {
        Files.writeString(temp.resolve("other.txt"), "x");
        SyntheticPackWriter writer = new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 1, 1));

        assertThrows(DirectoryNotEmptyException.class, () -> writer.write(temp));
    }

    @Test
    void options_invalidValues_rejectedWithFieldName() {
        SyntheticPackOptions base = SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 1, 1);

        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> base.withOodKinds(List.of("knee-radiograph")));
        assertTrue(kind.getMessage().contains("oodKinds") && kind.getMessage().contains("knee-radiograph"),
                kind.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base.withOodKinds(List.of("blank", "blank")));
        assertThrows(IllegalArgumentException.class, () -> base.withOodStudiesPerKind(-1));
        assertThrows(IllegalArgumentException.class, () -> base.withStudyDate("2024-01-02"));
        assertThrows(IllegalArgumentException.class, () -> SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 1, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new SyntheticPackPatientMarkers("BAD NAME", "P", "19700101", "A"));
        assertEquals(List.of("blank", "saturated", "bottle-phantom", "head-ct", "abdomen-ct", "wrong-photometric"),
                SyntheticPackTask.fromCode("chest-ct").oodKindCodes());
        assertEquals(List.of("ct-slice", "knee-radiograph", "hand-radiograph", "bottle-phantom", "blank", "saturated",
                "wrong-photometric"), SyntheticPackTask.fromCode("mammography").oodKindCodes());
        assertEquals(List.of("nodule", "ground-glass", "effusion"), SyntheticPackTask.fromCode("chest-ct").pathologyCodes());
    }

    @Test
    void uid_manySeedsAndIndices_validDicomUids() {
        for (int i = 0; i < 2000; i++) {
            assertValidUid(SyntheticDicomHeaders.uid(i * 31L - 1000, i % 5, i, i % 7));
        }
    }

    static void assertValidUid(String uid) {
        assertTrue(uid.length() <= 64 && uid.matches("[0-9]+(\\.[0-9]+)*"), uid);
        for (String component : uid.split("\\.")) {
            assertTrue(component.equals("0") || !component.startsWith("0"), uid);
        }
    }

    private Map<String, String> hashesOfPack(SyntheticPackOptions options, String name) throws IOException {
        new SyntheticPackWriter(options).write(temp.resolve(name));
        return hashes(temp.resolve(name));
    }

    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                result.put(root.relativize(file).toString().replace('\\', '/'),
                        StrictJson.sha256Hex(Files.readAllBytes(file)));
            }
        }
        return result;
    }

    static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\n")));
    }
}
