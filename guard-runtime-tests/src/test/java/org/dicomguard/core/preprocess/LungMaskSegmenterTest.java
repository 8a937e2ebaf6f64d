package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.CtSeriesAssembler;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.task.chestct.LungMask;
import org.dicomguard.core.task.chestct.LungMaskSegmenter;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import org.dicomguard.core.synthetic.ChestCtStudyKind;
import org.dicomguard.core.synthetic.ChestCtSyntheticGenerator;
import org.dicomguard.core.synthetic.ChestCtSyntheticOptions;
import org.dicomguard.core.synthetic.ChestCtSyntheticStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LungMaskSegmenterTest {

    private static final ChestCtPreprocessingConfig CONFIG = ChestCtPreprocessingConfig.defaults();
    /** Slices with less lung than this (about 5 cm^2 at 2.8 mm pixels) are apex or base tips. */
    private static final int MIN_SLICE_LUNG_VOXELS = 64;

    /**
     * Quality gate on synthetic ground truth: 10 seeded 128 x 128 x 32 studies (320 slices), half
     * of them with every pathology (nodules, ground glass, effusion): each study has lung Dice
     * >= 0.95, and so has the mean over the slices that show lung.
     */
    @Test
    void segment_seededSyntheticChests_diceAtLeast095() throws SeriesAssemblyException {
        int studies = 10;
        double sum = 0;
        double min = 1;
        int slices = 0;
        double sliceDiceSum = 0;
        double sliceDiceMin = 1;
        int lungSlices = 0;
        for (int seed = 0; seed < studies; seed++) {
            ChestCtSyntheticOptions options = ChestCtSyntheticOptions.small()
                    .withPathologyPrevalenceFraction(seed % 2 == 0 ? 1.0 : 0.0);
            ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(1000 + seed, options);
            CtVolume volume = CtSeriesAssembler.assemble(study.slices(), CONFIG);
            LungMask mask = LungMaskSegmenter.segment(volume, CONFIG);
            double dice = dice(mask.voxels(), study.groundTruthLungMask());
            System.out.printf("seed %d pathologies %s dice %.4f components %d%n", 1000 + seed, study.pathologies(),
                    dice, mask.componentCount());
            sum += dice;
            min = Math.min(min, dice);
            slices += volume.depth();
            int plane = volume.height() * volume.width();
            for (int z = 0; z < volume.depth(); z++) {
                byte[] a = java.util.Arrays.copyOfRange(mask.voxels(), z * plane, (z + 1) * plane);
                byte[] b = java.util.Arrays.copyOfRange(study.groundTruthLungMask(), z * plane, (z + 1) * plane);
                long truth = 0;
                for (byte v : b) {
                    truth += v;
                }
                if (truth >= MIN_SLICE_LUNG_VOXELS) {
                    double sliceDice = dice(a, b);
                    sliceDiceSum += sliceDice;
                    sliceDiceMin = Math.min(sliceDiceMin, sliceDice);
                    lungSlices++;
                }
            }
        }
        System.out.printf("per-slice Dice over %d slices with >= %d lung voxels: mean %.4f min %.4f%n", lungSlices,
                MIN_SLICE_LUNG_VOXELS, sliceDiceSum / lungSlices, sliceDiceMin);
        assertTrue(lungSlices >= 200, "at least 200 slices with lung, got " + lungSlices);
        assertTrue(sliceDiceSum / lungSlices >= 0.95, "mean per-slice Dice " + sliceDiceSum / lungSlices);
        System.out.printf("lung mask Dice over %d studies (%d slices): mean %.4f min %.4f%n", studies, slices,
                sum / studies, min);
        assertTrue(slices >= 200, "at least 200 slices");
        assertTrue(min >= 0.95, "minimum Dice " + min + " below 0.95");
    }

    @Test
    void segment_fullResolutionChest_diceAtLeast095() throws SeriesAssemblyException {
        ChestCtSyntheticOptions options = ChestCtSyntheticOptions.defaults().withSize(384, 384, 48)
                .withPathologyPrevalenceFraction(1.0);
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(77, options);
        LungMask mask = LungMaskSegmenter.segment(CtSeriesAssembler.assemble(study.slices(), CONFIG), CONFIG);
        double dice = dice(mask.voxels(), study.groundTruthLungMask());
        System.out.printf("384 x 384 x 48 lung mask Dice %.4f%n", dice);
        assertTrue(dice >= 0.95, "Dice " + dice);
        assertEquals(2, mask.componentCount());
    }

    @Test
    void segment_chestWithTrachea_topSliceAboveLungsHasNoMask() throws SeriesAssemblyException {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(3, ChestCtSyntheticOptions.small());
        CtVolume volume = CtSeriesAssembler.assemble(study.slices(), CONFIG);
        LungMask mask = LungMaskSegmenter.segment(volume, CONFIG);
        int plane = volume.height() * volume.width();
        int top = volume.depth() - 1;
        int airInTopSlice = 0;
        int maskInTopSlice = 0;
        for (int p = 0; p < plane; p++) {
            airInTopSlice += volume.huValues()[top * plane + p] < -900 && study.groundTruthLungMask()[top * plane + p] == 0
                    && Math.abs(p % volume.width() - volume.width() / 2) < 6 ? 1 : 0;
            maskInTopSlice += mask.voxels()[top * plane + p];
        }
        assertTrue(airInTopSlice > 0, "the synthetic trachea reaches the top slice");
        assertEquals(0, maskInTopSlice, "trachea must not be lung");
    }

    @ParameterizedTest
    @EnumSource(value = ChestCtStudyKind.class, names = {"BLANK", "SATURATED", "BOTTLE_PHANTOM", "HEAD_CT"})
    void segment_studyWithoutLungs_emptyMask(ChestCtStudyKind kind) throws SeriesAssemblyException {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(5, kind, ChestCtSyntheticOptions.small());
        LungMask mask = LungMaskSegmenter.segment(CtSeriesAssembler.assemble(study.slices(), CONFIG), CONFIG);
        assertTrue(mask.isEmpty(), kind + " gave " + mask.lungVoxelCount() + " lung voxels");
        assertEquals(0, mask.componentCount());
    }

    static double dice(byte[] a, byte[] b) {
        long both = 0;
        long sizeA = 0;
        long sizeB = 0;
        for (int i = 0; i < a.length; i++) {
            both += a[i] & b[i];
            sizeA += a[i];
            sizeB += b[i];
        }
        return sizeA + sizeB == 0 ? 1.0 : 2.0 * both / (sizeA + sizeB);
    }
}
