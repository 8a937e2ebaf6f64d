#!/usr/bin/env bash
# Peak heap per mammography study in flight, as a multiple of the study's raw pixel bytes.
#
# Runs PipelineProfile --heap-only (every study preprocessed one at a time, each check fails the
# run) under a fixed -Xmx and bisects for the smallest -Xmx in MiB that passes. The peak live heap
# of one study in flight lies between (smallest passing -Xmx - 1 MiB) and (smallest passing -Xmx),
# minus the heap the open Pipeline holds with no study in flight, which the same run prints.
#
# Usage, from the repository root after `mvn -q -DskipTests package`:
#   benchmarks/heap-bisect.sh [--realistic] [STUDIES]      (defaults: small studies, 32 of them)
# Writes benchmarks/results/heap-bisect-<mode>-<UTC time>.txt and prints the same.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -q -DskipTests package first" >&2; exit 2; }
MODE=small
ARGS=(mammography)
if [ "${1:-}" = "--realistic" ]; then MODE=realistic; ARGS=(--realistic); shift; fi
STUDIES="${1:-$([ "$MODE" = realistic ] && echo 2 || echo 32)}"
if [ "$MODE" = realistic ]; then ARGS+=("$STUDIES"); else ARGS+=("$STUDIES" 1); fi
OUT="benchmarks/results/heap-bisect-$MODE-$(date -u +%Y-%m-%dT%H%MZ).txt"
mkdir -p benchmarks/results
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT

passes() { # $1 = MiB
  java -Xmx"$1"m -XX:+UseG1GC -cp "$JAR" org.dicomguard.benchmarks.PipelineProfile "${ARGS[@]}" --heap-only \
    >"$LOG" 2>&1
}

# Fixtures are written on the first run, with a generous heap.
java -Xmx2g -cp "$JAR" org.dicomguard.benchmarks.PipelineProfile "${ARGS[@]}" --heap-only >"$LOG" 2>&1 \
  || { cat "$LOG"; exit 1; }
lo=4; hi=16
while ! passes "$hi"; do lo=$hi; hi=$((hi * 2)); [ "$hi" -le 4096 ] || { cat "$LOG"; exit 1; }; done
while [ $((hi - lo)) -gt 1 ]; do
  mid=$(((lo + hi) / 2))
  if passes "$mid"; then hi=$mid; else lo=$mid; fi
done
passes "$hi"
raw=$(sed -n 's/.*raw pixel bytes per study \([0-9]*\).*/\1/p' "$LOG")
idle=$(sed -n 's/.*no study in flight: \([0-9.]*\) MB.*/\1/p' "$LOG")
{
  echo "PipelineProfile ${ARGS[*]} --heap-only, G1, $(java -version 2>&1 | head -1)"
  echo "smallest passing -Xmx: ${hi} MiB (${lo} MiB fails)"
  echo "raw pixel bytes per study: $raw"
  echo "heap held by the open Pipeline, no study in flight (at ${hi} MiB): $idle MB"
  awk -v lo="$lo" -v hi="$hi" -v raw="$raw" -v idle="$idle" 'BEGIN {
    a = lo * 1048576 - idle * 1e6; b = hi * 1048576 - idle * 1e6;
    printf "peak heap per study in flight: %.1f to %.1f MB = %.2f to %.2f x raw pixel bytes\n", a / 1e6, b / 1e6, a / raw, b / raw }'
  echo "--- output of the passing run"
  cat "$LOG"
} | tee "$OUT"
