#!/usr/bin/env bash
# Peer comparison: the same work on the same files, Java (DICOM Guard) and the Python stack
# (pydicom, numpy, scipy, scikit-image, scikit-learn), in one run. Prints a table of medians and
# Java/Python ratios and writes benchmarks/results/peer-<UTC date and time>.json.
#
# Usage (from the repository root, after `mvn -q -DskipTests package`):
#   benchmarks/peer/compare.sh [REPEATS]
# Environment: FIXTURES (default benchmarks/target/fixtures), PYTHON (default /usr/bin/python3),
#              JAVA (default java).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS="${1:-7}"
FIXTURES="${FIXTURES:-benchmarks/target/fixtures}"
PYTHON="${PYTHON:-/usr/bin/python3}"
JAVA="${JAVA:-java}"
JAR=benchmarks/target/benchmarks.jar
if [[ ! -f "$JAR" ]]; then
  echo "missing $JAR: run 'mvn -q -DskipTests package' first" >&2
  exit 2
fi
if ! command -v dcmcjpeg >/dev/null; then
  echo "note: dcmtk's dcmcjpeg is not on PATH, JPEG Lossless is skipped (apt-get install dcmtk)" >&2
fi
"$JAVA" -Xmx4g -cp "$JAR" org.dicomguard.benchmarks.BenchmarkFixtures "$FIXTURES" >&2
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "java side ($REPEATS repeats)..." >&2
"$JAVA" -Xmx4g -cp "$JAR" org.dicomguard.benchmarks.PeerJavaSide "$FIXTURES" "$REPEATS" 5 > "$TMP/java.json"
echo "python side ($REPEATS repeats)..." >&2
"$PYTHON" benchmarks/peer/python_stack.py --fixtures "$FIXTURES" --repeats "$REPEATS" > "$TMP/python.json"
mkdir -p benchmarks/results
OUT="benchmarks/results/peer-$(date -u +%Y-%m-%dT%H%MZ).json"
"$PYTHON" - "$TMP/java.json" "$TMP/python.json" "$OUT" "$REPEATS" <<'PY'
import json, os, platform, subprocess, sys
java = json.load(open(sys.argv[1]))
py = json.load(open(sys.argv[2]))
out_path, repeats = sys.argv[3], int(sys.argv[4])
def cpu():
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()
def mem_gib():
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
jv = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
tasks = [k for k in java if not k.startswith("check_") and k != "lung_mask_slices"]
rows = []
print(f"{'task':32} {'java s':>10} {'python s':>10} {'java/python':>12} {'python/java':>12}")
for t in tasks:
    j, p = java[t], py.get(t)
    ratio = j / p if p else None
    rows.append({"task": t, "javaMedianSeconds": j, "pythonMedianSeconds": p,
                 "javaOverPython": ratio, "speedupPythonOverJava": (p / j if p else None)})
    ps = f"{p:10.4f}" if p else f"{'n/a':>10}"
    rs = f"{ratio:12.3f}" if ratio else f"{'n/a':>12}"
    ss = f"{p / j:11.1f}x" if p else f"{'n/a':>12}"
    print(f"{t:32} {j:10.4f} {ps} {rs} {ss}")
checks = {k: {"java": java[k], "python": py.get(k)} for k in java if k.startswith("check_")}
print("\nsame-work checks (java vs python):")
for k, v in checks.items():
    print(f"  {k:40} {v['java']!s:>22} {v['python']!s:>22}")
for k, v in py.items():
    if k.startswith("skipped_"):
        print(f"  python {k}: {v}")
result = {"machine": {"nproc": os.cpu_count(), "cpu": cpu(), "memGiB": mem_gib(), "java": jv,
                      "python": platform.python_version(), "loadavg": os.getloadavg()},
          "repeats": repeats, "tasks": rows, "checks": checks, "java": java, "python": py}
json.dump(result, open(out_path, "w"), indent=2)
print(f"\nwrote {out_path}")
PY
