package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.mammography.BreastMaskThresholdMethod;
import org.dicomguard.core.task.mammography.ChestWallSide;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.task.mammography.MammographyStatistics;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.SyntheticLesion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tensor, orientation, photometric handling and statistics of mammography preprocessing. */
class MammographyPreprocessorTest {

    private static final MammographySyntheticOptions OPTIONS = MammographySyntheticOptions.defaults()
            .withImageSize(MammographySyntheticSize.fixed(400, 320));
    private static final MammographySyntheticGenerator GENERATOR = new MammographySyntheticGenerator(OPTIONS);

    @Test
    void preprocess_monochrome1AndEquivalentMonochrome2_giveIdenticalOutputs() {
        MammographySyntheticImage image = GENERATOR.image(MammographySyntheticKind.BREAST, 9);
        MammographyImageInput original = image.toPreprocessingInput();
        int max = (1 << original.bitsStored()) - 1;
        short[] inverted = new short[original.storedValues().length];
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = (short) (max - (original.storedValues()[i] & 0xFFFF));
        }
        String otherPhotometric = original.photometricInterpretation().equals("MONOCHROME1") ? "MONOCHROME2" : "MONOCHROME1";
        MammographyImageInput invertedInput = copy(original, inverted, otherPhotometric, 0, 1.0);
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        MammographyPreprocessed a = preprocessor.preprocess(original);
        MammographyPreprocessed b = preprocessor.preprocess(invertedInput);
        assertArrayEquals(a.tensorChw(), b.tensorChw());
        assertArrayEquals(a.breastMask(), b.breastMask());
        assertEquals(a.statistics(), b.statistics());
    }

    @Test
    void preprocess_signedPixelsAndRescaleSlope_sameTensor() {
        MammographySyntheticImage image = GENERATOR.image(MammographySyntheticKind.BREAST, 21);
        MammographyImageInput original = image.toPreprocessingInput();
        int half = 1 << (original.bitsStored() - 1);
        short[] signed = new short[original.storedValues().length];
        for (int i = 0; i < signed.length; i++) {
            signed[i] = (short) ((original.storedValues()[i] & 0xFFFF) - half);
        }
        MammographyImageInput signedInput = copy(original, signed, original.photometricInterpretation(), 1, 2.5);
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        assertArrayEquals(preprocessor.preprocess(original).tensorChw(), preprocessor.preprocess(signedInput).tensorChw());
    }

    @Test
    void preprocess_breast_tensorInUnitRangeZeroOutsideAndChestWallLeft() {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        for (MammographySyntheticImage image : GENERATOR.study(31, 2).views()) {
            MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
            assertTrue(result.breastFound());
            int width = result.widthPixels();
            double leftColumn = 0;
            double rightColumn = 0;
            for (int y = 0; y < result.heightPixels(); y++) {
                for (int x = 0; x < width; x++) {
                    float v = result.tensorChw()[y * width + x];
                    assertTrue(v >= 0f && v <= 1f, "tensor value " + v);
                }
                leftColumn += result.tensorChw()[y * width + 1];
                rightColumn += result.tensorChw()[y * width + width - 2];
            }
            assertTrue(leftColumn > 5 * rightColumn, "chest wall on the left for " + image.header().imageLaterality()
                    + ": left " + leftColumn + " right " + rightColumn);
        }
    }

    @Test
    void preprocess_canonicalRight_mirrorsTheLeftResult() {
        MammographySyntheticImage image = GENERATOR.image(MammographySyntheticKind.BREAST, 4);
        MammographyPreprocessingConfig left = MammographyPreprocessingConfig.defaults();
        float[] a = new MammographyPreprocessor(left).preprocess(image.toPreprocessingInput()).tensorChw();
        float[] b = new MammographyPreprocessor(left.toBuilder().canonicalChestWallSide(ChestWallSide.RIGHT).build())
                .preprocess(image.toPreprocessingInput()).tensorChw();
        int width = left.modelInputWidthPixels();
        for (int y = 0; y < left.modelInputHeightPixels(); y++) {
            for (int x = 0; x < width; x++) {
                assertEquals(a[y * width + x], b[y * width + width - 1 - x]);
            }
        }
    }

    @Test
    void preprocess_blankAndSaturated_noExceptionFiniteStatistics() {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        MammographyPreprocessed saturated = preprocessor.preprocess(
                GENERATOR.image(MammographySyntheticKind.SATURATED, 1).toPreprocessingInput());
        assertFalse(saturated.breastFound());
        assertEquals(1.0, saturated.statistic("saturatedFraction"));
        assertEquals(0.0, saturated.statistic("maskAreaFraction"));
        for (float v : saturated.tensorChw()) {
            assertEquals(0f, v);
        }
        MammographyPreprocessed blank = preprocessor.preprocess(
                GENERATOR.image(MammographySyntheticKind.BLANK, 1).toPreprocessingInput());
        assertEquals(MammographyStatistics.NAMES.size(), blank.statistics().size());
    }

    @Test
    void statistics_everyOodKind_outsideTheBreastEnvelopeInSomeStatistic() {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        int count = MammographyStatistics.NAMES.size();
        double[] min = new double[count];
        double[] max = new double[count];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int s = 0; s < 10; s++) {
            for (MammographySyntheticImage image : GENERATOR.study(99, s).views()) {
                List<InputStatistic> statistics = preprocessor.preprocess(image.toPreprocessingInput()).statistics();
                for (int i = 0; i < count; i++) {
                    assertEquals(MammographyStatistics.NAMES.get(i), statistics.get(i).name());
                    min[i] = Math.min(min[i], statistics.get(i).value());
                    max[i] = Math.max(max[i], statistics.get(i).value());
                }
            }
        }
        Map<MammographySyntheticKind, List<String>> outliers = new EnumMap<>(MammographySyntheticKind.class);
        for (MammographySyntheticKind kind : MammographySyntheticKind.values()) {
            if (kind == MammographySyntheticKind.BREAST) {
                continue;
            }
            for (int seed = 0; seed < 3; seed++) {
                List<InputStatistic> statistics = preprocessor.preprocess(
                        GENERATOR.image(kind, seed).toPreprocessingInput()).statistics();
                List<String> names = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    double v = statistics.get(i).value();
                    // A margin of 10 % of the envelope width keeps this about clear separation.
                    double margin = 0.1 * (max[i] - min[i]);
                    if (v < min[i] - margin || v > max[i] + margin) {
                        names.add(statistics.get(i).name());
                    }
                }
                assertFalse(names.isEmpty(), kind + " seed " + seed + " looks like a breast in every statistic");
                outliers.put(kind, names);
            }
        }
        System.out.println("OOD statistics outside the breast envelope: " + outliers);
    }

    @Test
    void preprocess_lesions_visibleAtModelInputScale() {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(OPTIONS
                .withMassPrevalenceFraction(1).withCalcificationPrevalenceFraction(1));
        MammographyPreprocessingConfig config = MammographyPreprocessingConfig.defaults()
                .toBuilder().modelInputWidthPixels(104).modelInputHeightPixels(128).build();
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(config);
        double minimumMassContrast = Double.POSITIVE_INFINITY;
        double minimumCalcificationContrast = Double.POSITIVE_INFINITY;
        for (int s = 0; s < 10; s++) {
            for (MammographySyntheticImage image : generator.study(5, s).views()) {
                MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
                for (SyntheticLesion lesion : image.lesions()) {
                    double contrast = LesionContrast.of(result, lesion, SyntheticLesion.MASS.equals(lesion.pathologyCode()));
                    if (SyntheticLesion.MASS.equals(lesion.pathologyCode())) {
                        minimumMassContrast = Math.min(minimumMassContrast, contrast);
                    } else {
                        minimumCalcificationContrast = Math.min(minimumCalcificationContrast, contrast);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "at 128x104: minimum mass contrast %.3f, calcification peak contrast %.3f%n",
                minimumMassContrast, minimumCalcificationContrast);
        assertTrue(minimumMassContrast > 0.15, "mass contrast " + minimumMassContrast);
        assertTrue(minimumCalcificationContrast > 0.2, "calcification contrast " + minimumCalcificationContrast);
    }

    @Test
    void preprocess_everyKindWithOtsuAndFixedFraction_finiteStatisticsNoException() {
        for (BreastMaskThresholdMethod method : BreastMaskThresholdMethod.values()) {
            MammographyPreprocessor preprocessor = new MammographyPreprocessor(
                    MammographyPreprocessingConfig.defaults().toBuilder().breastMaskThresholdMethod(method).build());
            for (MammographySyntheticKind kind : MammographySyntheticKind.values()) {
                MammographyPreprocessed result = preprocessor.preprocess(GENERATOR.image(kind, 17).toPreprocessingInput());
                assertEquals(MammographyStatistics.NAMES.size(), result.statistics().size(), kind + " " + method);
                for (float v : result.tensorChw()) {
                    assertTrue(v >= 0f && v <= 1f, kind + " " + method + " tensor value " + v);
                }
            }
        }
    }

    @Test
    void imageInput_invalidFields_messagesNameFieldAndValue() {
        short[] pixels = new short[12];
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MammographyImageInput(3, 4, pixels, 12, 0, "RGB", 1, 0, "L", "CC", 0.1, 0.1));
        assertTrue(e.getMessage().contains("photometricInterpretation must be MONOCHROME1 or MONOCHROME2, got RGB"),
                e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MammographyImageInput(3, 5, pixels, 12, 0, "MONOCHROME2", 1, 0, "L", "CC", 0.1, 0.1));
        assertTrue(e.getMessage().contains("rows*columns=15"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MammographyImageInput(3, 4, pixels, 12, 0, "MONOCHROME2", 0, 0, "L", "CC", 0.1, 0.1));
        assertTrue(e.getMessage().contains("rescaleSlope"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new MammographyImageInput(3, 4, pixels, 12, 0, "MONOCHROME2", 1, 0, "B", "CC", 0.1, 0.1));
        assertTrue(e.getMessage().contains("imageLaterality"), e.getMessage());
    }

    @Test
    void preprocess_reusedInstanceAcrossSizesAndKinds_sameAsFreshInstance() {
        MammographyPreprocessor reused = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        MammographySyntheticGenerator large = new MammographySyntheticGenerator(OPTIONS
                .withImageSize(MammographySyntheticSize.fixed(700, 560)));
        List<MammographySyntheticImage> images = List.of(large.image(MammographySyntheticKind.BREAST, 1),
                GENERATOR.image(MammographySyntheticKind.BREAST, 2), GENERATOR.image(MammographySyntheticKind.CT_SLICE, 3),
                large.image(MammographySyntheticKind.HAND_RADIOGRAPH, 4), GENERATOR.image(MammographySyntheticKind.BREAST, 5));
        for (MammographySyntheticImage image : images) {
            MammographyPreprocessed a = reused.preprocess(image.toPreprocessingInput());
            MammographyPreprocessed b = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults())
                    .preprocess(image.toPreprocessingInput());
            assertArrayEquals(b.tensorChw(), a.tensorChw(), image.kind().name());
            assertArrayEquals(b.breastMask(), a.breastMask(), image.kind().name());
            assertEquals(b.statistics(), a.statistics(), image.kind().name());
        }
    }

    @Test
    void preprocess_reusedInstanceAcrossDisjointValueBands_sameAsFreshInstance() {
        // Bits above BitsStored are not pixel data: the same image with bit 14 set in every value
        // must preprocess identically, while its stored values (and so the table band used) move.
        MammographyImageInput plain = GENERATOR.image(MammographySyntheticKind.BREAST, 11).toPreprocessingInput();
        short[] shifted = plain.storedValues().clone();
        for (int i = 0; i < shifted.length; i++) {
            shifted[i] = (short) (shifted[i] | (1 << 14));
        }
        MammographyImageInput high = copy(plain, shifted, plain.photometricInterpretation(),
                plain.pixelRepresentation(), plain.rescaleSlope());
        MammographyImageInput other = GENERATOR.image(MammographySyntheticKind.BREAST, 12).toPreprocessingInput();
        MammographyPreprocessor reused = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        for (MammographyImageInput input : List.of(plain, high, other, plain, high)) {
            MammographyPreprocessed a = reused.preprocess(input);
            MammographyPreprocessed b = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults())
                    .preprocess(input);
            MammographyPreprocessed reference = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults())
                    .preprocess(input == high ? plain : input);
            assertArrayEquals(b.tensorChw(), a.tensorChw());
            assertEquals(b.statistics(), a.statistics());
            assertArrayEquals(reference.tensorChw(), a.tensorChw());
            assertEquals(reference.statistics(), a.statistics());
        }
    }

    private static MammographyImageInput copy(MammographyImageInput input, short[] values, String photometric,
                                              int pixelRepresentation, double slope) {
        return new MammographyImageInput(input.rows(), input.columns(), values, input.bitsStored(), pixelRepresentation,
                photometric, slope, 7.0, input.imageLaterality(), input.viewPosition(), input.pixelSpacingRowMm(),
                input.pixelSpacingColumnMm());
    }
}
