package org.dicomguard.core.review;

import org.dicomguard.core.synthetic.SyntheticImageHeader;
import org.dicomguard.core.synthetic.SyntheticRandom;
import org.dicomguard.core.synthetic.chestxray.ChestXrayFinding;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticGenerator;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticImage;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticOptions;
import org.dicomguard.core.task.chestxray.ChestXrayImageInput;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessed;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessor;
import org.dicomguard.core.task.chestxray.ChestXrayVoi;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChestXrayReviewRendererTest {

    @Test
    void render_chest_drawsLungOutlineCropAndTensor() {
        ChestXraySyntheticImage image = new ChestXraySyntheticGenerator(ChestXraySyntheticOptions.small())
                .chest(new SyntheticRandom(3), Set.of(ChestXrayFinding.NODULE));
        SyntheticImageHeader h = image.header();
        ChestXrayPreprocessed result = new ChestXrayPreprocessor(ChestXrayPreprocessingConfig.defaults()
                .toBuilder().modelInputPixels(64, 64).build()).preprocess(new ChestXrayImageInput(h.rows(), h.columns(),
                image.storedValues(), h.bitsStored(), 0, h.photometricInterpretation(), 1, 0, new ChestXrayVoi.None(),
                h.pixelSpacingRowMm(), h.pixelSpacingColumnMm()));
        BufferedImage picture = ChestXrayReviewRenderer.render(result, List.of("nodule 0.900"), 2);
        assertEquals(result.workingColumns() * 2 + 8 + 64, picture.getWidth());
        int green = 0;
        int yellow = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < result.workingColumns() * 2; x++) {
                int rgb = picture.getRGB(x, y) & 0xFFFFFF;
                green += rgb == 0x00E600 ? 1 : 0;
                yellow += rgb == 0xFFDC00 ? 1 : 0;
            }
        }
        assertTrue(green > 200, "lung outline pixels: " + green);
        assertTrue(yellow > 200, "crop box pixels: " + yellow);
    }
}
