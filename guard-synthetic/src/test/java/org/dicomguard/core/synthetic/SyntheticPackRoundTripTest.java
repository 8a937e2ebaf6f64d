package org.dicomguard.core.synthetic;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingResult;
import org.dicomguard.core.task.chestct.ChestCtPreprocessor;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.study.DicomInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files read back through the pipeline's own DICOM-to-input seam preprocess exactly like the generator's arrays. */
class SyntheticPackRoundTripTest {

    @TempDir
    Path temp;

    @Test
    void chestCtPack_slicesReadBack_sameTensorAsGeneratorSlices() throws Exception {
        long seed = 11;
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), seed, 1)).write(temp);
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(
                SyntheticPackWriter.chestCtStudySeed(seed, 0), ChestCtStudyKind.CHEST,
                ChestCtSyntheticTask.options(SyntheticPackSize.SMALL));

        DicomReader reader = new DicomReader();
        List<CtSliceInput> read = new ArrayList<>();
        for (CtSliceInput expected : study.slices()) {
            DicomFile file = reader.read(temp.resolve(String.format("study-0000/slice-%04d.dcm",
                    expected.instanceNumber())));
            Attributes ds = file.dataSet();
            assertEquals("CT", ds.getString(Tag.Modality, ""));
            assertEquals(SyntheticImageHeader.CT_IMAGE_STORAGE, ds.getString(Tag.SOPClassUID, ""));
            assertEquals(study.studyInstanceUid(), ds.getString(Tag.StudyInstanceUID, ""));
            assertEquals(study.bodyPartExamined(), ds.getString(Tag.BodyPartExamined, ""));
            assertEquals("SYN-0000", ds.getString(Tag.PatientID, ""));
            CtSliceInput slice = DicomInputs.ctSlice(file);
            assertArrayEquals(expected.storedValues(), slice.storedValues());
            assertEquals(expected.pixelRepresentation(), slice.pixelRepresentation());
            assertEquals(expected.rescaleInterceptHu(), slice.rescaleInterceptHu());
            assertEquals(expected.seriesInstanceUid(), slice.seriesInstanceUid());
            assertEquals(expected.sopInstanceUid(), slice.sopInstanceUid());
            assertEquals(expected.instanceNumber(), slice.instanceNumber());
            assertArrayEquals(expected.imagePositionPatientMm(), slice.imagePositionPatientMm(), 1e-9);
            assertArrayEquals(expected.pixelSpacingMm(), slice.pixelSpacingMm(), 1e-12);
            read.add(slice);
        }
        ChestCtPreprocessor preprocessor = new ChestCtPreprocessor(ChestCtPreprocessingConfig.defaults());
        ChestCtPreprocessingResult direct = preprocessor.preprocess(study.slices());
        ChestCtPreprocessingResult fromFiles = preprocessor.preprocess(read);

        assertEquals(direct.cropBox(), fromFiles.cropBox());
        assertArrayEquals(direct.tensor(), fromFiles.tensor());
    }

    @Test
    void mammographyPack_imagesReadBack_samePreprocessingAsGeneratorImages() throws Exception {
        long seed = 5;
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), seed, 1)).write(temp);
        MammographySyntheticStudy study = new MammographySyntheticGenerator(
                MammographySyntheticTask.options(SyntheticPackSize.SMALL)).study(seed, 0);
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        DicomReader reader = new DicomReader();
        for (int v = 0; v < 4; v++) {
            MammographySyntheticImage image = study.views().get(v);
            MammographyImageInput input = DicomInputs.mammography(
                    reader.read(temp.resolve(String.format("study-0000/image-%04d.dcm", v + 1))));
            assertEquals(image.toPreprocessingInput(), copyWithSharedPixels(input, image));

            MammographyPreprocessed direct = preprocessor.preprocess(image.toPreprocessingInput());
            MammographyPreprocessed fromFile = preprocessor.preprocess(input);
            assertTrue(direct.breastFound());
            assertArrayEquals(direct.tensorChw(), fromFile.tensorChw());
            assertEquals(direct.statistics(), fromFile.statistics());
        }
    }

    /** Records with arrays compare arrays by identity: swap in the generator's array after checking content. */
    private static MammographyImageInput copyWithSharedPixels(MammographyImageInput read,
                                                              MammographySyntheticImage image) {
        assertArrayEquals(image.storedValues(), read.storedValues());
        return new MammographyImageInput(read.rows(), read.columns(), image.storedValues(), read.bitsStored(),
                read.pixelRepresentation(), read.photometricInterpretation(), read.rescaleSlope(),
                read.rescaleIntercept(), read.imageLaterality(), read.viewPosition(), read.pixelSpacingRowMm(),
                read.pixelSpacingColumnMm());
    }
}
