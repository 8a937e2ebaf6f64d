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
 */
public record InferenceSettings(
        int intraOpThreads,
        int interOpThreads,
        OptimizationLevel optimizationLevel,
        ExecutionProvider executionProvider,
        int cudaDeviceId) {

    /** Graph optimization levels of ONNX Runtime. */
    public enum OptimizationLevel { NONE, BASIC, EXTENDED, ALL }

    /** Execution providers a Pipeline can ask for. */
    public enum ExecutionProvider { CPU, CUDA }

    public InferenceSettings {
        checkRange("intraOpThreads", intraOpThreads, 0, 256);
        checkRange("interOpThreads", interOpThreads, 0, 256);
        checkRange("cudaDeviceId", cudaDeviceId, 0, 63);
        Objects.requireNonNull(optimizationLevel, "optimizationLevel");
        Objects.requireNonNull(executionProvider, "executionProvider");
    }

    /** @return CPU, all optimizations, one intra-op thread (a Pipeline is shared by caller threads), default inter-op */
    public static InferenceSettings defaults() {
        return new InferenceSettings(1, 0, OptimizationLevel.ALL, ExecutionProvider.CPU, 0);
    }

    /** @param value threads inside one operator, 0..256 (0: ONNX Runtime decides) @return a copy with it */
    public InferenceSettings withIntraOpThreads(int value) {
        return new InferenceSettings(value, interOpThreads, optimizationLevel, executionProvider, cudaDeviceId);
    }

    /** @param value threads across operators, 0..256 (0: ONNX Runtime decides) @return a copy with it */
    public InferenceSettings withInterOpThreads(int value) {
        return new InferenceSettings(intraOpThreads, value, optimizationLevel, executionProvider, cudaDeviceId);
    }

    /** @param value graph optimization level @return a copy with it */
    public InferenceSettings withOptimizationLevel(OptimizationLevel value) {
        return new InferenceSettings(intraOpThreads, interOpThreads, value, executionProvider, cudaDeviceId);
    }

    /** @param value execution provider @return a copy with it */
    public InferenceSettings withExecutionProvider(ExecutionProvider value) {
        return new InferenceSettings(intraOpThreads, interOpThreads, optimizationLevel, value, cudaDeviceId);
    }

    /** @param value CUDA device ordinal, 0..63 @return a copy with it */
    public InferenceSettings withCudaDeviceId(int value) {
        return new InferenceSettings(intraOpThreads, interOpThreads, optimizationLevel, executionProvider, value);
    }

    private static void checkRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
