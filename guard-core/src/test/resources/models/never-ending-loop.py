# Writes never-ending-loop.onnx (337 bytes): input [1,2] float -> Loop with trip count 2^62 and
# condition always true, whose body passes the value through -> output [1,2]. It never finishes
# in practice; InferenceTimeLimitTest checks that the inference time limit stops it.
# Run: /usr/bin/python3 never-ending-loop.py  (needs the onnx package)
import onnx
from onnx import helper, TensorProto

body = helper.make_graph(
    [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
     helper.make_node("Identity", ["v_in"], ["v_out"])],
    "body",
    [helper.make_tensor_value_info("i", TensorProto.INT64, []),
     helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
     helper.make_tensor_value_info("v_in", TensorProto.FLOAT, [1, 2])],
    [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
     helper.make_tensor_value_info("v_out", TensorProto.FLOAT, [1, 2])])
graph = helper.make_graph(
    [helper.make_node("Loop", ["M", "cond", "input"], ["output"], body=body)],
    "never-ending",
    [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 2])],
    [helper.make_tensor_value_info("output", TensorProto.FLOAT, [1, 2])],
    [helper.make_tensor("M", TensorProto.INT64, [], [2**62]),
     helper.make_tensor("cond", TensorProto.BOOL, [], [True])])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="dicom-guard-tests")
model.ir_version = 8
onnx.checker.check_model(model)
with open("never-ending-loop.onnx", "wb") as f:
    f.write(model.SerializeToString())
