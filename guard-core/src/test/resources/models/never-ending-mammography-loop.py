# Writes never-ending-mammography-loop.onnx: the never-ending Loop of never-ending-loop.py with the
# test mammography bundle's input and output (TestMammographyBundles: "image" float [N,4,32,32] ->
# "probabilities" float [N,2]), so that it can be bundled and run by a Pipeline. The loop-carried
# value is derived from the image (mean per study, twice), so ONNX Runtime cannot fold the Loop
# away as a constant. It never finishes in practice; StudyRunLimitsTest checks that the Pipeline
# answers Failed INFERENCE_TIMEOUT. The test stamps the preprocessing fingerprint into its metadata.
# Run: /usr/bin/python3 never-ending-mammography-loop.py  (needs the onnx package)
import onnx
from onnx import helper, TensorProto

body = helper.make_graph(
    [helper.make_node("Identity", ["cond_in"], ["cond_out"]),
     helper.make_node("Identity", ["v_in"], ["v_out"])],
    "body",
    [helper.make_tensor_value_info("i", TensorProto.INT64, []),
     helper.make_tensor_value_info("cond_in", TensorProto.BOOL, []),
     helper.make_tensor_value_info("v_in", TensorProto.FLOAT, ["N", 2])],
    [helper.make_tensor_value_info("cond_out", TensorProto.BOOL, []),
     helper.make_tensor_value_info("v_out", TensorProto.FLOAT, ["N", 2])])
graph = helper.make_graph(
    [helper.make_node("ReduceMean", ["image"], ["mean"], axes=[1, 2, 3], keepdims=1),
     helper.make_node("Reshape", ["mean", "column"], ["mean_column"]),
     helper.make_node("Concat", ["mean_column", "mean_column"], ["start"], axis=1),
     helper.make_node("Loop", ["M", "cond", "start"], ["probabilities"], body=body)],
    "never-ending-mammography",
    [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["N", 4, 32, 32])],
    [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["N", 2])],
    [helper.make_tensor("M", TensorProto.INT64, [], [2**62]),
     helper.make_tensor("cond", TensorProto.BOOL, [], [True]),
     helper.make_tensor("column", TensorProto.INT64, [2], [-1, 1])])
model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="dicom-guard-tests")
model.ir_version = 8
onnx.checker.check_model(model, full_check=True)
with open("never-ending-mammography-loop.onnx", "wb") as f:
    f.write(model.SerializeToString())
