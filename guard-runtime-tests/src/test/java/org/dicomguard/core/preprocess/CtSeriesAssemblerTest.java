package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.CtSeriesAssembler;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.task.chestct.SeriesAssemblyErrorCode;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import org.dicomguard.core.synthetic.ChestCtSyntheticGenerator;
import org.dicomguard.core.synthetic.ChestCtSyntheticOptions;
import org.dicomguard.core.synthetic.ChestCtSyntheticStudy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CtSeriesAssemblerTest {

    private static final ChestCtPreprocessingConfig CONFIG = ChestCtPreprocessingConfig.defaults();

    private static List<CtSliceInput> slices() {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(11,
                ChestCtSyntheticOptions.small().withSize(48, 48, 24));
        return new ArrayList<>(study.slices());
    }

    private static CtSliceInput with(CtSliceInput s, double[] position, double[] orientation, double[] spacing,
            String seriesUid) {
        return new CtSliceInput(s.rows(), s.columns(), s.storedValues(), s.pixelRepresentation(), s.rescaleSlope(),
                s.rescaleInterceptHu(), position, orientation, spacing, s.sliceThicknessMm(), seriesUid,
                s.sopInstanceUid(), s.instanceNumber());
    }

    private static SeriesAssemblyErrorCode refusal(List<CtSliceInput> slices) {
        return assertThrows(SeriesAssemblyException.class, () -> CtSeriesAssembler.assemble(slices, CONFIG)).code();
    }

    @Test
    void assemble_shuffledSlices_sortedByPositionAlongNormal() throws SeriesAssemblyException {
        List<CtSliceInput> ordered = slices();
        CtVolume expected = CtSeriesAssembler.assemble(ordered, CONFIG);
        List<CtSliceInput> shuffled = new ArrayList<>(ordered);
        Collections.shuffle(shuffled, new Random(1));
        CtVolume actual = CtSeriesAssembler.assemble(shuffled, CONFIG);
        assertArrayEquals(expected.huValues(), actual.huValues());
        assertEquals(expected.sopInstanceUids(), actual.sopInstanceUids());
        // Head-first input: the last instance is the most inferior slice, so it comes first.
        assertEquals(ordered.get(ordered.size() - 1).sopInstanceUid(), actual.sopInstanceUids().get(0));
        assertEquals(240.0 / 24, actual.sliceSpacingMm(), 1e-9);
    }

    @Test
    void assemble_rescaleIntercept_convertsToHu() throws SeriesAssemblyException {
        CtSliceInput s = slices().get(0);
        short[] stored = new short[s.rows() * s.columns()];
        stored[0] = (short) 0xFFFF;
        stored[1] = 24;
        List<CtSliceInput> list = new ArrayList<>();
        for (int k = 0; k < 16; k++) {
            list.add(new CtSliceInput(s.rows(), s.columns(), stored, 0, 2.0, -1024, new double[] {0, 0, k * 2.0},
                    s.imageOrientationPatient(), s.pixelSpacingMm(), 2, "1.2", "1.2." + k, k));
        }
        CtVolume volume = CtSeriesAssembler.assemble(list, CONFIG);
        assertEquals(Short.MAX_VALUE, volume.huValues()[0], "unsigned 65535 * 2 - 1024 clamps to the short range");
        assertEquals(48 - 1024, volume.huValues()[1]);
        assertEquals(-1024, volume.huValues()[2]);
    }

    @Test
    void assemble_tooFewSlices_refusedWithCode() {
        assertEquals(SeriesAssemblyErrorCode.TOO_FEW_SLICES, refusal(slices().subList(0, 10)));
    }

    @Test
    void assemble_otherSeriesUid_refusedAsMixed() {
        List<CtSliceInput> list = slices();
        CtSliceInput s = list.get(5);
        list.set(5, with(s, s.imagePositionPatientMm(), s.imageOrientationPatient(), s.pixelSpacingMm(), "9.9"));
        assertEquals(SeriesAssemblyErrorCode.MIXED_SERIES, refusal(list));
    }

    @Test
    void assemble_otherOrientation_refusedAsMixed() {
        List<CtSliceInput> list = slices();
        CtSliceInput s = list.get(5);
        list.set(5, with(s, s.imagePositionPatientMm(), new double[] {1, 0, 0, 0, 0, -1}, s.pixelSpacingMm(),
                s.seriesInstanceUid()));
        assertEquals(SeriesAssemblyErrorCode.MIXED_SERIES, refusal(list));
    }

    @Test
    void assemble_otherPixelSpacing_refusedAsMixed() {
        List<CtSliceInput> list = slices();
        CtSliceInput s = list.get(5);
        list.set(5, with(s, s.imagePositionPatientMm(), s.imageOrientationPatient(), new double[] {0.9, 0.9},
                s.seriesInstanceUid()));
        assertEquals(SeriesAssemblyErrorCode.MIXED_SERIES, refusal(list));
    }

    @Test
    void assemble_otherSize_refusedAsMixed() {
        List<CtSliceInput> list = slices();
        CtSliceInput s = list.get(5);
        list.set(5, new CtSliceInput(8, 8, new short[64], 1, 1, 0, s.imagePositionPatientMm(),
                s.imageOrientationPatient(), s.pixelSpacingMm(), 1, s.seriesInstanceUid(), "1.2.3", 6));
        assertEquals(SeriesAssemblyErrorCode.MIXED_SERIES, refusal(list));
    }

    @Test
    void assemble_duplicatedSlice_refusedAsDuplicatePosition() {
        List<CtSliceInput> list = slices();
        list.add(list.get(7));
        assertEquals(SeriesAssemblyErrorCode.DUPLICATE_POSITION, refusal(list));
    }

    @Test
    void assemble_missingSlice_refusedAsInconsistentSpacing() {
        List<CtSliceInput> list = slices();
        list.remove(12);
        assertEquals(SeriesAssemblyErrorCode.INCONSISTENT_SPACING, refusal(list));
    }

    @Test
    void assemble_slightJitterWithinTolerance_accepted() throws SeriesAssemblyException {
        List<CtSliceInput> list = slices();
        CtSliceInput s = list.get(7);
        double[] p = s.imagePositionPatientMm().clone();
        p[2] += 0.05 * 10;
        list.set(7, with(s, p, s.imageOrientationPatient(), s.pixelSpacingMm(), s.seriesInstanceUid()));
        assertEquals(24, CtSeriesAssembler.assemble(list, CONFIG).depth());
        p[2] += 0.1 * 10;
        list.set(7, with(s, p, s.imageOrientationPatient(), s.pixelSpacingMm(), s.seriesInstanceUid()));
        assertEquals(SeriesAssemblyErrorCode.INCONSISTENT_SPACING, refusal(list));
    }

    @Test
    void assemble_nonOrthonormalOrientation_refusedAsInvalidGeometry() {
        List<CtSliceInput> list = slices();
        List<CtSliceInput> bad = new ArrayList<>();
        for (CtSliceInput s : list) {
            bad.add(with(s, s.imagePositionPatientMm(), new double[] {1, 0, 0, 1, 0, 0}, s.pixelSpacingMm(),
                    s.seriesInstanceUid()));
        }
        assertEquals(SeriesAssemblyErrorCode.INVALID_GEOMETRY, refusal(bad));
    }

    @Test
    void assemble_gantryTiltShift_refusedAsInvalidGeometry() {
        List<CtSliceInput> list = slices();
        List<CtSliceInput> tilted = new ArrayList<>();
        for (CtSliceInput s : list) {
            double[] p = s.imagePositionPatientMm().clone();
            p[1] += 0.3 * p[2];
            tilted.add(with(s, p, s.imageOrientationPatient(), s.pixelSpacingMm(), s.seriesInstanceUid()));
        }
        SeriesAssemblyException e = assertThrows(SeriesAssemblyException.class,
                () -> CtSeriesAssembler.assemble(tilted, CONFIG));
        assertEquals(SeriesAssemblyErrorCode.INVALID_GEOMETRY, e.code());
        assertTrue(e.getMessage().contains("shifted in-plane"), e.getMessage());
    }

    @Test
    void assemble_obliqueOrientation_sortsAlongNormal() throws SeriesAssemblyException {
        // Sagittal slices: rows along y, columns along z, normal along -x... positions vary in x.
        List<CtSliceInput> list = new ArrayList<>();
        double[] orientation = {0, 1, 0, 0, 0, -1};
        for (int k = 0; k < 16; k++) {
            short[] stored = new short[16];
            stored[0] = (short) k;
            list.add(new CtSliceInput(4, 4, stored, 1, 1, 0, new double[] {-3.0 * k, 0, 0}, orientation,
                    new double[] {1, 1}, 3, "1.2", "1.2." + k, k));
        }
        CtVolume volume = CtSeriesAssembler.assemble(list, CONFIG);
        // normal = (0,1,0) x (0,0,-1) = (-1,0,0): larger -x means further along the normal.
        assertEquals(0, volume.huValues()[0]);
        assertEquals(15, volume.huValues()[15 * 16]);
        assertEquals(3.0, volume.sliceSpacingMm(), 1e-9);
    }
}
