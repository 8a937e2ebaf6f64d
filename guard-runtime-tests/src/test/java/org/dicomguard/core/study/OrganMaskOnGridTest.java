package org.dicomguard.core.study;

import org.dicomguard.core.task.chestct.ChestCtStudyPreparer;
import org.dicomguard.core.task.mammography.MammographyStudyPreparer;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayStudyPreparer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each task's organ mask lines up with its model input: the mask comes from the preprocessing's
 * own mask sampled on the model input's grid, so a flipped, shifted or mis-scaled mask would put
 * the tissue the input shows on the wrong side of it.
 */
class OrganMaskOnGridTest {

    @TempDir
    Path dir;

    List<PreparedStudy> prepared(String task, StudyPreparer preparer) throws Exception {
        Path pack = dir.resolve(task);
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode(task), 11, 4)).write(pack);
        DicomReader reader = new DicomReader();
        List<PreparedStudy> studies = new ArrayList<>();
        for (StudyFiles group : new StudyGrouper(reader).group(List.of(pack))) {
            if (group.studyInstanceUid().isPresent()) {
                studies.add(preparer.prepare(group, reader));
            }
        }
        assertEquals(4, studies.size());
        return studies;
    }

    @Test
    void mammography_breastMask_holdsTheNonZeroInputAndIsMirroredWithIt() throws Exception {
        for (PreparedStudy s : prepared("mammography", new MammographyStudyPreparer(MammographyPreprocessingConfig.defaults()))) {
            OrganMask mask = s.organMask().orElseThrow();
            assertEquals(OrganMask.BREAST, mask.organ());
            int nonZero = 0;
            int nonZeroOutside = 0;
            for (int i = 0; i < s.modelInput().length; i++) {
                if (s.modelInput()[i] > 0.02f) {
                    nonZero++;
                    nonZeroOutside += mask.inside()[i] == 0 ? 1 : 0;
                }
            }
            // Outside the breast the input is 0 but for the area-averaged edge pixels.
            assertTrue(nonZeroOutside < 0.02 * nonZero, nonZeroOutside + " of " + nonZero);
            double fraction = mask.insideCount() / (double) s.modelInput().length;
            assertTrue(fraction > 0.2 && fraction < 0.98, "breast fraction " + fraction);
        }
    }

    @Test
    void chestCt_thoracicRegion_holdsTheDarkLungsAndLeavesTheCorners() throws Exception {
        ChestCtPreprocessingConfig config = ChestCtPreprocessingConfig.defaults();
        for (PreparedStudy s : prepared("chest-ct", new ChestCtStudyPreparer(config))) {
            assertRegion(s, config.targetGridDepthVoxels(), config.targetGridHeightVoxels(),
                    config.targetGridWidthVoxels());
        }
    }

    @Test
    void chestXray_thoracicRegion_holdsTheLungsAndLeavesTheCorners() throws Exception {
        ChestXrayPreprocessingConfig config = ChestXrayPreprocessingConfig.defaults();
        for (PreparedStudy s : prepared("chest-xray", new ChestXrayStudyPreparer(config))) {
            assertRegion(s, 1, config.modelInputHeightPixels(), config.modelInputWidthPixels());
        }
    }

    /** Lungs are the darkest tissue of both chest inputs: the region is darker than what it leaves out. */
    static void assertRegion(PreparedStudy s, int depth, int height, int width) {
        OrganMask mask = s.organMask().orElseThrow();
        assertEquals(OrganMask.THORAX, mask.organ());
        double inside = 0;
        double outside = 0;
        int n = 0;
        for (int i = 0; i < s.modelInput().length; i++) {
            if (mask.inside()[i] != 0) {
                inside += s.modelInput()[i];
                n++;
            } else {
                outside += s.modelInput()[i];
            }
        }
        int m = s.modelInput().length - n;
        assertTrue(n > 0 && m > 0, n + " inside, " + m + " outside");
        assertTrue(inside / n < outside / m, "mean inside " + inside / n + ", outside " + outside / m);
        // The grid's corners lie outside the chest, in the middle slice.
        int z = depth / 2;
        assertEquals(0, mask.inside()[(z * height) * width]);
        assertEquals(0, mask.inside()[(z * height + height - 1) * width + width - 1]);
    }
}
