package org.dicomguard.core.inference;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Tiny ONNX models generated in code for tests, so that a test can craft exactly the model it
 * needs (a wrong output size, NaN weights, a tampered fingerprint) without binary fixtures.
 *
 * <p>Design note: ONNX is a protobuf ({@code onnx.proto3}); the handful of messages a
 * Flatten-MatMul-Sigmoid graph needs are written by hand here (field numbers from onnx.proto:
 * ModelProto.ir_version=1, producer_name=2, graph=7, opset_import=8, metadata_props=14;
 * GraphProto.node=1, name=2, initializer=5, input=11, output=12; NodeProto.input=1, output=2,
 * name=3, op_type=4, attribute=5; TensorProto.dims=1, data_type=2, float_data=4, name=8;
 * ValueInfoProto.name=1, type=2; TypeProto.tensor_type=1; Tensor.elem_type=1, shape=2;
 * TensorShapeProto.dim=1; Dimension.dim_value=1, dim_param=2).
 */
public final class OnnxTestModels {

    private static final int FLOAT = 1;

    private OnnxTestModels() {
    }

    /**
     * A model computing {@code sigmoid(flatten(input) x W)} (or without the sigmoid).
     *
     * @param inputName   name of the input
     * @param inputShape  input shape; a value of -1 becomes the symbolic dimension "batch"
     * @param outputName  name of the output
     * @param outputCount number of output values (the model emits shape [1, outputCount])
     * @param weights     row-major [product(inputShape[1..]), outputCount] weights
     * @param sigmoid     whether to squash the output into (0, 1)
     * @param metadata    ONNX metadata_props
     * @return the serialized model
     */
    public static byte[] linear(String inputName, long[] inputShape, String outputName, int outputCount,
                                float[] weights, boolean sigmoid, Map<String, String> metadata) {
        long features = 1;
        for (int i = 1; i < inputShape.length; i++) {
            features *= inputShape[i];
        }
        if (weights.length != features * outputCount) {
            throw new IllegalArgumentException("weights must have " + features * outputCount + " values");
        }
        Proto graph = new Proto();
        graph.message(1, node("flatten", "Flatten", new String[]{inputName}, "flat", attrInt("axis", 1)));
        graph.message(1, node("matmul", "MatMul", new String[]{"flat", "W"}, sigmoid ? "logits" : outputName, null));
        if (sigmoid) {
            graph.message(1, node("sigmoid", "Sigmoid", new String[]{"logits"}, outputName, null));
        }
        graph.string(2, "test-graph");
        Proto w = new Proto();
        w.int64(1, features).int64(1, outputCount).int64(2, FLOAT);
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        for (float f : weights) {
            int bits = Float.floatToRawIntBits(f);
            packed.write(bits);
            packed.write(bits >>> 8);
            packed.write(bits >>> 16);
            packed.write(bits >>> 24);
        }
        w.bytes(4, packed.toByteArray()).string(8, "W");
        graph.message(5, w);
        graph.message(11, valueInfo(inputName, inputShape));
        graph.message(12, valueInfo(outputName, new long[]{-1, outputCount}));

        Proto model = new Proto();
        model.int64(1, 8).string(2, "dicom-guard-tests").message(7, graph);
        model.message(8, new Proto().string(1, "").int64(2, 17));
        metadata.forEach((k, v) -> model.message(14, new Proto().string(1, k).string(2, v)));
        return model.toByteArray();
    }

    private static Proto node(String name, String op, String[] inputs, String output, Proto attribute) {
        Proto node = new Proto();
        for (String in : inputs) {
            node.string(1, in);
        }
        node.string(2, output).string(3, name).string(4, op);
        if (attribute != null) {
            node.message(5, attribute);
        }
        return node;
    }

    private static Proto attrInt(String name, long value) {
        // AttributeProto: name=1, i=3, type=20 (INT=2)
        return new Proto().string(1, name).int64(3, value).int64(20, 2);
    }

    private static Proto valueInfo(String name, long[] shape) {
        Proto dims = new Proto();
        for (long d : shape) {
            dims.message(1, d < 0 ? new Proto().string(2, "batch") : new Proto().int64(1, d));
        }
        Proto tensor = new Proto().int64(1, FLOAT).message(2, dims);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** Minimal protobuf encoder: varints and length-delimited fields only. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto int64(int field, long value) {
            varint((long) field << 3);
            varint(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto value) {
            return bytes(field, value.toByteArray());
        }

        Proto bytes(int field, byte[] value) {
            varint(((long) field << 3) | 2);
            varint(value.length);
            out.writeBytes(value);
            return this;
        }

        private void varint(long v) {
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
