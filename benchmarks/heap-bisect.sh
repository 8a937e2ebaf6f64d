#!/usr/bin/env bash
# Peak heap per study in flight (mammography or chest CT), as a multiple of the study's raw pixel bytes.
#
# Runs PipelineProfile --heap-only (studies preprocessed one at a time; any study that is not
# preprocessed fails the run) under a fixed -Xmx and bisects for the smallest -Xmx in MiB that
# passes. The peak live heap of a study in flight is at most (smallest passing -Xmx) minus the heap
# the open Pipeline holds with no study in flight, which the same run prints; the 2 MiB young
# generation is counted in the peak, so the figure is an upper bound.
#
# The Serial collector with a 2 MiB young generation is used because its full collection compacts
# everything, so the smallest passing -Xmx tracks live data. Under G1 a decoded 3328 x 2560 image is
# a humongous object that needs contiguous free regions, and the smallest -Xmx measures region
# fragmentation instead: in one run 52 MiB passed while 54, 56 and 58 MiB failed.
#
# Small studies all have one size and are measured together. Realistic packs mix detector sizes
# (2 studies: 4 x 2294 x 1914 and 4 x 3328 x 2560), so each realistic study is bisected alone and
# divided by its own raw bytes.
#
# Usage, from the repository root after `mvn -q -DskipTests package`:
#   benchmarks/heap-bisect.sh [--realistic] [--task mammography|chest-ct] [STUDIES]
#   (defaults: mammography; 32 small studies, 2 realistic)
# Writes benchmarks/results/heap-bisect-<mode>-<UTC time>.txt and prints the same.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -q -DskipTests package first" >&2; exit 2; }
MODE=small
TASK=mammography
if [ "${1:-}" = "--realistic" ]; then MODE=realistic; shift; fi
if [ "${1:-}" = "--task" ]; then TASK=$2; shift 2; fi
STUDIES="${1:-$([ "$MODE" = realistic ] && echo 2 || echo 32)}"
OUT="benchmarks/results/heap-bisect-$TASK-$MODE-$(date -u +%Y-%m-%dT%H%MZ).txt"
mkdir -p benchmarks/results
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

profile() { # $1 = -Xmx in MiB, then PipelineProfile arguments
  local mib=$1; shift
  java -Xmx"$mib"m -XX:+UseSerialGC -Xmn2m -cp "$JAR" org.dicomguard.benchmarks.PipelineProfile "$@" --heap-only \
    >"$LOG" 2>&1
}

bisect() { # PipelineProfile arguments; prints one result line
  local lo=4 hi=16 mid
  while ! profile "$hi" "$@"; do
    lo=$hi; hi=$((hi * 2))
    [ "$hi" -le 4096 ] || { cat "$LOG" >&2; exit 1; }
  done
  while [ $((hi - lo)) -gt 1 ]; do
    mid=$(((lo + hi) / 2))
    if profile "$mid" "$@"; then hi=$mid; else lo=$mid; fi
  done
  profile "$hi" "$@"
  local raw idle
  raw=$(sed -n 's/.*raw pixel bytes per study \([0-9]*\).*/\1/p' "$LOG")
  idle=$(sed -n 's/.*no study in flight: \([0-9.]*\) MB.*/\1/p' "$LOG")
  awk -v args="$*" -v lo="$lo" -v hi="$hi" -v raw="$raw" -v idle="$idle" 'BEGIN {
    peak = hi * 1048576 - idle * 1e6;
    printf "%s: smallest passing -Xmx %d MiB (%d fails), idle %.1f MB, raw pixel bytes %d, peak per study in flight <= %.1f MB = %.2f x raw\n",
      args, hi, lo, idle, raw, peak / 1e6, peak / raw }'
}

# The first run writes the fixtures, with a generous heap.
if [ "$MODE" = realistic ]; then FIRST=(--realistic "$TASK" "$STUDIES"); else FIRST=("$TASK" "$STUDIES" 1); fi
profile 2048 "${FIRST[@]}" || { cat "$LOG"; exit 1; }
{
  echo "PipelineProfile --heap-only under -XX:+UseSerialGC -Xmn2m, $(java -version 2>&1 | head -1)"
  if [ "$MODE" = realistic ]; then
    for ((k = 0; k < STUDIES; k++)); do bisect --realistic "$TASK" "$STUDIES" --study "$k"; done
  else
    bisect "$TASK" "$STUDIES" 1
  fi
} | tee "$OUT"
