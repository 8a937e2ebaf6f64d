package org.dicomguard.core.synthetic;

import org.dicomguard.core.task.chestct.CtSliceInput;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChestCtSyntheticGeneratorTest {

    private static final ChestCtSyntheticOptions SMALL = ChestCtSyntheticOptions.small();

    @Test
    void generate_sameSeed_identicalStudy() {
        ChestCtSyntheticStudy a = ChestCtSyntheticGenerator.generate(7, SMALL);
        ChestCtSyntheticStudy b = ChestCtSyntheticGenerator.generate(7, SMALL);
        assertEquals(a.studyInstanceUid(), b.studyInstanceUid());
        assertEquals(a.pathologies(), b.pathologies());
        assertArrayEquals(a.groundTruthLungMask(), b.groundTruthLungMask());
        for (int k = 0; k < a.slices().size(); k++) {
            assertArrayEquals(a.slices().get(k).storedValues(), b.slices().get(k).storedValues());
        }
        assertNotEquals(a.studyInstanceUid(), ChestCtSyntheticGenerator.generate(8, SMALL).studyInstanceUid());
    }

    @Test
    void scannerProfileDraw_realistic_100To400SlicesOfThreeProtocols() {
        Set<Double> spacings = new HashSet<>();
        for (long seed = 0; seed < 60; seed++) {
            ChestCtScannerProfile.Drawn drawn = ChestCtScannerProfile.draw(seed, ChestCtSyntheticOptions.realistic());
            ChestCtSyntheticOptions o = drawn.options();
            assertTrue(o.sliceCount() >= 100 && o.sliceCount() <= 400, "slices " + o.sliceCount());
            assertEquals(drawn.profile().sliceSpacingMm(), o.sliceSpacingMm(), 1e-9);
            assertTrue(o.pixelSpacingMm() >= 0.64 && o.pixelSpacingMm() <= 0.79, "pixel spacing " + o.pixelSpacingMm());
            assertEquals(512, o.columns());
            assertFalse(o.scannerProfilesDrawn());
            spacings.add(o.sliceSpacingMm());
        }
        assertEquals(Set.of(0.625, 1.25, 2.5), spacings);
    }

    @Test
    void generate_scannerProfilesDrawn_seriesFollowsTheDrawnProtocol() {
        ChestCtSyntheticOptions reduced = new ChestCtSyntheticOptions(48, 48, 96, 360, 240, 0.5, 22, true);
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(5, reduced);
        ChestCtScannerProfile.Drawn drawn = ChestCtScannerProfile.draw(5, reduced);
        assertEquals(drawn.options().sliceCount(), study.slices().size());
        CtSliceInput first = study.slices().get(0);
        CtSliceInput second = study.slices().get(1);
        assertEquals(drawn.profile().sliceSpacingMm(),
                Math.abs(first.imagePositionPatientMm()[2] - second.imagePositionPatientMm()[2]), 1e-6);
        assertEquals(drawn.options().pixelSpacingMm(), first.pixelSpacingMm()[0], 1e-9);
    }

    @Test
    void generate_small_headerAndGeometry() {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(1, SMALL);
        assertEquals(32, study.slices().size());
        CtSliceInput first = study.slices().get(0);
        assertEquals(128, first.rows());
        assertEquals(360.0 / 128, first.pixelSpacingMm()[0], 1e-9);
        assertEquals(1, first.instanceNumber());
        assertTrue(first.imagePositionPatientMm()[2] > study.slices().get(1).imagePositionPatientMm()[2],
                "instance 1 is the top slice");
        assertEquals("CT", study.modality());
        assertEquals("MONOCHROME2", study.photometricInterpretation());
        assertTrue(study.studyInstanceUid().startsWith("2.25.") && study.studyInstanceUid().length() <= 64);
    }

    @Test
    void generate_manySeeds_varyRescaleInterceptAndPixelRepresentation() {
        Set<String> storage = new HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            CtSliceInput s = ChestCtSyntheticGenerator.generate(seed, ChestCtStudyKind.BLANK,
                    SMALL.withSize(32, 32, 8)).slices().get(0);
            assertEquals(1.0, s.rescaleSlope());
            storage.add(s.rescaleInterceptHu() + "/" + s.pixelRepresentation());
            assertEquals(-1024.0, s.huAt(0), 1e-9, "blank is -1024 HU whatever the storage");
        }
        assertEquals(Set.of("-1024.0/0", "-1024.0/1", "0.0/1"), storage);
    }

    @Test
    void generate_prevalence_controlsLabelFrequency() {
        int present = 0;
        int total = 0;
        for (int seed = 0; seed < 40; seed++) {
            ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(seed,
                    SMALL.withSize(48, 48, 12).withPathologyPrevalenceFraction(0.5));
            present += study.pathologies().size();
            total += ChestCtPathology.values().length;
        }
        double fraction = (double) present / total;
        assertTrue(fraction > 0.35 && fraction < 0.65, "prevalence " + fraction);
        assertTrue(ChestCtSyntheticGenerator.generate(3, SMALL.withSize(48, 48, 12)
                .withPathologyPrevalenceFraction(0)).pathologies().isEmpty());
        assertEquals(3, ChestCtSyntheticGenerator.generate(3, SMALL.withSize(48, 48, 12)
                .withPathologyPrevalenceFraction(1)).pathologies().size());
    }

    @Test
    void generate_chest_lungHuAndVolumePlausible() {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(2, SMALL.withPathologyPrevalenceFraction(0));
        long lungVoxels = 0;
        double lungHuSum = 0;
        int plane = 128 * 128;
        int depth = study.slices().size();
        for (int z = 0; z < depth; z++) {
            CtSliceInput slice = study.slices().get(depth - 1 - z);
            for (int p = 0; p < plane; p++) {
                if (study.groundTruthLungMask()[z * plane + p] != 0) {
                    lungVoxels++;
                    lungHuSum += slice.huAt(p);
                }
            }
        }
        double voxelMl = (360.0 / 128) * (360.0 / 128) * (240.0 / 32) / 1000;
        double lungMl = lungVoxels * voxelMl;
        assertTrue(lungMl > 1500 && lungMl < 7000, "lung volume " + lungMl + " mL");
        double meanHu = lungHuSum / lungVoxels;
        assertTrue(meanHu > -880 && meanHu < -780, "mean lung HU " + meanHu);
    }

    /**
     * Lesions must be visible on the model grid: averaged into 64 x 64 x 32-sized blocks the
     * pathology changes the HU of some lung block by well over the noise.
     */
    @Test
    void generate_pathologies_changeLungContentAtModelScale() {
        ChestCtSyntheticOptions options = SMALL.withNoiseSigmaHu(0);
        ChestCtSyntheticStudy normal = ChestCtSyntheticGenerator.generate(9, options.withPathologyPrevalenceFraction(0));
        ChestCtSyntheticStudy sick = ChestCtSyntheticGenerator.generate(9, options.withPathologyPrevalenceFraction(1));
        assertEquals(3, sick.pathologies().size());
        assertFalse(Arrays.equals(normal.groundTruthLungMask(), sick.groundTruthLungMask()),
                "effusion displaces lung");
        double maxBlockDifferenceHu = 0;
        int depth = 32;
        for (int bz = 0; bz < depth; bz++) {
            CtSliceInput a = normal.slices().get(bz);
            CtSliceInput b = sick.slices().get(bz);
            for (int by = 0; by < 128; by += 2) {
                for (int bx = 0; bx < 128; bx += 2) {
                    double diff = 0;
                    for (int k = 0; k < 4; k++) {
                        int p = (by + k / 2) * 128 + bx + k % 2;
                        diff += b.huAt(p) - a.huAt(p);
                    }
                    maxBlockDifferenceHu = Math.max(maxBlockDifferenceHu, Math.abs(diff / 4));
                }
            }
        }
        assertTrue(maxBlockDifferenceHu > 300, "largest block change " + maxBlockDifferenceHu + " HU");
    }

    @Test
    void generate_outOfDistributionKinds_noLungGroundTruthAndHeaders() {
        for (ChestCtStudyKind kind : ChestCtStudyKind.values()) {
            ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(4, kind, SMALL.withSize(64, 64, 16));
            long lung = 0;
            for (byte v : study.groundTruthLungMask()) {
                lung += v;
            }
            boolean hasLungs = kind == ChestCtStudyKind.CHEST || kind == ChestCtStudyKind.WRONG_PHOTOMETRIC;
            assertEquals(hasLungs, lung > 0, kind.name());
            assertEquals(kind != ChestCtStudyKind.CHEST, kind.isOutOfDistribution());
            assertEquals(kind == ChestCtStudyKind.WRONG_PHOTOMETRIC ? "MONOCHROME1" : "MONOCHROME2",
                    study.photometricInterpretation());
        }
        assertEquals("HEAD", ChestCtSyntheticGenerator.generate(4, ChestCtStudyKind.HEAD_CT,
                SMALL.withSize(64, 64, 16)).bodyPartExamined());
    }

    @Test
    void options_outOfRange_messageNamesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SMALL.withSize(16, 128, 32));
        assertTrue(e.getMessage().startsWith("rows must be in [32.0, 1024.0], got 16"), e.getMessage());
    }
}
