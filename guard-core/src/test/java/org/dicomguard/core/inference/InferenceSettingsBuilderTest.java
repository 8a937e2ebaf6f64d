package org.dicomguard.core.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InferenceSettingsBuilderTest {

    @Test
    void build_namedSettings_equalThePositionalRecord() {
        InferenceSettings built = InferenceSettings.builder().intraOpThreads(4).interOpThreads(2)
                .optimizationLevel(InferenceSettings.OptimizationLevel.BASIC)
                .executionProvider(InferenceSettings.ExecutionProvider.CUDA).cudaDeviceId(1)
                .inferenceTimeoutMillis(5_000).build();
        assertEquals(new InferenceSettings(4, 2, InferenceSettings.OptimizationLevel.BASIC,
                InferenceSettings.ExecutionProvider.CUDA, 1, 5_000), built);
        assertEquals(InferenceSettings.defaults(), InferenceSettings.builder().build());
    }

    @Test
    void setter_setTwiceOrOutOfRange_namesTheSetting() {
        InferenceSettingsBuilder b = InferenceSettings.builder().intraOpThreads(4);
        assertEquals("intraOpThreads was already set to 4",
                assertThrows(IllegalStateException.class, () -> b.intraOpThreads(8)).getMessage());
        assertEquals("inferenceTimeoutMillis must be in [1, 3600000], got 0",
                assertThrows(IllegalArgumentException.class, () -> b.inferenceTimeoutMillis(0)).getMessage());
    }

    @Test
    void cudaDevice_withCpuProviderSetBefore_refusedNamingBoth() {
        InferenceSettingsBuilder b = InferenceSettings.builder()
                .executionProvider(InferenceSettings.ExecutionProvider.CPU);
        assertEquals("cudaDeviceId 1 conflicts with executionProvider CPU set before (a CUDA device needs"
                + " executionProvider CUDA)", assertThrows(IllegalArgumentException.class, () -> b.cudaDeviceId(1))
                .getMessage());
    }

    @Test
    void withers_replaceOneSetting_keepTheOthers() {
        InferenceSettings s = InferenceSettings.defaults().withInferenceTimeoutMillis(2_000).withIntraOpThreads(3);
        assertEquals(new InferenceSettings(3, 0, InferenceSettings.OptimizationLevel.ALL,
                InferenceSettings.ExecutionProvider.CPU, 0, 2_000), s);
    }
}
