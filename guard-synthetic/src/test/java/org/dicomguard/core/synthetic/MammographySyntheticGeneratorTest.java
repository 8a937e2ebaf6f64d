package org.dicomguard.core.synthetic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Determinism, headers, labels and prevalence of the synthetic mammography generator. */
class MammographySyntheticGeneratorTest {

    private static final MammographySyntheticOptions SMALL = MammographySyntheticOptions.defaults()
            .withImageSize(MammographySyntheticSize.fixed(160, 128));

    @Test
    void study_sameSeed_bitIdenticalPixels() {
        MammographySyntheticStudy a = new MammographySyntheticGenerator(SMALL).study(42, 3);
        MammographySyntheticStudy b = new MammographySyntheticGenerator(SMALL).study(42, 3);
        assertEquals(a.studyId(), b.studyId());
        assertEquals(a.pathologyCodes(), b.pathologyCodes());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.views().get(i).storedValues(), b.views().get(i).storedValues());
            assertArrayEquals(a.views().get(i).breastMask(), b.views().get(i).breastMask());
        }
        MammographySyntheticStudy other = new MammographySyntheticGenerator(SMALL).study(42, 4);
        assertFalse(java.util.Arrays.equals(a.views().get(0).storedValues(), other.views().get(0).storedValues()));
    }

    @Test
    void study_fourViews_inScreeningOrderWithMammographyHeaders() {
        MammographySyntheticStudy study = new MammographySyntheticGenerator(SMALL).study(1, 0);
        List<String> order = study.views().stream()
                .map(v -> v.header().imageLaterality() + "-" + v.header().viewPosition()).toList();
        assertEquals(List.of("L-CC", "L-MLO", "R-CC", "R-MLO"), order);
        for (MammographySyntheticImage view : study.views()) {
            SyntheticImageHeader header = view.header();
            assertEquals("MG", header.modality());
            assertEquals(SyntheticImageHeader.DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION, header.sopClassUid());
            assertEquals(16, header.bitsAllocated());
            assertTrue(view.breastPixelCount() > 0.2 * 160 * 128, "breast covers a good part of the image");
            int max = (1 << header.bitsStored()) - 1;
            for (short s : view.storedValues()) {
                assertTrue((s & 0xFFFF) <= max);
            }
        }
    }

    @Test
    void studies_prevalence_nearConfiguredFractionAndLabelsMatchLesions() {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(SMALL.withMassPrevalenceFraction(0.5)
                .withCalcificationPrevalenceFraction(0.2));
        int masses = 0;
        int calcifications = 0;
        int monochrome1 = 0;
        for (MammographySyntheticStudy study : generator.studies(8, 200)) {
            masses += study.label(SyntheticLesion.MASS);
            calcifications += study.label(SyntheticLesion.CALCIFICATION);
            monochrome1 += study.views().get(0).header().photometricInterpretation().equals("MONOCHROME1") ? 1 : 0;
            for (String code : List.of(SyntheticLesion.MASS, SyntheticLesion.CALCIFICATION)) {
                // A pathology shows on exactly the two views of one side, and only when labelled.
                long viewsWithIt = study.views().stream()
                        .filter(v -> v.lesions().stream().anyMatch(l -> l.pathologyCode().equals(code))).count();
                assertEquals(study.label(code) * 2L, viewsWithIt, study.studyId() + " " + code);
            }
        }
        assertTrue(masses > 80 && masses < 120, "masses " + masses);
        assertTrue(calcifications > 25 && calcifications < 55, "calcifications " + calcifications);
        assertTrue(monochrome1 > 30 && monochrome1 < 70, "MONOCHROME1 studies " + monochrome1);
    }

    @Test
    void image_realisticSize_usesDetectorFormats() {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(MammographySyntheticOptions.defaults());
        MammographySyntheticImage image = generator.image(MammographySyntheticKind.CT_SLICE, 3);
        assertEquals("CT", image.header().modality());
        assertEquals(512, image.header().rows());
        assertEquals(-1024.0, image.header().rescaleIntercept());
        SyntheticImageHeader asMammography = image.header().asMammography("L", "CC");
        assertEquals("MG", asMammography.modality());
        assertEquals("BREAST", asMammography.bodyPartExamined());
    }

    @Test
    void image_realisticSize_drawsAllThreeDetectorProfiles() {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(MammographySyntheticOptions.defaults());
        java.util.Set<String> formats = new java.util.TreeSet<>();
        for (long seed = 0; seed < 24; seed++) {
            SyntheticImageHeader h = generator.image(MammographySyntheticKind.BLANK, seed).header();
            formats.add(h.rows() + "x" + h.columns() + "/" + h.bitsStored());
        }
        assertEquals(java.util.Set.of("2294x1914/12", "3328x2560/14", "4096x3328/16"), formats);
    }

    @Test
    void drawImplant_insideBreast_brighterThanTissueAndMaskUnchanged() {
        int rows = 200;
        int columns = 160;
        MammographyBreastRenderer.BreastShape shape = new MammographyBreastRenderer.BreastShape(0.7, 0.38, 0.5,
                0, 3, 0, 0, 6, 0, 0, 0);
        float[] intensity = new float[rows * columns];
        byte[] mask = new byte[rows * columns];
        MammographyBreastRenderer.render(rows, columns, true, shape, false, new SyntheticValueNoise(new SyntheticRandom(1), 5),
                new SyntheticValueNoise(new SyntheticRandom(2), 23), List.of(), intensity, mask);
        byte[] maskBefore = mask.clone();
        int centre = 100 * columns + (int) (0.34 * 0.7 * columns);
        float tissue = intensity[centre];
        MammographyBreastRenderer.drawImplant(rows, columns, true, shape, false, intensity, mask);
        assertArrayEquals(maskBefore, mask);
        assertTrue(intensity[centre] > 0.85f && intensity[centre] > tissue, "implant centre " + intensity[centre]);
        assertEquals(MammographyBreastRenderer.AIR_INTENSITY, intensity[5 * columns + columns - 3], 1e-6, "air untouched");
    }

    @Test
    void image_oodKinds_carryTheirHeaders() {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(SMALL);
        assertEquals("DX", generator.image(MammographySyntheticKind.KNEE_RADIOGRAPH, 1).header().modality());
        assertEquals("KNEE", generator.image(MammographySyntheticKind.KNEE_RADIOGRAPH, 1).header().bodyPartExamined());
        assertEquals("HAND", generator.image(MammographySyntheticKind.HAND_RADIOGRAPH, 1).header().bodyPartExamined());
        for (MammographySyntheticKind kind : List.of(MammographySyntheticKind.BOTTLE_PHANTOM, MammographySyntheticKind.BLANK,
                MammographySyntheticKind.SATURATED, MammographySyntheticKind.WRONG_PHOTOMETRIC)) {
            MammographySyntheticImage image = generator.image(kind, 2);
            assertEquals(kind, image.kind());
            assertEquals("MG", image.header().modality(), kind.name());
        }
        MammographySyntheticImage wrong = generator.image(MammographySyntheticKind.WRONG_PHOTOMETRIC, 2);
        // The breast is stored bright (MONOCHROME2 sense) in the pixels while the header says otherwise, or vice versa.
        assertTrue(wrong.breastPixelCount() > 0);
    }

    @Test
    void options_outOfRange_messageNamesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MammographySyntheticOptions.defaults().withMassPrevalenceFraction(1.5));
        assertTrue(e.getMessage().contains("massPrevalenceFraction must be in [0, 1], got 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MammographySyntheticSize.fixed(10, 10));
    }
}
