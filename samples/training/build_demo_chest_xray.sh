#!/usr/bin/env bash
# Rebuilds samples/bundles/demo-chest-xray from scratch: the exact commands used for the committed
# bundle. Same flow and tools as build_demo_bundles.sh (python3-torch, python3-onnx, python3-numpy,
# a built jar: mvn -q -DskipTests package); about 10 minutes on 2 cores.
#
#   synth (600 training studies, 200 held-out studies) -> export-tensors with
#   chest-xray-preprocessing.json (the library's preprocessing at a 64 x 64 model grid)
#   -> train_chest_xray.py -> make-bundle -> fit-profile (OOD gate on the training
#   pack) -> make-bundle with profile -> score the held-out pack -> reference_metrics.py
#   -> make-bundle with profile and reference metrics.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=samples/target/dicom-guard.jar
W=${WORK:-target/demo-bundle-build}/chest-xray
PY=/usr/bin/python3
CONFIG=samples/training/chest-xray-preprocessing.json
TRAIN_SEED=301 TRAIN_STUDIES=600 TEST_SEED=302
mkdir -p "$W"
if [ -z "${REUSE_PACKS:-}" ]; then
  rm -rf "$W/train" "$W/test" "$W/tensors"
  java -jar $JAR synth --task chest-xray --studies $TRAIN_STUDIES --seed $TRAIN_SEED --out "$W/train"
  java -jar $JAR synth --task chest-xray --studies 200 --seed $TEST_SEED --out "$W/test"
  java -jar $JAR export-tensors --task chest-xray --config $CONFIG --pack "$W/train" --out "$W/tensors"
fi
$PY samples/training/train_chest_xray.py --tensors "$W/tensors" --out "$W/model.onnx" --epochs "${EPOCHS:-15}" \
  --seed 7 --threads 2
args=(--task chest-xray --config $CONFIG --model "$W/model.onnx" --bundle-id demo-chest-xray-1
  --pixel-spacing-range-mm 0.05:1.0 --pathology nodule:Nodule:0.5 --pathology consolidation:Consolidation:0.5
  --pathology "effusion:Pleural effusion:0.5" --pathology pneumothorax:Pneumothorax:0.5
  --pathology cardiomegaly:Cardiomegaly:0.5)
rm -rf "$W/b0" "$W/b1"
java -jar $JAR make-bundle "${args[@]}" --out "$W/b0"
java -jar $JAR fit-profile --bundle "$W/b0" --pack "$W/train" --target-false-reject-rate 0.02 --out "$W/profile.json"
java -jar $JAR make-bundle "${args[@]}" --profile "$W/profile.json" --out "$W/b1"
java -jar $JAR score --bundle "$W/b1" --out "$W/test.jsonl" "$W/test"
$PY samples/training/reference_metrics.py $JAR "$W/test.jsonl" "$W/test/labels.csv" "$W/reference.json"
rm -rf samples/bundles/demo-chest-xray
java -jar $JAR make-bundle "${args[@]}" --profile "$W/profile.json" --reference-metrics "$W/reference.json" \
  --reference-pack "dicom-guard synth --task chest-xray --studies 200 --seed $TEST_SEED (held out; training pack seed $TRAIN_SEED, $TRAIN_STUDIES studies)" \
  --out samples/bundles/demo-chest-xray
