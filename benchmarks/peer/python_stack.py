#!/usr/bin/env python3
"""The Python stack a team would otherwise use, timed on the same work as the Java side.

Run by benchmarks/peer/compare.sh (see benchmarks/README.md); prints one JSON object with the
median seconds of each task. Tasks mirror DICOM Guard's preprocessing step by step with the
usual libraries (pydicom, numpy, scipy.ndimage, scikit-image, scikit-learn):
  decode_mammo_<name>: pydicom read + pixel_array (forces decode)
  mammo_preprocess_<name>: decode + MONOCHROME1 inversion + rescale + Otsu + largest component +
                     hole filling + orientation + crop + resize to the model input + normalization
  lung_mask: threshold + remove border-connected air + two largest components + closing + fill holes
  roc_auc_1e6: sklearn.metrics.roc_auc_score on 10^6 scores
"""
import argparse
import json
import statistics
import time

import numpy as np
import pydicom
from scipy import ndimage
from skimage.filters import threshold_otsu
from skimage.transform import resize
from sklearn.metrics import roc_auc_score


def timed(fn, repeats):
    times = []
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def mammo_preprocess(path, height, width):
    ds = pydicom.dcmread(path)
    px = ds.pixel_array.astype(np.float32)
    slope = float(getattr(ds, "RescaleSlope", 1.0))
    intercept = float(getattr(ds, "RescaleIntercept", 0.0))
    px = px * slope + intercept
    if ds.PhotometricInterpretation == "MONOCHROME1":
        px = px.max() - px
    t = threshold_otsu(px)
    mask = px > t
    labels, n = ndimage.label(mask)
    if n > 1:
        sizes = ndimage.sum(mask, labels, range(1, n + 1))
        mask = labels == (int(np.argmax(sizes)) + 1)
    mask = ndimage.binary_fill_holes(mask)
    if getattr(ds, "ImageLaterality", "L") == "R":
        px = px[:, ::-1]
        mask = mask[:, ::-1]
    rows = np.any(mask, axis=1)
    cols = np.any(mask, axis=0)
    r0, r1 = np.where(rows)[0][[0, -1]]
    c0, c1 = np.where(cols)[0][[0, -1]]
    crop = px[r0:r1 + 1, c0:c1 + 1]
    out = resize(crop, (height, width), order=1, anti_aliasing=True, preserve_range=True).astype(np.float32)
    inside = crop[mask[r0:r1 + 1, c0:c1 + 1]]
    lo, hi = np.percentile(inside, [1, 99])
    return np.clip((out - lo) / max(hi - lo, 1e-6), 0, 1)


def lung_mask(volume_hu, upper_hu):
    air = volume_hu < upper_hu
    labels, n = ndimage.label(air)
    border = np.unique(np.concatenate([labels[0].ravel(), labels[-1].ravel(), labels[:, 0].ravel(),
                                       labels[:, -1].ravel(), labels[:, :, 0].ravel(), labels[:, :, -1].ravel()]))
    air[np.isin(labels, border)] = False
    labels, n = ndimage.label(air)
    if n > 2:
        sizes = ndimage.sum(air, labels, range(1, n + 1))
        keep = np.argsort(sizes)[-2:] + 1
        air = np.isin(labels, keep)
    air = ndimage.binary_closing(air, iterations=2)
    for z in range(air.shape[0]):
        air[z] = ndimage.binary_fill_holes(air[z])
    return air


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mammo", action="append", default=[], help="name=path of a mammogram")
    ap.add_argument("--ct-series", help="folder of CT slices")
    ap.add_argument("--auc-scores", help=".npy with labels in row 0 and scores in row 1")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--height", type=int, default=256)
    ap.add_argument("--width", type=int, default=208)
    ap.add_argument("--lung-upper-hu", type=float, default=-400.0)
    args = ap.parse_args()
    result = {}
    for spec in args.mammo:
        name, path = spec.split("=", 1)
        result[f"decode_mammo_{name}"] = timed(lambda: pydicom.dcmread(path).pixel_array, args.repeats)[0]
        result[f"mammo_preprocess_{name}"] = timed(lambda: mammo_preprocess(path, args.height, args.width), args.repeats)[0]
    if args.ct_series:
        import glob
        import os
        files = sorted(glob.glob(os.path.join(args.ct_series, "*.dcm")))
        slices = sorted((pydicom.dcmread(f) for f in files), key=lambda d: float(d.ImagePositionPatient[2]))
        volume = np.stack([s.pixel_array.astype(np.float32) * float(s.RescaleSlope) + float(s.RescaleIntercept)
                           for s in slices])
        result["lung_mask"] = timed(lambda: lung_mask(volume, args.lung_upper_hu), args.repeats)[0]
        result["lung_mask_slices"] = int(volume.shape[0])
    if args.auc_scores:
        data = np.load(args.auc_scores)
        labels, scores = data[0], data[1]
        result["roc_auc_1e6"] = timed(lambda: roc_auc_score(labels, scores), args.repeats)[0]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
