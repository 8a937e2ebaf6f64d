package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.mammography.BreastMaskThresholdMethod;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Breast mask quality against the synthetic ground truth. */
class MammographyBreastMaskDiceTest {

    private static final MammographySyntheticGenerator REDUCED = new MammographySyntheticGenerator(
            MammographySyntheticOptions.defaults().withImageSize(MammographySyntheticSize.fixed(600, 480)));

    @Test
    void preprocess_200ReducedImagesFixedFraction_diceAtLeast097() {
        assertDice(MammographyPreprocessingConfig.defaults(), 50, 0.97);
    }

    @Test
    void preprocess_reducedImagesOtsu_diceAtLeast097() {
        assertDice(MammographyPreprocessingConfig.defaults().toBuilder().breastMaskThresholdMethod(BreastMaskThresholdMethod.OTSU).build(),
                15, 0.97);
    }

    @Test
    void preprocess_fullSizeImages_diceAtLeast097() {
        MammographySyntheticGenerator realistic = new MammographySyntheticGenerator(MammographySyntheticOptions.defaults());
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        boolean sawLarge = false;
        boolean sawSmall = false;
        for (int seed = 1; seed <= 4; seed++) {
            MammographySyntheticImage image = realistic.image(MammographySyntheticKind.BREAST, seed);
            sawLarge |= image.header().rows() == 3328;
            sawSmall |= image.header().rows() == 2294;
            MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
            double dice = MaskDice.dice(image.breastMask(), result.breastMask());
            System.out.printf(Locale.ROOT, "full-size %dx%d %s dice=%.5f%n", image.header().rows(),
                    image.header().columns(), image.header().photometricInterpretation(), dice);
            assertTrue(dice >= 0.97, "dice " + dice + " for seed " + seed);
        }
        assertTrue(sawLarge && sawSmall, "both detector formats covered");
    }

    @Test
    void preprocess_sideMarker_isNotInMask() {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        MammographySyntheticStudy study = REDUCED.study(7, 0);
        for (MammographySyntheticImage image : study.views()) {
            int[] box = image.markerBox();
            assertEquals(4, box.length);
            MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
            int columns = image.header().columns();
            for (int y = box[0]; y < box[2]; y++) {
                for (int x = box[1]; x < box[3]; x++) {
                    assertEquals(0, result.breastMask()[y * columns + x], "marker pixel in mask at " + y + "," + x);
                }
            }
        }
    }

    @Test
    void preprocess_rightBreast_isFlippedLeftIsNot() {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(MammographyPreprocessingConfig.defaults());
        for (MammographySyntheticImage image : REDUCED.study(11, 3).views()) {
            MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
            assertEquals("R".equals(image.header().imageLaterality()), result.flippedHorizontally(),
                    image.header().imageLaterality() + " " + image.header().viewPosition());
        }
    }

    private static void assertDice(MammographyPreprocessingConfig config, int studies, double minimum) {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(config);
        double sum = 0;
        double min = 1;
        int count = 0;
        int monochrome1 = 0;
        for (int i = 0; i < studies; i++) {
            for (MammographySyntheticImage image : REDUCED.study(2024, i).views()) {
                MammographyPreprocessed result = preprocessor.preprocess(image.toPreprocessingInput());
                double dice = MaskDice.dice(image.breastMask(), result.breastMask());
                sum += dice;
                min = Math.min(min, dice);
                count++;
                monochrome1 += image.header().photometricInterpretation().equals("MONOCHROME1") ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d images (%d MONOCHROME1) mean dice=%.5f min dice=%.5f%n",
                config.breastMaskThresholdMethod(), count, monochrome1, sum / count, min);
        assertTrue(monochrome1 > 0, "MONOCHROME1 covered");
        assertTrue(min >= minimum, "min dice " + min + " < " + minimum);
    }
}
