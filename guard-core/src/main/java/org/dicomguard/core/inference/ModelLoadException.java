package org.dicomguard.core.inference;

/**
 * The model could not be opened: the native library, the execution provider or the model bytes
 * failed. An environment failure, so checked; the ONNX Runtime cause is chained.
 */
public final class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the setting or file
     * @param cause   the underlying failure, may be null
     */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
