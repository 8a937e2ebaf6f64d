package org.dicomguard.core.bundle;

import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleModelCheckTest {

    private static final MammographyPreprocessingConfig CONFIG = MammographyPreprocessingConfig.defaults();
    private static final long[] SHAPE = {-1, 4, CONFIG.modelInputHeightPixels(), CONFIG.modelInputWidthPixels()};

    private static OrtModel model(long[] shape, int outputs, boolean sigmoid) throws Exception {
        long features = 1;
        for (int i = 1; i < shape.length; i++) {
            features *= shape[i];
        }
        float[] w = new float[(int) features * outputs];
        for (int i = 0; i < w.length; i++) {
            w[i] = (i % 7 - 3) / 100f;
        }
        return OrtModel.open(OnnxTestModels.linear("image", shape, "probabilities", outputs, w, sigmoid, Map.of()),
                InferenceSettings.defaults());
    }

    @Test
    void expectedInputShape_eachTask_isTheTensorItsPreprocessingMakes() {
        assertArrayEquals(new long[] {4, 256, 208}, BundleModelCheck.expectedInputShape(CONFIG));
        assertArrayEquals(new long[] {1, 32, 64, 64},
                BundleModelCheck.expectedInputShape(ChestCtPreprocessingConfig.defaults()));
        // Chest radiographs: one grayscale channel at the model grid (this check used to refuse them).
        ChestXrayPreprocessingConfig xray = ChestXrayPreprocessingConfig.defaults();
        assertArrayEquals(new long[] {1, xray.modelInputHeightPixels(), xray.modelInputWidthPixels()},
                BundleModelCheck.expectedInputShape(xray));
    }

    @Test
    void check_probabilityModelOfTheRightShape_passes() throws Exception {
        try (OrtModel m = model(SHAPE, 2, true)) {
            assertDoesNotThrow(() -> BundleModelCheck.check(m, CONFIG, 2));
        }
    }

    @Test
    void check_modelWithoutSigmoid_isRefusedAsNotProbabilities() throws Exception {
        try (OrtModel m = model(SHAPE, 2, false)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BundleModelCheck.check(m, CONFIG, 2));
            assertTrue(e.getMessage().contains("probabilities"), e.getMessage());
        }
    }

    @Test
    void check_outputCountDifferentFromPathologies_isRefused() throws Exception {
        try (OrtModel m = model(SHAPE, 3, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BundleModelCheck.check(m, CONFIG, 2));
            assertTrue(e.getMessage().contains("3 outputs but 2 pathologies"), e.getMessage());
        }
    }

    @Test
    void check_inputShapeNotThePreprocessingsTensor_isRefused() throws Exception {
        try (OrtModel m = model(new long[] {-1, 1, 256, 208}, 2, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BundleModelCheck.check(m, CONFIG, 2));
            assertTrue(e.getMessage().contains("input shape"), e.getMessage());
        }
    }
}
