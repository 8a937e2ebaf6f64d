package org.dicomguard.core.inference;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrtModelTest {

    private static final long[] SHAPE = {1, 2, 3};

    /** Weights chosen so that output j = sigmoid(sum of inputs * (j+1) / 10). */
    private static byte[] model(boolean sigmoid) {
        float[] w = new float[6 * 2];
        for (int i = 0; i < 6; i++) {
            w[i * 2] = 0.1f;
            w[i * 2 + 1] = 0.2f;
        }
        return OnnxTestModels.linear("image", SHAPE, "probabilities", 2, w, sigmoid, Map.of("k", "v"));
    }

    @Test
    void open_readsNamesShapesAndMetadata() throws Exception {
        try (OrtModel model = OrtModel.open(model(true), InferenceSettings.defaults())) {
            OnnxModelInfo info = model.info();
            assertEquals("image", info.inputName());
            assertArrayEquals(SHAPE, info.inputShape());
            assertEquals("probabilities", info.outputName());
            assertEquals(2, info.outputShape()[1]);
            assertEquals(Map.of("k", "v"), info.customMetadata());
            assertEquals(6, model.inputLength());
        }
    }

    @Test
    void run_computesTheGraph() throws Exception {
        try (OrtModel model = OrtModel.open(model(true), InferenceSettings.defaults())) {
            float[] out = model.run(new float[]{1, 1, 1, 1, 1, 1});
            assertEquals(1 / (1 + Math.exp(-0.6)), out[0], 1e-6);
            assertEquals(1 / (1 + Math.exp(-1.2)), out[1], 1e-6);
        }
    }

    @Test
    void run_wrongLength_isRefusedBeforeNativeCode() throws Exception {
        try (OrtModel model = OrtModel.open(model(true), InferenceSettings.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.run(new float[5]));
            assertTrue(e.getMessage().contains("input length must be 6"), e.getMessage());
        }
    }

    @Test
    void run_nonFiniteInput_isRefused() throws Exception {
        try (OrtModel model = OrtModel.open(model(true), InferenceSettings.defaults())) {
            float[] in = new float[6];
            in[3] = Float.NaN;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.run(in));
            assertTrue(e.getMessage().contains("input[3]"), e.getMessage());
        }
    }

    @Test
    void run_afterClose_isRefused() throws Exception {
        OrtModel model = OrtModel.open(model(true), InferenceSettings.defaults());
        model.close();
        model.close();
        assertTrue(model.isClosed());
        assertThrows(IllegalStateException.class, () -> model.run(new float[6]));
    }

    @Test
    void open_garbageBytes_isModelLoadException() {
        assertThrows(ModelLoadException.class,
                () -> OrtModel.open(new byte[]{1, 2, 3, 4}, InferenceSettings.defaults()));
    }

    @Test
    void open_cudaWithoutGpuBuild_namesTheSetting() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> OrtModel.open(model(true),
                InferenceSettings.defaults().withExecutionProvider(InferenceSettings.ExecutionProvider.CUDA)));
        assertTrue(e.getMessage().contains("CUDA"), e.getMessage());
    }

    @Test
    void run_sharedByEightThreads_givesSingleThreadResults() throws Exception {
        try (OrtModel model = OrtModel.open(model(true), InferenceSettings.defaults())) {
            int n = 400;
            float[][] expected = new float[n][];
            for (int i = 0; i < n; i++) {
                expected[i] = model.run(input(i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<float[]>> futures = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    int k = i;
                    futures.add(pool.submit(() -> model.run(input(k))));
                }
                for (int i = 0; i < n; i++) {
                    assertArrayEquals(expected[i], futures.get(i).get());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static float[] input(int seed) {
        float[] in = new float[6];
        for (int j = 0; j < 6; j++) {
            in[j] = (seed * 7 + j * 3) % 11 / 5f - 1f;
        }
        return in;
    }

    @Test
    void outputCheck_refusesEachKindOfBadOutput() {
        assertTrue(OutputCheck.check(new float[]{0f, 0.5f, 1f}, 3).isEmpty());
        assertEquals(OutputCheck.Code.OUTPUT_SHAPE_MISMATCH, OutputCheck.check(new float[]{0.5f}, 3).orElseThrow().code());
        assertEquals(OutputCheck.Code.NON_FINITE_OUTPUT, OutputCheck.check(new float[]{Float.NaN}, 1).orElseThrow().code());
        assertEquals(OutputCheck.Code.NON_FINITE_OUTPUT,
                OutputCheck.check(new float[]{Float.POSITIVE_INFINITY}, 1).orElseThrow().code());
        assertEquals(OutputCheck.Code.OUTPUT_OUT_OF_RANGE, OutputCheck.check(new float[]{1.0001f}, 1).orElseThrow().code());
        assertEquals(OutputCheck.Code.OUTPUT_OUT_OF_RANGE, OutputCheck.check(new float[]{-0.001f}, 1).orElseThrow().code());
    }

    @Test
    void run_modelWithoutSigmoid_failsTheOutputCheck() throws Exception {
        try (OrtModel model = OrtModel.open(model(false), InferenceSettings.defaults())) {
            float[] out = model.run(new float[]{10, 10, 10, 10, 10, 10});
            assertEquals(OutputCheck.Code.OUTPUT_OUT_OF_RANGE, OutputCheck.check(out, 2).orElseThrow().code());
        }
    }
}
