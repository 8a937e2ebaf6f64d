package org.dicomguard.core.synthetic.chestxray;

import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code synth --task chest-xray}: real DICOM files that the task's own preparer reads back. */
class ChestXraySyntheticPackTest {

    @TempDir
    Path dir;

    @Test
    void write_chestXrayPack_labelsOodKindsAndPreparableStudies() throws Exception {
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-xray"), 11, 4).withAllOodKinds()
                .withOodStudiesPerKind(1)).write(dir);
        List<String> labels = Files.readAllLines(dir.resolve("labels.csv"));
        assertEquals("studyInstanceUid,nodule,consolidation,effusion,pneumothorax,cardiomegaly", labels.get(0));
        assertEquals(5, labels.size());
        List<String> ood = Files.readAllLines(dir.resolve("ood.csv"));
        assertEquals(ChestXrayOodKind.values().length + 1, ood.size());

        ChestXrayPreprocessingConfig config = ChestXrayPreprocessingConfig.defaults().toBuilder().modelInputPixels(64, 64).build();
        StudyPreparer preparer = StudyPreparers.of(config);
        DicomReader reader = new DicomReader();
        List<StudyFiles> groups = new StudyGrouper(reader).group(List.of(dir.resolve("study-0000")));
        PreparedStudy prepared = preparer.prepare(groups.get(0), reader);
        assertEquals(64 * 64, prepared.modelInput().length);
        assertEquals(ChestXrayStatistics.NAMES.size(), prepared.images().get(0).statistics().asMap().size());

        // study-0004.. are the OOD kinds in enum order: blank has no lung field, lateral no frontal image.
        int blank = 4 + ChestXrayOodKind.BLANK.ordinal();
        int lateral = 4 + ChestXrayOodKind.LATERAL_CHEST.ordinal();
        UnusableStudyException noLung = assertThrows(UnusableStudyException.class, () -> preparer.prepare(
                new StudyGrouper(reader).group(List.of(dir.resolve(SyntheticPackWriter.studyFolderName(blank)))).get(0),
                reader));
        assertEquals("NO_LUNG_FIELD_FOUND", noLung.code());
        UnusableStudyException noFrontal = assertThrows(UnusableStudyException.class, () -> preparer.prepare(
                new StudyGrouper(reader).group(List.of(dir.resolve(SyntheticPackWriter.studyFolderName(lateral)))).get(0),
                reader));
        assertEquals("NO_FRONTAL_IMAGE", noFrontal.code());
        assertTrue(StudyPreparers.inputShape(config).length == 3);
    }
}
