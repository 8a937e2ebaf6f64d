package org.dicomguard.core.study;

import org.dicomguard.core.task.mammography.MammographyStudyPreparer;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.reliability.ReliabilityStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyImageTest {

    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    private List<Path> study() throws IOException {
        return ReliabilityStudies.writeStudy(dir, 77L, 0, ReliabilityStudies.Markers.distinctive());
    }

    @Test
    void readHeaders_thenFile_givesTheSameImageAsAFullRead() throws Exception {
        List<Path> files = study();
        List<StudyImage> images = StudyImage.readHeaders(files, reader);
        assertEquals(4, images.size());
        for (int i = 0; i < files.size(); i++) {
            assertEquals(reader.read(files.get(i)).dataSet().getString(Tag.SOPInstanceUID),
                    images.get(i).dataSet().getString(Tag.SOPInstanceUID));
            assertArrayEquals(DicomInputs.mammography(reader.read(files.get(i))).storedValues(),
                    DicomInputs.mammography(images.get(i).file()).storedValues());
        }
    }

    @Test
    void preparedFromHeaders_equalsPreparedFromFullReads() throws Exception {
        List<Path> files = study();
        MammographyStudyPreparer preparer = new MammographyStudyPreparer(TestMammographyBundles.CONFIG);
        List<StudyImage> full = StudyImage.of(files.stream().map(this::readFully).toList());
        assertArrayEquals(preparer.prepare(full).modelInput(),
                preparer.prepare(StudyImage.readHeaders(files, reader)).modelInput());
    }

    @Test
    void file_replacedByAnotherImageAfterTheHeaderRead_failsInvalidStructureByPosition() throws Exception {
        List<Path> files = study();
        StudyImage first = StudyImage.readHeader(files.get(0), 0, files.size(), reader);
        Files.copy(files.get(1), files.get(0), StandardCopyOption.REPLACE_EXISTING);
        DicomException e = assertThrows(DicomException.class, first::file);
        assertEquals(DicomErrorCode.INVALID_STRUCTURE, e.code());
        assertEquals("file 1 of 4: the file changed between its header read and its pixel read", e.getMessage());
    }

    @Test
    void file_truncatedAfterTheHeaderRead_failsWithTheReadersCodeByPositionNeverByPath() throws Exception {
        List<Path> files = study();
        Path second = files.get(1);
        StudyImage image = StudyImage.readHeader(second, 1, files.size(), reader);
        try (FileChannel channel = FileChannel.open(second, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(second) / 2);
        }
        DicomErrorCode direct = assertThrows(DicomException.class, () -> reader.read(second)).code();
        DicomException e = assertThrows(DicomException.class, image::file);
        assertEquals(direct, e.code());
        assertTrue(e.getMessage().startsWith("file 2 of 4: "), e.getMessage());
        assertTrue(!e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void readHeader_unreadableFile_failsByPosition() throws Exception {
        Path junk = Files.write(dir.resolve("junk.dcm"), new byte[] {1, 2, 3});
        DicomException e = assertThrows(DicomException.class,
                () -> StudyImage.readHeaders(List.of(study().get(0), junk), reader));
        assertEquals(DicomErrorCode.NOT_DICOM, e.code());
        assertTrue(e.getMessage().startsWith("file 2 of 2: "), e.getMessage());
    }

    @Test
    void mammographyPreparer_neverReadsThePixelsOfAnImageItDoesNotUse() throws Exception {
        List<Path> files = study();
        // An earlier exposure of the first view (same pixels, another SOPInstanceUID, a lower
        // InstanceNumber): the policy uses the later one, so its pixels are never needed, and reading
        // them would fail.
        Path duplicate = dir.resolve("duplicate.dcm");
        org.dicomguard.core.synthetic.MammographySyntheticImage first = new org.dicomguard.core.synthetic
                .MammographySyntheticGenerator(TestMammographyBundles.OPTIONS).study(77L, 0).views().get(0);
        org.dicomguard.core.dicom.DicomWriter.write(duplicate, ReliabilityStudies.image(first,
                reader.readHeader(files.get(0)).dataSet().getString(org.dicomguard.core.dicom.Tag.StudyInstanceUID,
                        ""), "2.25.42", 0, ReliabilityStudies.Markers.distinctive(), b -> { }));
        StudyImage unused = StudyImage.readHeader(duplicate, 4, 5, reader);
        try (FileChannel channel = FileChannel.open(duplicate, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(duplicate) / 2);
        }
        List<StudyImage> images = new java.util.ArrayList<>(StudyImage.readHeaders(files, reader));
        images.add(unused);
        MammographyStudyPreparer preparer = new MammographyStudyPreparer(TestMammographyBundles.CONFIG);
        PreparedStudy prepared = preparer.prepare(images);
        assertEquals(4, prepared.images().size());
        assertEquals(List.of(new org.dicomguard.contract.ImageIgnored("2.25.42", "REPEATED_EXPOSURE")),
                prepared.imagesIgnored());
    }

    @Test
    void of_headerOnlyFile_isRefused() throws Exception {
        Path file = study().get(0);
        assertThrows(IllegalArgumentException.class, () -> StudyImage.of(reader.readHeader(file)));
    }

    private org.dicomguard.core.dicom.DicomFile readFully(Path p) {
        try {
            return reader.read(p);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }
}
