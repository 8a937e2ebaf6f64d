#!/usr/bin/env bash
# Times the local Spark archive job (run-local.sh) beside single-JVM `dicom-guard score` on the same
# archive, alternating runs, and checks that both give the same lines.
#
#   guard-spark/compare-score.sh ARCHIVE BUNDLE [RUNS]      (RUNS default 3)
#
# Needs the README's build (samples/target/dicom-guard.jar, the guard-spark job jar) and GNU time
# (/usr/bin/time). Prints one line per run and the medians: load average at the start of the run;
# score's wall and CPU (user+sys) s; the Spark job's wall and CPU s, its session start and the wall
# of its phases (discover: listing and header pass; group: studies keyed and counted; score: scoring
# tasks writing the parquet results; after: contract text and drift); score's studies/s over its
# whole wall; Spark's scoring studies/s over group+score (session start and discovery excluded);
# Spark job wall / score wall; shuffle bytes per study; whether the lines are the same.
# The per-phase lines of each run (task run, CPU, GC, deserialization) go to standard error.
# SPARK_MASTER (default local[2]) and DRIVER_MEMORY are passed to run-local.sh.
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
printf 'run\tload1\tscore_s\tscore_cpu_s\tspark_job_s\tspark_cpu_s\tsession_s\tdiscover_s\tgroup_s\tscore_phase_s\tafter_s\tscore_studies_per_s\tspark_scoring_studies_per_s\tjob_ratio\tshuffle_bytes_per_study\tsame_lines\n'
phase() { sed -n "s/^phase $2: wall \([0-9.]*\) s.*/\1/p" "$1" | head -1; }
for i in $(seq 1 "$runs"); do
  load="$(cut -d' ' -f1 /proc/loadavg)"
  t0=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/score-$i.cpu" \
    java -jar "$cli" score --bundle "$bundle" --out "$work/score-$i.jsonl" "$archive" > /dev/null 2>&1
  t1=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$work/spark-$i.cpu" \
    "$here/run-local.sh" "$archive" "$bundle" "$work/spark-$i" > "$work/spark-$i.log" 2>&1
  t2=$(date +%s.%N)
  log="$work/spark-$i.log"
  summary="$(grep 'dicom-guard spark:' "$log")"
  studies="$(echo "$summary" | sed -n 's/.* \([0-9]*\) result rows.*/\1/p')"
  session="$(echo "$summary" | sed -n 's/.*session start \([0-9.]*\) s.*/\1/p')"
  per_study="$(echo "$summary" | sed -n 's/.*(\([0-9.]*\) per study).*/\1/p')"
  discover="$(phase "$log" discover)"; group="$(phase "$log" group)"; scoring="$(phase "$log" score)"
  after="$(awk -v c="$(phase "$log" contract)" -v d="$(phase "$log" drift)" 'BEGIN { print c + d }')"
  same=no
  if diff <(sort "$work/score-$i.jsonl") <(cat "$work/spark-$i"/contract/part-* | sort) > /dev/null; then same=yes; fi
  grep '^phase ' "$log" | sed "s/^/  run $i: /" >&2
  awk -v i="$i" -v l="$load" -v a="$t0" -v b="$t1" -v c="$t2" -v n="$studies" -v p="$per_study" -v same="$same" \
      -v sc="$(awk '{ print $1 + $2 }' "$work/score-$i.cpu")" -v kc="$(awk '{ print $1 + $2 }' "$work/spark-$i.cpu")" \
      -v se="$session" -v di="$discover" -v gr="$group" -v sp="$scoring" -v af="$after" \
    'BEGIN { printf "%d\t%s\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%.3f\t%.3f\t%.2f\t%s\t%s\n",
             i, l, b-a, sc, c-b, kc, se, di, gr, sp, af, n/(b-a), n/(gr+sp), (c-b)/(b-a), p, same }'
done | tee "$work/table.tsv"
median() { cut -f"$1" "$work/table.tsv" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf 'median\t'
for c in $(seq 2 15); do printf '\t%s' "$(median "$c")"; done
printf '\n'
