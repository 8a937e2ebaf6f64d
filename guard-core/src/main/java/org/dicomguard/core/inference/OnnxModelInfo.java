package org.dicomguard.core.inference;

import java.util.Arrays;
import java.util.Map;

/**
 * What an opened ONNX model declares: its single input and output and its custom metadata.
 *
 * @param inputName      name of the model input
 * @param inputShape     declared input shape, -1 for a symbolic dimension; copied
 * @param outputName     name of the model output
 * @param outputShape    declared output shape, -1 for a symbolic dimension; copied
 * @param customMetadata the ONNX {@code metadata_props}; copied
 */
public record OnnxModelInfo(
        String inputName,
        long[] inputShape,
        String outputName,
        long[] outputShape,
        Map<String, String> customMetadata) {

    public OnnxModelInfo {
        inputShape = inputShape.clone();
        outputShape = outputShape.clone();
        customMetadata = Map.copyOf(customMetadata);
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public long[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OnnxModelInfo other
                && inputName.equals(other.inputName) && Arrays.equals(inputShape, other.inputShape)
                && outputName.equals(other.outputName) && Arrays.equals(outputShape, other.outputShape)
                && customMetadata.equals(other.customMetadata);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputName.hashCode() + Arrays.hashCode(inputShape)) + outputName.hashCode();
    }

    @Override
    public String toString() {
        return "OnnxModelInfo[input=" + inputName + Arrays.toString(inputShape)
                + ", output=" + outputName + Arrays.toString(outputShape) + ", metadata=" + customMetadata.keySet() + "]";
    }
}
