#!/usr/bin/env bash
# Decode speed per transfer syntax beside dcmtk, GDCM and OpenJPEG, on the same files, in one run:
# the benchmark mammogram (3328 x 2560, 14 bits in 16) as RLE, JPEG Lossless SV1 (dcmcjpeg +e1),
# JPEG-LS lossless (dcmcjpls) and JPEG 2000 lossless (gdcmconv --j2k). Java: per-image decode
# (parse + decode from bytes in memory) in a warm JVM, median of REPEATS, and one whole process
# (JVM start, one decode). JPEG 2000 twice: with the optional native decoder (org.openpnp:opencv on
# the class path, OPENCV_JAR) and with -Ddicomguard.j2k.native=false (jai-imageio). Peers:
# whole-process medians of dcmdrle / dcmdjpeg / dcmdjpls, gdcmconv --raw and opj_decompress (on the
# frame's raw codestream). Each row has the median elapsed time and the median CPU time (user +
# sys of the process; for Java the process CPU time of the decode), since a loaded machine
# stretches elapsed time. Every peer output is hashed like pixelSha256 and compared with Java's.
# Writes benchmarks/results/decode-<UTC>.json with the load average before and after.
#
# Usage (repository root, after `mvn -q -DskipTests package`): benchmarks/peer/decode-compare.sh [REPEATS]
# Needs: dcmtk, libgdcm-tools, libopenjp2-tools, python3-pydicom, python3-numpy.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS="${1:-5}"
FIXTURES="${FIXTURES:-benchmarks/target/fixtures}"
JAVA="${JAVA:-java}"
JAR=benchmarks/target/benchmarks.jar
OPENCV_JAR="${OPENCV_JAR:-$HOME/.m2/repository/org/openpnp/opencv/4.9.0-0/opencv-4.9.0-0.jar}"
[[ -f "$JAR" ]] || { echo "missing $JAR: run 'mvn -q -DskipTests package' first" >&2; exit 2; }
CP="$JAR"
if [[ -f "$OPENCV_JAR" ]]; then CP="$JAR:$OPENCV_JAR"; else echo "no $OPENCV_JAR: JPEG 2000 on jai-imageio only" >&2; fi
SYNTAXES="rle jpegLossless jpegLs j2k"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
uptime > "$TMP/uptime-before.txt"
echo "java side ($REPEATS repeats, 5 warm-ups)..." >&2
"$JAVA" -Xmx4g -cp "$CP" org.dicomguard.benchmarks.DecodePeerSide "$FIXTURES" "$REPEATS" 5 $SYNTAXES > "$TMP/java.txt"
"$JAVA" -Xmx4g -Ddicomguard.j2k.native=false -cp "$JAR" org.dicomguard.benchmarks.DecodePeerSide "$FIXTURES" \
    "$REPEATS" 2 j2k > "$TMP/java-jai.txt"
mkdir -p benchmarks/results
OUT="benchmarks/results/decode-$(date -u +%Y-%m-%dT%H%MZ).json"
/usr/bin/python3 - "$TMP" "$REPEATS" "$OUT" "$JAVA" "$CP" <<'PY'
import json, os, resource, statistics, subprocess, sys, time
sys.path.insert(0, "guard-core/src/test/conformance"); sys.path.insert(0, "guard-core/src/test/fixtures")
import pydicom
from pydicom.encaps import generate_pixel_data_frame
from make_corpus import stored_values_sha
tmp, repeats, out_path, java, cp = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
java_rows = {l.split()[0]: l.split() for l in open(os.path.join(tmp, "java.txt"))}
jai_row = next(iter(l.split() for l in open(os.path.join(tmp, "java-jai.txt"))), None)
def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
def timed(cmd):
    walls, cpus = [], []
    for _ in range(repeats):
        c, t = cpu_children(), time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t); cpus.append(cpu_children() - c)
    return statistics.median(walls), statistics.median(cpus)
peers = {"rle": [["dcmdrle"]], "jpegLossless": [["dcmdjpeg"]], "jpegLs": [["dcmdjpls"]], "j2k": []}
rows = []
print(f"{'syntax':13} {'decoder':42} {'wall s':>8} {'cpu s':>7} {'same pixels':>12}")
for syntax, (_, path, jmed, jsha, jcpu) in java_rows.items():
    size = os.path.getsize(path)
    whole = timed([java, "-cp", cp, "org.dicomguard.benchmarks.DecodePeerSide", os.path.dirname(path), "1", "0", syntax])
    name = "guard-core, per image (warm JVM)" + (" OpenJPEG/OpenCV" if syntax == "j2k" and ":" in cp else "")
    entries = [(name, float(jmed), float(jcpu), True)]
    if syntax == "j2k" and jai_row:
        entries.append(("guard-core, per image (warm JVM) jai-imageio", float(jai_row[2]), float(jai_row[4]),
                        jai_row[3] == jsha))
    entries.append(("guard-core, whole process", whole[0], whole[1], True))
    for cmd in peers[syntax] + [["gdcmconv", "--raw"]]:
        out = os.path.join(tmp, "out.dcm")
        sec = timed(cmd + [path, out])
        entries.append((" ".join(cmd) + ", whole process", sec[0], sec[1], stored_values_sha(pydicom.dcmread(out)) == jsha))
    if syntax == "j2k":
        ds = pydicom.dcmread(path)
        cs = os.path.join(tmp, "frame.j2k"); open(cs, "wb").write(next(generate_pixel_data_frame(ds.PixelData, 1)))
        raw = os.path.join(tmp, "frame.pgm")
        sec = timed(["opj_decompress", "-i", cs, "-o", raw])
        import numpy as np
        data = open(raw, "rb").read()
        pgm = np.frombuffer(data[len(data) - int(ds.Rows) * int(ds.Columns) * 2:], ">u2").astype("<u2")
        from make_fixtures import sha256
        entries.append(("opj_decompress, whole process", sec[0], sec[1], sha256(pgm.tobytes()) == jsha))
    for name, wall, cpu, same in entries:
        print(f"{syntax:13} {name:42} {wall:8.3f} {cpu:7.3f} {str(same):>12}")
        rows.append({"syntax": syntax, "fileBytes": size, "decoder": name, "medianSeconds": wall,
                     "medianCpuSeconds": cpu, "samePixels": same})
machine = {"nproc": os.cpu_count(), "uptimeBefore": open(os.path.join(tmp, "uptime-before.txt")).read().strip(),
           "uptimeAfter": subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(),
           "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")}
print("\nuptime before: " + machine["uptimeBefore"] + "\nuptime after:  " + machine["uptimeAfter"])
json.dump({"machine": machine, "repeats": repeats, "rows": rows}, open(out_path, "w"), indent=2)
print(f"\nwrote {out_path}")
PY
