#!/usr/bin/env bash
# Times the local Spark archive job (run-local.sh) beside single-JVM `dicom-guard score` on the same
# archive, alternating runs, and checks that both give the same lines.
#
#   guard-spark/compare-score.sh ARCHIVE BUNDLE [RUNS]      (RUNS default 3)
#
# Needs the README's build (samples/target/dicom-guard.jar, the guard-spark job jar). Prints one
# line per run and the medians: score wall s, Spark whole-job wall s, Spark discover+score+write s,
# studies/s of each, shuffle bytes per study, and the load average at the start of the run.
# SPARK_MASTER (default local[2]) is passed to run-local.sh.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 ARCHIVE BUNDLE [RUNS]" >&2
  exit 2
fi
archive="$1"; bundle="$2"; runs="${3:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
cli="$(dirname "$here")/samples/target/dicom-guard.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export ORT_DISABLE_TELEMETRY=1
printf 'run\tload1\tscore_s\tspark_job_s\tspark_scoring_s\tscore_studies_per_s\tspark_studies_per_s\tshuffle_bytes_per_study\tsame_lines\n'
for i in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  t0=$(date +%s.%N)
  java -jar "$cli" score --bundle "$bundle" --out "$work/score-$i.jsonl" "$archive" > /dev/null 2>&1
  t1=$(date +%s.%N)
  "$here/run-local.sh" "$archive" "$bundle" "$work/spark-$i" > "$work/spark-$i.log" 2>&1
  t2=$(date +%s.%N)
  summary="$(grep 'dicom-guard spark:' "$work/spark-$i.log")"
  studies="$(echo "$summary" | sed -n 's/.* \([0-9]*\) result rows.*/\1/p')"
  scoring="$(echo "$summary" | sed -n 's/.*discover+score+write results \([0-9.]*\) s.*/\1/p')"
  per_study="$(echo "$summary" | sed -n 's/.*(\([0-9.]*\) per study).*/\1/p')"
  same=no
  if diff <(sort "$work/score-$i.jsonl") <(cat "$work/spark-$i"/contract/part-* | sort) > /dev/null; then same=yes; fi
  awk -v i="$i" -v l="$load" -v a="$t0" -v b="$t1" -v c="$t2" -v s="$scoring" -v n="$studies" -v p="$per_study" -v same="$same" \
    'BEGIN { printf "%d\t%s\t%.1f\t%.1f\t%.1f\t%.3f\t%.3f\t%s\t%s\n", i, l, b-a, c-b, s, n/(b-a), n/s, p, same }'
done | tee "$work/table.tsv"
median() { cut -f"$1" "$work/table.tsv" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf 'median\t\t%s\t%s\t%s\t%s\t%s\n' "$(median 3)" "$(median 4)" "$(median 5)" "$(median 6)" "$(median 7)"
