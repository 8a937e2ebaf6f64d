package org.dicomguard.core.inference;

import ai.onnxruntime.OrtException;

/**
 * A model run took longer than {@link InferenceSettings#inferenceTimeoutMillis()} and ONNX
 * Runtime was told to stop it (a Loop that never ends, a model far too slow for the machine).
 * The Pipeline answers Failed with code INFERENCE_TIMEOUT; the session stays usable.
 */
public final class InferenceTimeoutException extends OrtException {
    private static final long serialVersionUID = 1L;

    /** @param timeoutMillis the limit that was exceeded */
    public InferenceTimeoutException(long timeoutMillis) {
        super("the model run was stopped after the inference time limit of " + timeoutMillis + " ms");
    }
}
