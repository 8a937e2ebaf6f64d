package org.dicomguard.core.inference;

import org.dicomguard.contract.ResultCode;

import java.util.Optional;

/**
 * The check every model output passes before anything leaves the Pipeline: the expected number
 * of values, each finite and in [0, 1]. A failing output becomes a {@code Failed} result with
 * the stable code here, never a clamped or made-up probability.
 */
public final class OutputCheck {

    /** Stable codes of output check failures: a view of the result-code catalogue {@link ResultCode}. */
    public enum Code {
        /** {@link ResultCode#OUTPUT_SHAPE_MISMATCH}. */
        OUTPUT_SHAPE_MISMATCH(ResultCode.OUTPUT_SHAPE_MISMATCH),
        /** {@link ResultCode#NON_FINITE_OUTPUT}. */
        NON_FINITE_OUTPUT(ResultCode.NON_FINITE_OUTPUT),
        /** {@link ResultCode#OUTPUT_OUT_OF_RANGE}. */
        OUTPUT_OUT_OF_RANGE(ResultCode.OUTPUT_OUT_OF_RANGE);

        private final ResultCode resultCode;

        Code(ResultCode resultCode) {
            this.resultCode = resultCode;
        }

        /** @return the catalogue entry this constant stands for (same spelling) */
        public ResultCode resultCode() {
            return resultCode;
        }
    }

    /**
     * A failed check.
     *
     * @param code    stable code
     * @param message names the output index and value
     */
    public record Failure(Code code, String message) {
    }

    private OutputCheck() {
    }

    /**
     * @param output         model output, not modified
     * @param expectedLength number of values the manifest declares
     * @return empty when the output is usable, else the first failure
     */
    public static Optional<Failure> check(float[] output, int expectedLength) {
        if (output.length != expectedLength) {
            return Optional.of(new Failure(Code.OUTPUT_SHAPE_MISMATCH,
                    "model output has " + output.length + " values, manifest declares " + expectedLength));
        }
        for (int i = 0; i < output.length; i++) {
            float v = output[i];
            if (!Float.isFinite(v)) {
                return Optional.of(new Failure(Code.NON_FINITE_OUTPUT, "model output[" + i + "] is " + v));
            }
            if (v < 0f || v > 1f) {
                return Optional.of(new Failure(Code.OUTPUT_OUT_OF_RANGE,
                        "model output[" + i + "] = " + v + " is outside [0, 1]"));
            }
        }
        return Optional.empty();
    }
}
