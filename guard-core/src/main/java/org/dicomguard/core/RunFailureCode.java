package org.dicomguard.core;

import org.dicomguard.contract.ResultCode;

/**
 * Stable codes of Failed results that come from the run itself rather than from the input's
 * bytes (those are {@link org.dicomguard.core.dicom.DicomErrorCode}) or the model's output
 * (those are {@link org.dicomguard.core.inference.OutputCheck.Code}): a view of the result-code
 * catalogue {@link ResultCode}, where each meaning is written. Never rename a constant, only add
 * new ones (to the catalogue first).
 */
public enum RunFailureCode {
    /** {@link ResultCode#INFERENCE_TIMEOUT}: over {@link org.dicomguard.core.inference.InferenceSettings#inferenceTimeoutMillis()}. */
    INFERENCE_TIMEOUT(ResultCode.INFERENCE_TIMEOUT),
    /** {@link ResultCode#OUT_OF_MEMORY}: the study's memory is released and the next study runs normally. */
    OUT_OF_MEMORY(ResultCode.OUT_OF_MEMORY);

    private final ResultCode resultCode;

    RunFailureCode(ResultCode resultCode) {
        this.resultCode = resultCode;
    }

    /** @return the catalogue entry this constant stands for (same spelling) */
    public ResultCode resultCode() {
        return resultCode;
    }
}
