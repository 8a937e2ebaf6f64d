#!/usr/bin/env bash
# Decode speed per transfer syntax beside dcmtk, GDCM and OpenJPEG, on the same files, in one run:
# the benchmark mammogram (3328 x 2560, 14 bits in 16) as RLE, JPEG Lossless SV1 (dcmcjpeg +e1),
# JPEG-LS lossless (dcmcjpls) and JPEG 2000 lossless (gdcmconv --j2k). Java: per-image decode
# (parse + decode from bytes in memory) in a warm JVM, median of REPEATS, and one whole process
# (JVM start, one decode). Peers: whole-process medians of dcmdrle / dcmdjpeg / dcmdjpls,
# gdcmconv --raw and opj_decompress (on the frame's raw codestream). Every peer output is hashed
# like pixelSha256 and compared with Java's. Writes benchmarks/results/decode-<UTC>.json.
#
# Usage (repository root, after `mvn -q -DskipTests package`): benchmarks/peer/decode-compare.sh [REPEATS]
# Needs: dcmtk, libgdcm-tools, libopenjp2-tools, python3-pydicom, python3-numpy.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS="${1:-5}"
FIXTURES="${FIXTURES:-benchmarks/target/fixtures}"
JAVA="${JAVA:-java}"
JAR=benchmarks/target/benchmarks.jar
[[ -f "$JAR" ]] || { echo "missing $JAR: run 'mvn -q -DskipTests package' first" >&2; exit 2; }
SYNTAXES="rle jpegLossless jpegLs j2k"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
echo "java side ($REPEATS repeats, 5 warm-ups)..." >&2
"$JAVA" -Xmx4g -cp "$JAR" org.dicomguard.benchmarks.DecodePeerSide "$FIXTURES" "$REPEATS" 5 $SYNTAXES > "$TMP/java.txt"
mkdir -p benchmarks/results
OUT="benchmarks/results/decode-$(date -u +%Y-%m-%dT%H%MZ).json"
/usr/bin/python3 - "$TMP" "$REPEATS" "$OUT" "$JAVA" "$JAR" <<'PY'
import json, os, statistics, subprocess, sys, time
sys.path.insert(0, "guard-core/src/test/conformance"); sys.path.insert(0, "guard-core/src/test/fixtures")
import pydicom
from pydicom.encaps import generate_pixel_data_frame
from make_corpus import stored_values_sha
tmp, repeats, out_path, java, jar = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
java_rows = {l.split()[0]: l.split() for l in open(os.path.join(tmp, "java.txt"))}
def timed(cmd):
    times = []
    for _ in range(repeats):
        t = time.perf_counter(); subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
    return statistics.median(times)
peers = {"rle": [["dcmdrle"]], "jpegLossless": [["dcmdjpeg"]], "jpegLs": [["dcmdjpls"]], "j2k": []}
rows = []
print(f"{'syntax':13} {'decoder':34} {'median s':>9} {'same pixels':>12}")
for syntax, (_, path, jmed, jsha) in java_rows.items():
    size = os.path.getsize(path)
    whole = timed([java, "-cp", jar, "org.dicomguard.benchmarks.DecodePeerSide", os.path.dirname(path), "1", "0", syntax])
    entries = [("guard-core, per image (warm JVM)", float(jmed), True), ("guard-core, whole process", whole, True)]
    for cmd in peers[syntax] + [["gdcmconv", "--raw"]]:
        out = os.path.join(tmp, "out.dcm")
        sec = timed(cmd + [path, out])
        entries.append((" ".join(cmd) + ", whole process", sec, stored_values_sha(pydicom.dcmread(out)) == jsha))
    if syntax == "j2k":
        ds = pydicom.dcmread(path)
        cs = os.path.join(tmp, "frame.j2k"); open(cs, "wb").write(next(generate_pixel_data_frame(ds.PixelData, 1)))
        raw = os.path.join(tmp, "frame.pgm")
        entries.append(("opj_decompress, whole process", timed(["opj_decompress", "-i", cs, "-o", raw]), None))
    for name, sec, same in entries:
        print(f"{syntax:13} {name:34} {sec:9.3f} {('n/a' if same is None else str(same)):>12}")
        rows.append({"syntax": syntax, "fileBytes": size, "decoder": name, "medianSeconds": sec, "samePixels": same})
machine = {"nproc": os.cpu_count(), "loadavg": os.getloadavg(),
           "cpu": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "")}
json.dump({"machine": machine, "repeats": repeats, "rows": rows}, open(out_path, "w"), indent=2)
print(f"\nwrote {out_path}")
PY
