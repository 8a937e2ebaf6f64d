package org.dicomguard.core.inference;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A model that never finishes (a Loop with an always-true condition, built by
 * {@code src/test/resources/models/never-ending-loop.py}) must not hang its caller: the run is
 * stopped after {@link InferenceSettings#inferenceTimeoutMillis()} and the session stays usable.
 */
class InferenceTimeLimitTest {

    private static byte[] neverEndingLoop() throws Exception {
        try (InputStream in = InferenceTimeLimitTest.class.getResourceAsStream("/models/never-ending-loop.onnx")) {
            return in.readAllBytes();
        }
    }

    @Test
    void run_neverEndingLoop_throwsInferenceTimeoutAfterTheLimit() throws Exception {
        try (OrtModel model = OrtModel.open(neverEndingLoop(), InferenceSettings.defaults()
                .withInferenceTimeoutMillis(300))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(InferenceTimeoutException.class,
                    () -> model.run(new float[]{1f, 2f})));
            // The session is not broken by the stop: a second run is stopped the same way.
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(InferenceTimeoutException.class,
                    () -> model.run(new float[]{1f, 2f})));
        }
    }

    @Test
    void run_fastModelUnderATightLimit_isNotStopped() throws Exception {
        byte[] linear = OnnxTestModels.linear("input", new long[]{1, 2}, "output", 1, new float[]{1f, 2f}, false,
                Map.of());
        try (OrtModel model = OrtModel.open(linear, InferenceSettings.defaults().withInferenceTimeoutMillis(5_000))) {
            for (int i = 0; i < 50; i++) {
                assertArrayEquals(new float[]{11f}, model.run(new float[]{3f, 4f}));
            }
        }
    }
}
