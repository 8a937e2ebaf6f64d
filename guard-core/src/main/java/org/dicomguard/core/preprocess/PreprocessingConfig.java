package org.dicomguard.core.preprocess;

/**
 * The typed preprocessing configuration of one task: {@link MammographyPreprocessingConfig},
 * {@link ChestCtPreprocessingConfig} or the chest radiograph config (which overrides
 * {@link #taskName()}). Each has its own strict JSON form and its fingerprint is
 * {@link org.dicomguard.core.json.StrictJson#fingerprint} of that form.
 *
 * <p>This object is what a model bundle carries, what its fingerprint is computed from, and what
 * training-side tooling uses to export tensors: one code path for training and inference.
 */
public interface PreprocessingConfig {

    /** @return the task this config preprocesses for: "mammography" or "chest-ct"; other tasks override it */
    default String taskName() {
        return this instanceof MammographyPreprocessingConfig ? "mammography" : "chest-ct";
    }
}
