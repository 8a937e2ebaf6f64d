package org.dicomguard.core.inference;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds {@link InferenceSettings} by named settings instead of six positional values. Start from
 * {@link InferenceSettings#builder()} (the defaults) or {@link InferenceSettings#toBuilder()}.
 *
 * <p>Each setter checks its value at once and names the setting, the value and the allowed range;
 * a setting given twice on one builder is refused ("intraOpThreads was already set to 4"), and a
 * CUDA device given together with the CPU execution provider is refused naming both.
 *
 * <p>Not thread-safe; the built settings are.
 */
public final class InferenceSettingsBuilder {

    private int intraOpThreads;
    private int interOpThreads;
    private InferenceSettings.OptimizationLevel optimizationLevel;
    private InferenceSettings.ExecutionProvider executionProvider;
    private int cudaDeviceId;
    private long inferenceTimeoutMillis;
    private final Map<String, Object> set = new HashMap<>();

    InferenceSettingsBuilder(InferenceSettings from) {
        intraOpThreads = from.intraOpThreads();
        interOpThreads = from.interOpThreads();
        optimizationLevel = from.optimizationLevel();
        executionProvider = from.executionProvider();
        cudaDeviceId = from.cudaDeviceId();
        inferenceTimeoutMillis = from.inferenceTimeoutMillis();
    }

    private void once(String setting, Object value) {
        if (set.containsKey(setting)) {
            throw new IllegalStateException(setting + " was already set to " + set.get(setting));
        }
        set.put(setting, value);
    }

    /**
     * @param threads threads inside one operator, 0..256 (0: ONNX Runtime decides)
     * @return this builder
     * @throws IllegalArgumentException outside the range
     * @throws IllegalStateException    when already set on this builder
     */
    public InferenceSettingsBuilder intraOpThreads(int threads) {
        InferenceSettings.checkRange("intraOpThreads", threads, 0, 256);
        once("intraOpThreads", threads);
        intraOpThreads = threads;
        return this;
    }

    /**
     * @param threads threads across operators, 0..256 (0: ONNX Runtime decides)
     * @return this builder
     * @throws IllegalArgumentException outside the range
     * @throws IllegalStateException    when already set on this builder
     */
    public InferenceSettingsBuilder interOpThreads(int threads) {
        InferenceSettings.checkRange("interOpThreads", threads, 0, 256);
        once("interOpThreads", threads);
        interOpThreads = threads;
        return this;
    }

    /**
     * @param level graph optimization level, not null
     * @return this builder
     * @throws IllegalStateException when already set on this builder
     */
    public InferenceSettingsBuilder optimizationLevel(InferenceSettings.OptimizationLevel level) {
        Objects.requireNonNull(level, "optimizationLevel");
        once("optimizationLevel", level);
        optimizationLevel = level;
        return this;
    }

    /**
     * @param provider where the model runs, not null
     * @return this builder
     * @throws IllegalArgumentException when CPU and a CUDA device was set before
     * @throws IllegalStateException    when already set on this builder
     */
    public InferenceSettingsBuilder executionProvider(InferenceSettings.ExecutionProvider provider) {
        Objects.requireNonNull(provider, "executionProvider");
        if (provider == InferenceSettings.ExecutionProvider.CPU && set.containsKey("cudaDeviceId")) {
            throw new IllegalArgumentException("executionProvider CPU conflicts with cudaDeviceId "
                    + cudaDeviceId + " set before (a CUDA device needs executionProvider CUDA)");
        }
        once("executionProvider", provider);
        executionProvider = provider;
        return this;
    }

    /**
     * @param device CUDA device ordinal, 0..63
     * @return this builder
     * @throws IllegalArgumentException outside the range, or when executionProvider CPU was set before
     * @throws IllegalStateException    when already set on this builder
     */
    public InferenceSettingsBuilder cudaDeviceId(int device) {
        InferenceSettings.checkRange("cudaDeviceId", device, 0, 63);
        if (set.containsKey("executionProvider") && executionProvider == InferenceSettings.ExecutionProvider.CPU) {
            throw new IllegalArgumentException("cudaDeviceId " + device + " conflicts with executionProvider CPU"
                    + " set before (a CUDA device needs executionProvider CUDA)");
        }
        once("cudaDeviceId", device);
        cudaDeviceId = device;
        return this;
    }

    /**
     * @param millis longest one model run may take, 1..3 600 000 ms
     * @return this builder
     * @throws IllegalArgumentException outside the range
     * @throws IllegalStateException    when already set on this builder
     */
    public InferenceSettingsBuilder inferenceTimeoutMillis(long millis) {
        InferenceSettings.checkTimeout(millis);
        once("inferenceTimeoutMillis", millis);
        inferenceTimeoutMillis = millis;
        return this;
    }

    /** @return the settings */
    public InferenceSettings build() {
        return new InferenceSettings(intraOpThreads, interOpThreads, optimizationLevel, executionProvider,
                cudaDeviceId, inferenceTimeoutMillis);
    }
}
