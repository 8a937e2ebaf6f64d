#!/usr/bin/python3
"""Conformance corpus of guard-core's own decoders (run through make-corpus.sh).

Small images (synthetic 8, 12, 16 bit, signed, RGB, multi-frame, and pydicom test files) are
encoded per transfer syntax by dcmtk and GDCM. The reference pixelSha256 of each file is computed
from an independent decoder's output (dcmdjpeg, dcmdjpls, dcmdrle, gdcmconv --raw), never from
guard-core: the decoded native PixelData, each value reduced to BitsStored bits and sign-extended
when PixelRepresentation is 1 (the stored-value definition of pixelSha256 in DESIGN.md), written
little-endian in ceil(BitsAllocated/8) bytes, frames in order. Lossy JPEG (dcmcjpeg +eb / +ee,
monochrome 8 and 12 bit) and near-lossless JPEG-LS are held to the reference decoder's output
too (guard-core must equal dcmdjpeg / dcmdjpls bit for bit), not to the source image. Output:
  resources/conformance/*.dcm + conformance.json
Files named pydicom_* are recompressed pydicom test files (Expat license, LICENSE-pydicom.txt).
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np
import pydicom

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))
import make_fixtures as fx  # noqa: E402  (shared synthetic image makers)
import restart_jpeg  # noqa: E402

OUT = os.path.join(HERE, "..", "resources", "conformance")
CORPUS = os.environ.get("PYDICOM_CORPUS", "/work/shared/corpus/pydicom")
KEEP = {"LICENSE-pydicom.txt", "ow8_big_endian_dcmconv.dcm", "fill_before_eoi_dcmcjpeg.jpeg", "fill_before_eoi_original.raw"}  # hand-made regression files that live beside the corpus


def run(*cmd):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def sources(tmp):
    """name -> uncompressed Explicit VR Little Endian file."""
    images = {
        "mono8": (fx.mono16(48, 40, 1, 8, False).astype(np.uint8), 8, False, "MONOCHROME2"),
        "mono12": (fx.mono16(48, 40, 1, 12, False), 12, False, "MONOCHROME2"),
        "mono16": (fx.mono16(40, 36, 1, 16, False), 16, False, "MONOCHROME2"),
        "mono12s": (fx.mono16(40, 36, 1, 12, True), 12, True, "MONOCHROME2"),
        "mono16s": (fx.mono16(40, 36, 1, 16, True), 16, True, "MONOCHROME2"),
        "mono10_3frame": (fx.mono16(32, 30, 3, 10, False), 10, False, "MONOCHROME2"),
        "rgb8": (fx.rgb8(36, 44), 8, False, "RGB"),
    }
    out = {}
    for name, (pixels, bits, signed, pi) in images.items():
        path = os.path.join(tmp, name + ".dcm")
        fx.make_dataset(pixels, bits, signed, pi).save_as(path, write_like_original=False)
        out[name] = path
    for fname in ("CT_small.dcm", "MR_small.dcm", "SC_rgb_small_odd.dcm"):
        path = os.path.join(CORPUS, fname)
        if os.path.exists(path):
            out["pydicom_" + fname[:-4]] = path
    return out


# (suffix, transfer syntax, encoder command, reference decoder, which sources)
JPEG_BASELINE = "1.2.840.10008.1.2.4.50"
JPEG_EXTENDED = "1.2.840.10008.1.2.4.51"
JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57"
JPEG_SV1 = "1.2.840.10008.1.2.4.70"
JLS = "1.2.840.10008.1.2.4.80"
JLS_NEAR = "1.2.840.10008.1.2.4.81"
RLE = "1.2.840.10008.1.2.5"
J2K = "1.2.840.10008.1.2.4.90"
ALL = None
MONO = ("mono8", "mono12", "mono16", "mono12s", "mono16s", "pydicom_CT_small")
ENCODINGS = [
    ("jpeg70_dcmtk", JPEG_SV1, ["dcmcjpeg", "+e1"], "dcmdjpeg", ALL),
    ("jpeg70_gdcm", JPEG_SV1, ["gdcmconv", "--jpeg", "--lossless"], "dcmdjpeg",
     ("mono12", "mono16s", "rgb8", "pydicom_MR_small")),
    ("jpeg70_fragmented_noBot", JPEG_SV1, ["dcmcjpeg", "+e1", "+fs", "1", "-ot"], "dcmdjpeg",
     ("mono10_3frame", "pydicom_CT_small")),
] + [
    ("jpeg57_sv%d" % sv, JPEG_LOSSLESS, ["dcmcjpeg", "+el", "+sv", str(sv)], "dcmdjpeg", ("mono12", "rgb8"))
    for sv in range(1, 8)
] + [
    ("jpeg57_sv%d_pt2" % sv, JPEG_LOSSLESS, ["dcmcjpeg", "+el", "+sv", str(sv), "+pt", "2"], "dcmdjpeg",
     ("mono16",)) for sv in (1, 7)
] + [
    ("jls_dcmtk", JLS, ["dcmcjpls", "+el"], "dcmdjpls", ALL),
    ("jls_near2_dcmtk", JLS_NEAR, ["dcmcjpls", "+en", "+md", "2"], "dcmdjpls", MONO + ("rgb8",)),
    ("jls_near5_dcmtk", JLS_NEAR, ["dcmcjpls", "+en", "+md", "5"], "dcmdjpls", ("mono12", "mono8")),
    ("jls_ilnone", JLS, ["dcmcjpls", "+el", "+in"], "dcmdjpls", ("rgb8", "pydicom_SC_rgb_small_odd")),
    ("jls_ilsample", JLS, ["dcmcjpls", "+el", "+is"], "dcmdjpls", ("rgb8", "pydicom_SC_rgb_small_odd")),
    ("jls_near3_ilsample", JLS_NEAR, ["dcmcjpls", "+en", "+md", "3", "+is"], "dcmdjpls", ("rgb8",)),
    ("jls_thresholds", JLS, ["dcmcjpls", "+el", "+t1", "5", "+t2", "9", "+t3", "30", "+rs", "32"], "dcmdjpls",
     ("mono12", "mono8")),
    ("jls_gdcm", JLS, ["gdcmconv", "--jpegls"], "dcmdjpls", ("mono12", "mono16s", "rgb8", "pydicom_MR_small")),
    ("jls_fragmented_noBot", JLS, ["dcmcjpls", "+el", "+fs", "1", "-ot"], "dcmdjpls", ("mono10_3frame",)),
    ("rle_dcmtk", RLE, ["dcmcrle"], "dcmdrle", ("mono12s", "rgb8", "mono10_3frame")),
    ("j2k_gdcm", J2K, ["gdcmconv", "--j2k"], "gdcmconv", ("mono12", "mono16s", "rgb8")),
    # Lossy sequential DCT (own decoder for monochrome): the reference is dcmdjpeg's output, not the source.
    ("jpeg51_dcmtk", JPEG_EXTENDED, ["dcmcjpeg", "+ee"], "dcmdjpeg", ("mono12", "mono12s", "mono10_3frame")),
    ("jpeg51_q40_dcmtk", JPEG_EXTENDED, ["dcmcjpeg", "+ee", "+q", "40"], "dcmdjpeg", ("mono12",)),
    ("jpeg50_dcmtk", JPEG_BASELINE, ["dcmcjpeg", "+eb"], "dcmdjpeg", ("mono8",)),
    ("jpeg50_stdhuff_q75", JPEG_BASELINE, ["dcmcjpeg", "+eb", "-ho", "+q", "75"], "dcmdjpeg", ("mono8",)),
]


def reference_decode(decoder, path, out):
    if decoder == "gdcmconv":
        run("gdcmconv", "--raw", path, out)
    else:
        run(decoder, path, out)


def stored_values_sha(ds):
    """pixelSha256 of a native data set: values masked to BitsStored, sign-extended when signed."""
    bits_alloc, bits_stored = int(ds.BitsAllocated), int(ds.BitsStored)
    signed = int(ds.PixelRepresentation) == 1
    frames = int(getattr(ds, "NumberOfFrames", 1) or 1)
    n = int(ds.Rows) * int(ds.Columns) * int(ds.SamplesPerPixel) * frames
    dtype = np.dtype("<u1") if bits_alloc == 8 else np.dtype("<u2")
    raw = np.frombuffer(ds.PixelData, dtype=dtype, count=n).astype(np.int64)
    if int(ds.SamplesPerPixel) == 3 and int(getattr(ds, "PlanarConfiguration", 0) or 0) == 1:
        plane = int(ds.Rows) * int(ds.Columns)
        raw = raw.reshape(frames, 3, plane).transpose(0, 2, 1).reshape(-1)
    mask = (1 << bits_stored) - 1
    values = raw & mask
    if signed:
        values = np.where(values & (1 << (bits_stored - 1)), values - (1 << bits_stored), values)
    return fx.sha256((values & ((1 << bits_alloc) - 1)).astype(dtype).tobytes())


def restart_files(src, tmp):
    """JPEG Lossless with restart intervals (restart_jpeg.py): yields (file name, path, encoder text)."""
    ds = pydicom.dcmread(src["mono12"])
    for predictor, interval in ((1, 7), (7, 1), (4, 16)):
        stream = restart_jpeg.encode(ds.pixel_array, 12, predictor, interval)
        out = ds.copy()
        out.file_meta = ds.file_meta
        out.file_meta.TransferSyntaxUID = JPEG_LOSSLESS
        out.PixelData = pydicom.encaps.encapsulate([stream])
        out["PixelData"].VR = "OB"
        out.is_little_endian, out.is_implicit_VR = True, False
        fname = "mono12_jpeg57_sv%d_restart%d.dcm" % (predictor, interval)
        path = os.path.join(OUT, fname)
        out.save_as(path, write_like_original=False)
        yield fname, path, "restart_jpeg.py predictor %d, restart every %d rows" % (predictor, interval)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith((".dcm", ".json")) and f not in KEEP:
            os.remove(os.path.join(OUT, f))
    entries = []
    with tempfile.TemporaryDirectory() as tmp:
        src = sources(tmp)
        for suffix, ts, encoder, decoder, which in ENCODINGS:
            for name in (src if which is None else which):
                if name not in src:
                    continue
                fname = "%s_%s.dcm" % (name, suffix)
                path = os.path.join(OUT, fname)
                try:
                    run(*encoder, src[name], path)
                except subprocess.CalledProcessError:
                    print("skip %s: %s refused it" % (fname, encoder[0]), file=sys.stderr)
                    continue
                ds = pydicom.dcmread(path)
                if str(ds.file_meta.TransferSyntaxUID) != ts:
                    os.remove(path)
                    print("skip %s: wrote %s" % (fname, ds.file_meta.TransferSyntaxUID), file=sys.stderr)
                    continue
                raw_path = os.path.join(tmp, "ref.dcm")
                reference_decode(decoder, path, raw_path)
                ref = pydicom.dcmread(raw_path)
                entries.append({
                    "file": fname, "transferSyntaxUid": ts, "encoder": " ".join(encoder),
                    "referenceDecoder": decoder if decoder != "gdcmconv" else "gdcmconv --raw",
                    "rows": int(ds.Rows), "columns": int(ds.Columns),
                    "frames": int(getattr(ds, "NumberOfFrames", 1) or 1),
                    "samplesPerPixel": int(ds.SamplesPerPixel), "bitsStored": int(ds.BitsStored),
                    "referencePhotometricInterpretation": str(ref.PhotometricInterpretation),
                    "pixelSha256": stored_values_sha(ref),
                })
        for fname, path, encoder in restart_files(src, tmp):
            raw_path = os.path.join(tmp, "ref.dcm")
            run("dcmdjpeg", path, raw_path)
            ref = pydicom.dcmread(raw_path)
            sha = stored_values_sha(ref)
            if sha != stored_values_sha(pydicom.dcmread(src["mono12"])):
                raise SystemExit("dcmdjpeg does not return the encoder input for " + fname)
            entries.append({"file": fname, "transferSyntaxUid": JPEG_LOSSLESS, "encoder": encoder,
                            "referenceDecoder": "dcmdjpeg", "rows": int(ref.Rows), "columns": int(ref.Columns),
                            "frames": 1, "samplesPerPixel": 1, "bitsStored": int(ref.BitsStored),
                            "referencePhotometricInterpretation": str(ref.PhotometricInterpretation),
                            "pixelSha256": sha})
    with open(os.path.join(OUT, "conformance.json"), "w") as fh:
        json.dump({"generator": "make-corpus.sh (pydicom " + pydicom.__version__ + ", dcmtk, gdcm)",
                   "files": entries}, fh, indent=1)
        fh.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, f)) for f in os.listdir(OUT))
    print("%d files, %d bytes" % (len(entries), total))


if __name__ == "__main__":
    main()
