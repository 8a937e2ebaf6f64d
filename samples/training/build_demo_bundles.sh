#!/usr/bin/env bash
# Rebuilds the committed demo bundles samples/bundles/demo-TASK from scratch: the exact commands.
# Needs Debian's python3-torch, python3-onnx and python3-numpy and a built jar
# (mvn -q -DskipTests package).
#
#   build_demo_bundles.sh [TASK...]          retrain and re-profile (default: all three tasks)
#   PROFILE_ONLY=1 build_demo_bundles.sh T   keep the committed model, re-fit the OOD profile and
#                                            redo the reference metrics (how the mammography and
#                                            chest CT bundles of this version were made)
#
# Flow, one preprocessing code path throughout:
#   synth a small-size training pack and a clinical-size (`--size realistic`) training pack
#   -> export-tensors of both (the library's preprocessing) -> train_demo_model.py on both
#   (PyTorch, ONNX with the preprocessing fingerprint in its metadata)
#   -> make-bundle (placeholder profile) -> fit-profile on BOTH packs together (the gate must know
#   small test packs and clinical-size studies: noise, resolution and detector profiles move its
#   statistics) -> make-bundle with the profile -> score a held-out small pack -> reference_metrics.py
#   (DeLong via `dicom-guard metrics`) -> make-bundle with profile, reference metrics and coded concepts.
# Clinical-size packs are large (chest CT about 100 MB a study): budget about an hour per task on
# two shared cores; WORK=DIR puts the packs elsewhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=${JAR:-samples/target/dicom-guard.jar}
W=${WORK:-target/demo-bundle-build}
PY=/usr/bin/python3

# Writes a pack folder that holds the studies of several packs (symbolic links) and their labels.
# PACK:K takes the pack's first K studies (a pack's first K studies are exactly the pack that
# `synth --studies K` with the same seed writes).
mixed_pack() { # out pack[:K]...
  local out=$1; shift
  rm -rf "$out" && mkdir -p "$out"
  head -1 "${1%%:*}/labels.csv" > "$out/labels.csv"
  local spec p k i=0
  for spec in "$@"; do
    p=${spec%%:*}; k=${spec#*:}; [ "$k" = "$spec" ] && k=$(($(wc -l < "$p/labels.csv") - 1))
    sed -n "2,$((k + 1))p" "$p/labels.csv" >> "$out/labels.csv"
    for s in $(ls "$p" | grep '^study-' | sort | sed -n "1,${k}p"); do
      ln -s "$(cd "$p/$s" && pwd)" "$out/part-$i-$s"
    done
    i=$((i + 1))
  done
}

# Synthesizes a pack unless DIR already holds one (packs are deterministic per seed and size, so a
# rerun after a failure, or packs made earlier with the same command, are reused).
synth_once() { # dir synth-args...
  local dir=$1; shift
  [ -f "$dir/pack.json" ] || java -jar $JAR synth --quiet "$@" --out "$dir"
}

build() { # task
  local task=$1 t="$W/$1" config=() trainSeed trainStudies fitSmall realSeed realStudies testSeed spacing epochs threads
  local pathologies=() concepts=()
  case $task in
    mammography)
      trainSeed=101 trainStudies=400 fitSmall=100 realSeed=111 realStudies=60 testSeed=102 spacing=0.02:0.6 epochs=12 threads=1
      pathologies=(mass:Mass:0.5 calcification:Calcification:0.5)
      concepts=("mass=SCT:129788004:Mammographic breast mass" "calcification=SCT:309587003:Calcification of breast") ;;
    chest-ct)
      trainSeed=201 trainStudies=300 fitSmall=60 realSeed=211 realStudies=30 testSeed=202 spacing=0.2:3.0 epochs=25 threads=2
      pathologies=(nodule:Nodule:0.5 "ground-glass:Ground-glass opacity:0.5" "effusion:Pleural effusion:0.5")
      concepts=("nodule=SCT:27925004:Nodule" "ground-glass=DCM:112120:Ground glass opacity"
        "effusion=SCT:60046008:Pleural effusion") ;;
    chest-xray)
      trainSeed=301 trainStudies=1200 fitSmall=200 realSeed=311 realStudies=150 testSeed=302 spacing=0.05:1.0 epochs=30 threads=2
      config=(--config samples/training/chest-xray-preprocessing.json)
      pathologies=(nodule:Nodule:0.5 consolidation:Consolidation:0.5 "effusion:Pleural effusion:0.5"
        pneumothorax:Pneumothorax:0.5 cardiomegaly:Cardiomegaly:0.5)
      concepts=("nodule=SCT:27925004:Nodule" "consolidation=SCT:95436008:Lung consolidation"
        "effusion=SCT:60046008:Pleural effusion" "pneumothorax=SCT:36118008:Pneumothorax"
        "cardiomegaly=SCT:8186001:Cardiomegaly") ;;
    *) echo "unknown task $task" >&2; exit 2 ;;
  esac
  mkdir -p "$t"
  synth_once "$t/train" --task "$task" --size small --studies $trainStudies --seed $trainSeed
  synth_once "$t/train-realistic" --task "$task" --size realistic --studies $realStudies --seed $realSeed
  synth_once "$t/test" --task "$task" --size small --studies 200 --seed $testSeed
  local fitted="model from small seed $trainSeed, $trainStudies studies + realistic seed $realSeed, $realStudies studies; OOD profile from the first $fitSmall small + the realistic ones"
  if [ -n "${PROFILE_ONLY:-}" ]; then
    fitted="model kept from the previous bundle; OOD profile from the first $fitSmall small studies of seed $trainSeed + realistic seed $realSeed, $realStudies studies"
    cp "samples/bundles/demo-$task/model.onnx" "$t/model.onnx"
  else
    for pack in train train-realistic; do
      [ -f "$t/tensors-$pack/tensors.npy" ] ||
        java -jar $JAR export-tensors --quiet --task "$task" "${config[@]}" --pack "$t/$pack" --out "$t/tensors-$pack"
    done
    $PY samples/training/train_demo_model.py --task "$task" --tensors "$t/tensors-train" "$t/tensors-train-realistic" \
      --out "$t/model.onnx" --epochs $epochs --seed 7 --threads $threads
  fi
  local args=(--task "$task" "${config[@]}" --model "$t/model.onnx" --bundle-id "demo-$task-1" --pixel-spacing-range-mm "$spacing")
  for p in "${pathologies[@]}"; do args+=(--pathology "$p"); done
  for c in "${concepts[@]}"; do args+=(--concept "$c"); done
  rm -rf "$t/b0" "$t/b1"
  java -jar $JAR make-bundle "${args[@]}" --out "$t/b0"
  # Balanced: the gate must cover clinical-size studies (three detector or scanner profiles) as
  # well as small ones; fitted on the whole small training pack it refused 2 of the first 13
  # clinical-size mammography studies (tensorMeanAbsoluteGradient and mask area: resolution and
  # detector format move them).
  mixed_pack "$t/fit" "$t/train:$fitSmall" "$t/train-realistic"
  java -jar $JAR fit-profile --quiet --bundle "$t/b0" --pack "$t/fit" --target-false-reject-rate 0.02 --out "$t/profile.json"
  java -jar $JAR make-bundle "${args[@]}" --profile "$t/profile.json" --out "$t/b1"
  java -jar $JAR score --quiet --bundle "$t/b1" --out "$t/test.jsonl" "$t/test"
  $PY samples/training/reference_metrics.py $JAR "$t/test.jsonl" "$t/test/labels.csv" "$t/reference.json"
  rm -rf "samples/bundles/demo-$task"
  java -jar $JAR make-bundle "${args[@]}" --profile "$t/profile.json" --reference-metrics "$t/reference.json" \
    --reference-pack "dicom-guard synth --task $task --size small --studies 200 --seed $testSeed (held out; $fitted)" \
    --out "samples/bundles/demo-$task"
}

mkdir -p "$W"
for task in "${@:-mammography chest-ct chest-xray}"; do
  for one in $task; do build "$one"; done
done
