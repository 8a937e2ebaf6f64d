#!/usr/bin/env bash
# Rebuilds samples/bundles/demo-mammography and samples/bundles/demo-chest-ct from scratch: the
# exact commands used for the committed bundles. Needs Debian's python3-torch, python3-onnx and
# python3-numpy (apt-get install python3-torch python3-onnx python3-numpy) and a built jar
# (mvn -q -DskipTests package). Takes about 15 minutes on 2 cores.
#
# Flow, one preprocessing code path throughout:
#   synth (training pack, held-out reference pack) -> export-tensors (the library's preprocessing)
#   -> train_demo_model.py (PyTorch, ONNX with the preprocessing fingerprint in its metadata)
#   -> make-bundle (placeholder profile) -> fit-profile (OOD gate on the training pack)
#   -> make-bundle with the profile -> score the reference pack -> reference_metrics.py (DeLong
#   via `dicom-guard metrics`) -> make-bundle with profile and reference metrics.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=samples/target/dicom-guard.jar
W=${WORK:-target/demo-bundle-build}
PY=/usr/bin/python3
rm -rf "$W" && mkdir -p "$W"

build() { # task trainSeed trainStudies testSeed spacingRange pathologies...
  local task=$1 trainSeed=$2 trainStudies=$3 testSeed=$4 spacing=$5; shift 5
  local t="$W/$task"
  java -jar $JAR synth --task "$task" --studies "$trainStudies" --seed "$trainSeed" --out "$t/train"
  java -jar $JAR synth --task "$task" --studies 200 --seed "$testSeed" --out "$t/test"
  java -jar $JAR export-tensors --task "$task" --pack "$t/train" --out "$t/tensors"
  $PY samples/training/train_demo_model.py --tensors "$t/tensors" --out "$t/model.onnx" --epochs "$EPOCHS" --seed 7 \
    --threads "$THREADS"
  local args=(--task "$task" --model "$t/model.onnx" --bundle-id "demo-$task-1" --pixel-spacing-range-mm "$spacing")
  for p in "$@"; do args+=(--pathology "$p"); done
  java -jar $JAR make-bundle "${args[@]}" --out "$t/b0"
  java -jar $JAR fit-profile --bundle "$t/b0" --pack "$t/train" --target-false-reject-rate 0.02 --out "$t/profile.json"
  java -jar $JAR make-bundle "${args[@]}" --profile "$t/profile.json" --out "$t/b1"
  java -jar $JAR score --bundle "$t/b1" --out "$t/test.jsonl" "$t/test"
  $PY samples/training/reference_metrics.py $JAR "$t/test.jsonl" "$t/test/labels.csv" "$t/reference.json"
  rm -rf "samples/bundles/demo-$task"
  java -jar $JAR make-bundle "${args[@]}" --profile "$t/profile.json" --reference-metrics "$t/reference.json" \
    --reference-pack "dicom-guard synth --task $task --studies 200 --seed $testSeed (held out; training pack seed $trainSeed, $trainStudies studies)" \
    --out "samples/bundles/demo-$task"
}

EPOCHS=12 THREADS=1 build mammography 101 400 102 0.02:0.6 mass:Mass:0.5 calcification:Calcification:0.5
EPOCHS=25 THREADS=2 build chest-ct 201 300 202 0.2:3.0 nodule:Nodule:0.5 "ground-glass:Ground-glass opacity:0.5" "effusion:Pleural effusion:0.5"
