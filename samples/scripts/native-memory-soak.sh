#!/usr/bin/env bash
# Native-memory soak: resident memory (VmRSS) over many inferences of one study.
#
#   samples/scripts/native-memory-soak.sh [MODE] [RUNS] [SAMPLE_EVERY]
#     MODE          model (OrtModel.run on the prepared input, default) or pipeline (Pipeline.run)
#     RUNS          default 100000
#     SAMPLE_EVERY  default 10000
#
# Runs NativeMemorySoakTest with the test bundle (tiny 4x32x32 model) and a synthetic
# four-view study, then prints the table from the test's output. Flat VmRSS after the first
# sample means no native leak per inference. The heap is fixed and pre-touched (-Xms = -Xmx,
# AlwaysPreTouch) so that Java heap growth does not show up as resident-memory growth. Results are recorded in docs/GUARANTEES.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE="${1:-model}"
RUNS="${2:-100000}"
EVERY="${3:-10000}"
mvn -o -q -B -pl samples -am test -Dtest=NativeMemorySoakTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddicomguard.soak.mode="$MODE" -Ddicomguard.soak.runs="$RUNS" -Ddicomguard.soak.sampleEvery="$EVERY" \
  -DargLine="-Xms256m -Xmx256m -XX:+AlwaysPreTouch" >/dev/null
# The test's standard output (the table) is kept in its surefire XML report.
sed -n '/CDATA\[mode /,/^growth/p' samples/target/surefire-reports/TEST-org.dicomguard.samples.soak.NativeMemorySoakTest.xml \
  | sed 's/.*CDATA\[//'
