package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingResult;
import org.dicomguard.core.task.chestct.ChestCtPreprocessor;
import org.dicomguard.core.task.chestct.CtBox;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.task.chestct.LungMask;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import org.dicomguard.core.synthetic.ChestCtStudyKind;
import org.dicomguard.core.synthetic.ChestCtSyntheticGenerator;
import org.dicomguard.core.synthetic.ChestCtSyntheticOptions;
import org.dicomguard.core.synthetic.ChestCtSyntheticStudy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChestCtPreprocessorTest {

    private static final ChestCtPreprocessor PREPROCESSOR = new ChestCtPreprocessor(
            ChestCtPreprocessingConfig.defaults());

    private static ChestCtPreprocessingResult run(long seed, ChestCtStudyKind kind) throws SeriesAssemblyException {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(seed, kind, ChestCtSyntheticOptions.small());
        return PREPROCESSOR.preprocess(study.slices());
    }

    @Test
    void preprocess_chest_tensorOnTargetGridInUnitRange() throws SeriesAssemblyException {
        ChestCtPreprocessingResult result = run(21, ChestCtStudyKind.CHEST);
        assertEquals(32 * 64 * 64, result.tensor().length);
        assertEquals(32, result.tensorDepth());
        float min = 1;
        float max = 0;
        for (float v : result.tensor()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= 0 && max <= 1, "range " + min + ".." + max);
        assertTrue(max - min > 0.5, "lungs and tissue must both be visible, range " + min + ".." + max);
        assertEquals(ChestCtPreprocessingConfig.defaults().sha256Fingerprint(), result.configFingerprint());
    }

    @Test
    void preprocess_chest_cropBoxHoldsMaskWithMargin() throws SeriesAssemblyException {
        ChestCtPreprocessingResult result = run(22, ChestCtStudyKind.CHEST);
        LungMask mask = result.lungMask();
        CtBox tight = CtBox.boundingBox(mask.voxels(), mask.depth(), mask.height(), mask.width());
        CtBox crop = result.cropBox();
        assertTrue(crop.y0() < tight.y0() && crop.y1() > tight.y1() && crop.x0() < tight.x0()
                && crop.x1() > tight.x1(), "crop " + crop + " must enclose " + tight + " with a margin");
        assertTrue(crop.width() < mask.width(), "the crop must cut away air around the body: " + crop);
    }

    @Test
    void preprocess_sameInputTwice_identicalTensor() throws SeriesAssemblyException {
        ChestCtPreprocessingResult a = run(23, ChestCtStudyKind.CHEST);
        ChestCtPreprocessingResult b = run(23, ChestCtStudyKind.CHEST);
        assertTrue(java.util.Arrays.equals(a.tensor(), b.tensor()));
        assertEquals(a.statistics(), b.statistics());
    }

    @Test
    void preprocess_statistics_namedOrderedAndFinite() throws SeriesAssemblyException {
        List<InputStatistic> stats = run(24, ChestCtStudyKind.CHEST).statistics();
        assertEquals(List.of("lungVolumeFraction", "lungVolumeMl", "lungComponentCount", "bodyVolumeFraction",
                "meanHuInsideLungMask", "huP05InsideLungMask", "huP50InsideLungMask", "huP95InsideLungMask",
                "huP50OutsideLungMask", "huP95OutsideLungMask", "fractionBelowMinus950Hu", "sliceSpacingMm",
                "sliceCount"), stats.stream().map(InputStatistic::name).toList());
    }

    /**
     * The statistics must separate every out-of-distribution kind without lungs from real chests:
     * each such kind falls outside the range seen over 6 seeded chests on at least one statistic.
     */
    @Test
    void preprocess_outOfDistributionKinds_statisticsOutsideChestRange() throws SeriesAssemblyException {
        int count = ChestCtSyntheticGenerator.generate(0, ChestCtSyntheticOptions.small()).slices().size();
        double[][] range = null;
        for (int seed = 30; seed < 36; seed++) {
            List<InputStatistic> stats = run(seed, ChestCtStudyKind.CHEST).statistics();
            if (range == null) {
                range = new double[stats.size()][] ;
                for (int i = 0; i < stats.size(); i++) {
                    range[i] = new double[] {Double.MAX_VALUE, -Double.MAX_VALUE};
                }
            }
            for (int i = 0; i < stats.size(); i++) {
                range[i][0] = Math.min(range[i][0], stats.get(i).value());
                range[i][1] = Math.max(range[i][1], stats.get(i).value());
            }
        }
        assertTrue(range[0][0] > 0.05, "chests have lungs: min lungVolumeFraction " + range[0][0]);
        assertEquals(32, count);
        for (ChestCtStudyKind kind : List.of(ChestCtStudyKind.BLANK, ChestCtStudyKind.SATURATED,
                ChestCtStudyKind.BOTTLE_PHANTOM, ChestCtStudyKind.HEAD_CT, ChestCtStudyKind.ABDOMEN_CT)) {
            ChestCtPreprocessingResult result = run(40, kind);
            List<InputStatistic> stats = result.statistics();
            int outside = 0;
            for (int i = 0; i < stats.size(); i++) {
                double v = stats.get(i).value();
                if (v < range[i][0] || v > range[i][1]) {
                    outside++;
                }
            }
            assertTrue(outside >= 2, kind + " looks like a chest on all but " + outside + " statistics: " + stats);
            assertTrue(result.statistic("lungVolumeFraction") < 0.01, kind + " " + stats);
        }
    }

    @Test
    void preprocess_emptyMask_cropsWholeVolume() throws SeriesAssemblyException {
        ChestCtPreprocessingResult result = run(41, ChestCtStudyKind.BLANK);
        assertTrue(result.lungMask().isEmpty());
        assertEquals(new CtBox(0, 32, 0, 128, 0, 128), result.cropBox());
    }

    @Test
    void preprocess_cropSizedGrid_returnsWindowedVoxelsUnchanged() {
        // Voxel centers map to voxel centers: a grid equal to the crop must not blur.
        int d = 4;
        int h = 8;
        int w = 8;
        short[] hu = new short[d * h * w];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = (short) (-1350 + (i * 37) % 1500);
        }
        CtVolume volume = new CtVolume(d, h, w, hu, 2, 1, 1, "1.2", List.of("a", "b", "c", "d"));
        ChestCtPreprocessingConfig config = ChestCtPreprocessingConfig.defaults().toBuilder().targetGridVoxels(4, 8, 8).build()
                .toBuilder().minLungComponentVolumeMl(1000).build();
        ChestCtPreprocessingResult result = new ChestCtPreprocessor(config).preprocess(volume);
        for (int i = 0; i < hu.length; i++) {
            assertEquals((hu[i] + 1350) / 1500.0, result.tensor()[i], 1e-6);
        }
    }
}
