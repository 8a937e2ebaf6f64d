package org.dicomguard.core.preprocess;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The typed preprocessing configuration of one task. The JSON form names the task in its
 * {@code task} key ("mammography" or "chest-ct"); everything else is the task's own record.
 *
 * <p>This object is what a model bundle carries, what its fingerprint is computed from
 * ({@link org.dicomguard.core.json.StrictJson#fingerprint}), and what training-side tooling
 * uses to export tensors: one code path for training and inference.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "task")
@JsonSubTypes({
        @JsonSubTypes.Type(value = MammographyPreprocessingConfig.class, name = "mammography"),
        @JsonSubTypes.Type(value = ChestCtPreprocessingConfig.class, name = "chest-ct")
})
public sealed interface PreprocessingConfig permits MammographyPreprocessingConfig, ChestCtPreprocessingConfig {
}
