package org.dicomguard.core;

/**
 * Stable codes of Failed results that come from the run itself rather than from the input's
 * bytes (those are {@link org.dicomguard.core.dicom.DicomErrorCode}) or the model's output
 * (those are {@link org.dicomguard.core.inference.OutputCheck.Code}). Never rename a constant,
 * only add new ones.
 */
public enum RunFailureCode {
    /** The model run exceeded {@link org.dicomguard.core.inference.InferenceSettings#inferenceTimeoutMillis()}. */
    INFERENCE_TIMEOUT,
    /**
     * The Java heap ran out while this study was read, decoded or prepared; the study's memory
     * is released and the next study runs normally.
     */
    OUT_OF_MEMORY
}
