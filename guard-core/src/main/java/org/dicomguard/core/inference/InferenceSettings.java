package org.dicomguard.core.inference;

import java.util.Objects;

/**
 * ONNX Runtime session options of a Pipeline.
 *
 * @param intraOpThreads     threads ONNX Runtime uses inside one operator; 0 lets ONNX Runtime choose; range 0..256
 * @param interOpThreads     threads across independent operators; 0 lets ONNX Runtime choose; range 0..256
 * @param optimizationLevel  graph optimization level, default {@link OptimizationLevel#ALL}
 * @param executionProvider  where the model runs, default {@link ExecutionProvider#CPU}; {@link ExecutionProvider#CUDA}
 *                           needs a GPU build of ONNX Runtime on the class path (onnxruntime_gpu)
 * @param cudaDeviceId       CUDA device ordinal when {@code executionProvider} is CUDA, range 0..63
 * @param inferenceTimeoutMillis longest one model run may take before ONNX Runtime is told to stop it (the study
 *                           then fails with INFERENCE_TIMEOUT), range 1..3 600 000 ms; default 60 000 ms
 */
public record InferenceSettings(
        int intraOpThreads,
        int interOpThreads,
        OptimizationLevel optimizationLevel,
        ExecutionProvider executionProvider,
        int cudaDeviceId,
        long inferenceTimeoutMillis) {

    /** Default {@link #inferenceTimeoutMillis()}: one minute, far above any model a bundle ships. */
    public static final long DEFAULT_INFERENCE_TIMEOUT_MILLIS = 60_000;

    /** Graph optimization levels of ONNX Runtime. */
    public enum OptimizationLevel { NONE, BASIC, EXTENDED, ALL }

    /** Execution providers a Pipeline can ask for. */
    public enum ExecutionProvider { CPU, CUDA }

    public InferenceSettings {
        checkRange("intraOpThreads", intraOpThreads, 0, 256);
        checkRange("interOpThreads", interOpThreads, 0, 256);
        checkRange("cudaDeviceId", cudaDeviceId, 0, 63);
        checkTimeout(inferenceTimeoutMillis);
        Objects.requireNonNull(optimizationLevel, "optimizationLevel");
        Objects.requireNonNull(executionProvider, "executionProvider");
    }

    /**
     * Settings with the default inference timeout.
     *
     * @param intraOpThreads    see the record components
     * @param interOpThreads    see the record components
     * @param optimizationLevel see the record components
     * @param executionProvider see the record components
     * @param cudaDeviceId      see the record components
     */
    public InferenceSettings(int intraOpThreads, int interOpThreads, OptimizationLevel optimizationLevel,
                             ExecutionProvider executionProvider, int cudaDeviceId) {
        this(intraOpThreads, interOpThreads, optimizationLevel, executionProvider, cudaDeviceId,
                DEFAULT_INFERENCE_TIMEOUT_MILLIS);
    }

    /** @return CPU, all optimizations, one intra-op thread (a Pipeline is shared by caller threads), default inter-op */
    public static InferenceSettings defaults() {
        return new InferenceSettings(1, 0, OptimizationLevel.ALL, ExecutionProvider.CPU, 0);
    }

    /** @param value threads inside one operator, 0..256 (0: ONNX Runtime decides) @return a copy with it */
    public InferenceSettings withIntraOpThreads(int value) {
        return toBuilder().intraOpThreads(value).build();
    }

    /** @param value threads across operators, 0..256 (0: ONNX Runtime decides) @return a copy with it */
    public InferenceSettings withInterOpThreads(int value) {
        return toBuilder().interOpThreads(value).build();
    }

    /** @param value graph optimization level @return a copy with it */
    public InferenceSettings withOptimizationLevel(OptimizationLevel value) {
        return toBuilder().optimizationLevel(value).build();
    }

    /** @param value execution provider @return a copy with it */
    public InferenceSettings withExecutionProvider(ExecutionProvider value) {
        return toBuilder().executionProvider(value).build();
    }

    /** @param value CUDA device ordinal, 0..63 @return a copy with it */
    public InferenceSettings withCudaDeviceId(int value) {
        return toBuilder().cudaDeviceId(value).build();
    }

    /** @param value inference timeout, 1..3 600 000 ms @return a copy with it */
    public InferenceSettings withInferenceTimeoutMillis(long value) {
        return toBuilder().inferenceTimeoutMillis(value).build();
    }

    /** @return a builder starting from {@link #defaults()} */
    public static InferenceSettingsBuilder builder() {
        return new InferenceSettingsBuilder(defaults());
    }

    /** @return a builder starting from these settings; each setting may be replaced once */
    public InferenceSettingsBuilder toBuilder() {
        return new InferenceSettingsBuilder(this);
    }

    static void checkTimeout(long millis) {
        if (millis < 1 || millis > 3_600_000) {
            throw new IllegalArgumentException("inferenceTimeoutMillis must be in [1, 3600000], got " + millis);
        }
    }

    static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
