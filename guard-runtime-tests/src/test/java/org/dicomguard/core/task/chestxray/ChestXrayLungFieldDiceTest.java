package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.preprocess.MaskDice;
import org.dicomguard.core.synthetic.SyntheticImageHeader;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticGenerator;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticImage;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticOptions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lung-field Dice of the classical mask against the synthetic ground truth, on seeded images with
 * every finding and detector variant the generator draws (README "Chest radiograph" target: mean
 * at least 0.95, worst case reported).
 */
class ChestXrayLungFieldDiceTest {

    static double dice(ChestXraySyntheticImage image, ChestXrayPreprocessed result) {
        int rows = image.header().rows();
        int columns = image.header().columns();
        int wRows = result.workingRows();
        int wColumns = result.workingColumns();
        byte[] truth = new byte[wRows * wColumns];
        for (int r = 0; r < wRows; r++) {
            int sr = Math.min(rows - 1, (int) ((r + 0.5) * rows / wRows));
            for (int c = 0; c < wColumns; c++) {
                int sc = Math.min(columns - 1, (int) ((c + 0.5) * columns / wColumns));
                truth[r * wColumns + c] = image.lungMask()[sr * columns + sc];
            }
        }
        return MaskDice.dice(truth, result.masks().lungMask());
    }

    static ChestXrayImageInput input(ChestXraySyntheticImage image) {
        SyntheticImageHeader h = image.header();
        return new ChestXrayImageInput(h.rows(), h.columns(), image.storedValues(), h.bitsStored(),
                h.pixelRepresentation(), h.photometricInterpretation(), h.rescaleSlope(), h.rescaleIntercept(),
                new ChestXrayVoi.None(), h.pixelSpacingRowMm(), h.pixelSpacingColumnMm());
    }

    @Test
    void lungFieldDice_seededSmallImages_meanAtLeast095() {
        ChestXraySyntheticGenerator generator = new ChestXraySyntheticGenerator(
                new ChestXraySyntheticOptions(448, 512, 0.75, 0.9, 0.35, 0.4));
        ChestXrayPreprocessor preprocessor = new ChestXrayPreprocessor(ChestXrayPreprocessingConfig.defaults());
        double sum = 0;
        double worst = 1;
        int worstIndex = -1;
        int n = 60;
        for (int i = 0; i < n; i++) {
            ChestXraySyntheticImage image = generator.study(20261207L, i);
            ChestXrayPreprocessed result = preprocessor.preprocess(input(image));
            double d = dice(image, result);
            sum += d;
            if (d < worst) {
                worst = d;
                worstIndex = i;
            }
        }
        double mean = sum / n;
        System.out.printf("chest-xray lung-field Dice over %d small images: mean %.4f, worst %.4f (study %d)%n",
                n, mean, worst, worstIndex);
        assertTrue(mean >= 0.95, "mean Dice " + mean);
        assertTrue(worst >= 0.95, "worst Dice " + worst + " at study " + worstIndex);
    }

    @Test
    void lungFieldDice_clinicalSizeImages_meanAtLeast095() {
        ChestXraySyntheticGenerator generator = new ChestXraySyntheticGenerator(ChestXraySyntheticOptions.realistic());
        ChestXrayPreprocessor preprocessor = new ChestXrayPreprocessor(ChestXrayPreprocessingConfig.defaults());
        double sum = 0;
        double worst = 1;
        int n = 3;
        for (int i = 0; i < n; i++) {
            ChestXraySyntheticImage image = generator.study(7L, i);
            assertTrue(image.header().rows() >= 2000 && image.header().rows() <= 3000);
            double d = dice(image, preprocessor.preprocess(input(image)));
            sum += d;
            worst = Math.min(worst, d);
        }
        System.out.printf("chest-xray lung-field Dice over %d clinical-size images: mean %.4f, worst %.4f%n",
                n, sum / n, worst);
        assertTrue(sum / n >= 0.95, "mean Dice " + sum / n);
    }
}
