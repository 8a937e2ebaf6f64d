package org.dicomguard.core.preprocess;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.dicomguard.core.json.StrictJson;

/**
 * The typed preprocessing configuration of one task (a record per task, named by its
 * {@link org.dicomguard.core.task.TaskDefinition}). Each has its own strict JSON form; its
 * canonical JSON (keys sorted, compact) is what the bundle fingerprints.
 *
 * <p>This object is what a model bundle carries, what its fingerprint is computed from, and what
 * training-side tooling uses to export tensors: one code path for training and inference.
 */
public interface PreprocessingConfig {

    /** @return the name of the task this config preprocesses for, e.g. {@code chest-ct} */
    @JsonIgnore
    String taskName();

    /** @return compact JSON with keys sorted, the form that is fingerprinted */
    default String toCanonicalJson() {
        return StrictJson.canonicalJson(this);
    }

    /** @return lower-case hex SHA-256 of {@link #toCanonicalJson()} in UTF-8; changes with any value and only then */
    default String sha256Fingerprint() {
        return StrictJson.fingerprint(this);
    }
}
