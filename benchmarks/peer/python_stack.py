#!/usr/bin/env python3
"""The Python stack a team would otherwise use, timed on the same work as the Java side.

Run by benchmarks/peer/compare.sh (see benchmarks/README.md); prints one JSON object with the
median seconds of each task and check values (pixel sums, mask sizes, AUC) that compare.sh sets
beside the Java side's to show that both did the same work. Tasks mirror DICOM Guard's steps
(guard-core MammographyPreprocessor and LungMaskSegmenter, default configs) with the usual
libraries (pydicom, numpy, scipy.ndimage, scikit-image, scikit-learn):
  decode_mammo_<syntax>: pydicom read + pixel_array (forces decode)
  mammo_preprocess_<syntax>: decode + presentation values (MONOCHROME1 inversion) + fixed-fraction
      threshold (p01 + 0.15 * (p99 - p01) of the histogram) + largest 4-connected component + hole
      filling + chest wall side by mask area + crop to bounding box plus 2 % margin + normalization
      by the 1st / 99.9th percentile inside the mask (outside 0) + resize to 256 x 208 (H x W) +
      mirror so the chest wall is on the left. Resize is skimage's anti-aliased bilinear; Java
      averages areas exactly, so tensors agree in shape and range, not bit for bit.
  lung_mask: air < -400 HU, minus air 6-connected to the in-plane faces, minus < -1100 HU; the two
      largest 6-connected components of >= 20 ml; in their bounding box: per-slice hole filling,
      opening by a 6 mm box (erode, two largest cores, dilate, AND), closing by a 3 mm box,
      per-slice hole filling. Box morphology is done per axis (separable), as the Java side does.
  roc_auc_1e6: sklearn.metrics.roc_auc_score on 10^6 scores (AUC only, no confidence interval).
"""
import argparse
import glob
import json
import os
import statistics
import sys
import time

import numpy as np
import pydicom
from scipy import ndimage
from skimage.transform import resize
from sklearn.metrics import roc_auc_score


def timed(fn, repeats, warmups=1):
    for _ in range(warmups):
        fn()
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def hist_percentile(hist, p):
    """Smallest value whose cumulative count reaches p% of the total (guard-core HistogramMath)."""
    total = hist.sum()
    target = max(1.0, p / 100.0 * total)
    return int(np.searchsorted(np.cumsum(hist), target))


def mammo_preprocess(path, height=256, width=208, fraction=0.15, margin=0.02, low_p=1.0, high_p=99.9):
    ds = pydicom.dcmread(path)
    stored = ds.pixel_array
    bits = int(ds.BitsStored)
    max_value = (1 << bits) - 1
    pres = stored.astype(np.int32) & max_value
    invert = (ds.PhotometricInterpretation == "MONOCHROME1") != (float(getattr(ds, "RescaleSlope", 1.0)) < 0)
    if invert:
        pres = max_value - pres
    hist = np.bincount(pres.ravel(), minlength=max_value + 1)
    p01 = hist_percentile(hist, 1)
    p99 = hist_percentile(hist, 99)
    threshold = p01 + int(np.floor(fraction * (p99 - p01)))
    mask = pres > threshold
    labels, n = ndimage.label(mask)
    if n > 1:
        sizes = np.bincount(labels.ravel())
        sizes[0] = 0
        mask = labels == int(np.argmax(sizes))
    mask = ndimage.binary_fill_holes(mask)
    area = int(mask.sum())
    tensor = np.zeros((height, width), np.float32)
    flip = False
    if area > 0:
        left = int(mask[:, : mask.shape[1] // 2].sum())
        right = area - left
        chest_wall_right = (getattr(ds, "ImageLaterality", "") == "R") if right == left else right > left
        flip = chest_wall_right  # canonical chest wall side is LEFT
        rows = np.flatnonzero(mask.any(axis=1))
        cols = np.flatnonzero(mask.any(axis=0))
        r0, r1, c0, c1 = rows[0], rows[-1], cols[0], cols[-1]
        mr = int(round(margin * (r1 - r0 + 1)))
        mc = int(round(margin * (c1 - c0 + 1)))
        r0, r1 = max(0, r0 - mr), min(mask.shape[0], r1 + 1 + mr)
        c0, c1 = max(0, c0 - mc), min(mask.shape[1], c1 + 1 + mc)
        inside_hist = np.bincount(pres[mask], minlength=max_value + 1)
        low = hist_percentile(inside_hist, low_p)
        high = hist_percentile(inside_hist, high_p)
        span = max(1, high - low)
        crop = pres[r0:r1, c0:c1]
        crop_mask = mask[r0:r1, c0:c1]
        norm = np.clip((crop - low) / np.float32(span), 0, 1).astype(np.float32)
        norm[~crop_mask] = 0
        tensor = np.clip(resize(norm, (height, width), order=1, anti_aliasing=True), 0, 1).astype(np.float32)
        if flip:
            tensor = tensor[:, ::-1]
    return tensor, mask, flip


def box_morph(mask, rz, ry, rx, erode):
    op = ndimage.binary_erosion if erode else ndimage.binary_dilation
    out = mask
    for axis, r in ((2, rx), (1, ry), (0, rz)):
        if r > 0:
            shape = [1, 1, 1]
            shape[axis] = 2 * r + 1
            out = op(out, structure=np.ones(shape, bool), border_value=0)
    return out


def largest_labels(mask, min_voxels, keep=2):
    labels, n = ndimage.label(mask)
    if n == 0:
        return labels, []
    sizes = np.bincount(labels.ravel())
    sizes[0] = 0
    order = np.argsort(sizes)[::-1][:keep]
    return labels, [int(k) for k in order if sizes[k] >= min_voxels]


def fill_per_slice(mask):
    for z in range(mask.shape[0]):
        mask[z] = ndimage.binary_fill_holes(mask[z])
    return mask


def lung_mask(hu, spacing, upper=-400, lower=-1100, min_ml=20.0, open_mm=6.0, close_mm=3.0):
    sz, sy, sx = spacing
    air = hu < upper
    labels, _ = ndimage.label(air)
    border = np.unique(np.concatenate([labels[:, 0, :].ravel(), labels[:, -1, :].ravel(),
                                       labels[:, :, 0].ravel(), labels[:, :, -1].ravel()]))
    border = border[border != 0]
    air &= ~np.isin(labels, border)
    air &= hu >= lower
    min_voxels = max(1, int(np.ceil(min_ml / (sz * sy * sx / 1000.0))))
    labels, seeds = largest_labels(air, min_voxels)
    if not seeds:
        return np.zeros(hu.shape, bool)
    kept = np.isin(labels, seeds)
    oz, oy, ox = (int(round(open_mm / s)) for s in spacing)
    cz, cy, cx = (int(round(close_mm / s)) for s in spacing)
    box = ndimage.find_objects(kept.astype(np.int8))[0]
    pads = (oz + cz + 1, oy + cy + 1, ox + cx + 1)
    box = tuple(slice(max(0, b.start - p), min(n, b.stop + p)) for b, p, n in zip(box, pads, hu.shape))
    sub = fill_per_slice(kept[box].copy())
    if oz + oy + ox > 0:
        cores = box_morph(sub, oz, oy, ox, erode=True)
        core_labels, core_seeds = largest_labels(cores, min_voxels)
        if core_seeds:
            restored = box_morph(np.isin(core_labels, core_seeds), oz, oy, ox, erode=False)
            sub &= restored
    if cz + cy + cx > 0:
        sub = box_morph(box_morph(sub, cz, cy, cx, erode=False), cz, cy, cx, erode=True)
    sub = fill_per_slice(sub)
    out = np.zeros(hu.shape, bool)
    out[box] = sub
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixtures", required=True, help="folder written by BenchmarkFixtures")
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    result = {}
    for syntax in ("explicit", "rle", "jpegLossless"):
        path = os.path.join(args.fixtures, f"mammo-{syntax}.dcm")
        if not os.path.exists(path):
            continue
        try:
            pixels = pydicom.dcmread(path).pixel_array
        except Exception as e:  # pydicom without GDCM / pylibjpeg cannot decode JPEG Lossless
            result[f"skipped_mammo_{syntax}"] = str(e).splitlines()[0][:160]
            continue
        result[f"decode_mammo_{syntax}"] = timed(lambda: pydicom.dcmread(path).pixel_array, args.repeats)
        result[f"mammo_preprocess_{syntax}"] = timed(lambda: mammo_preprocess(path), args.repeats)
        tensor, mask, flip = mammo_preprocess(path)
        result[f"check_pixel_sum_mammo_{syntax}"] = int(pixels.astype(np.int64).sum())
        result[f"check_mask_pixels_mammo_{syntax}"] = int(mask.sum())
        result[f"check_tensor_mean_mammo_{syntax}"] = float(tensor.mean())
        result[f"check_flipped_mammo_{syntax}"] = bool(flip)
    series = os.path.join(args.fixtures, "ct-series-128")
    if os.path.isdir(series):
        slices = [pydicom.dcmread(f) for f in sorted(glob.glob(os.path.join(series, "*.dcm")))]
        normal = np.cross(np.array(slices[0].ImageOrientationPatient[:3], float),
                          np.array(slices[0].ImageOrientationPatient[3:], float))
        slices.sort(key=lambda d: float(np.dot(normal, np.array(d.ImagePositionPatient, float))))
        volume = np.stack([s.pixel_array.astype(np.float32) * float(s.RescaleSlope) + float(s.RescaleIntercept)
                           for s in slices]).astype(np.int16)
        positions = [float(np.dot(normal, np.array(s.ImagePositionPatient, float))) for s in slices]
        spacing = (float(np.median(np.diff(positions))), float(slices[0].PixelSpacing[0]),
                   float(slices[0].PixelSpacing[1]))
        result["lung_mask"] = timed(lambda: lung_mask(volume, spacing), args.repeats)
        result["lung_mask_slices"] = int(volume.shape[0])
        result["check_lung_voxels"] = int(lung_mask(volume, spacing).sum())
    auc_file = os.path.join(args.fixtures, "auc-1000000.bin")
    if os.path.exists(auc_file):
        raw = np.fromfile(auc_file, dtype=np.uint8)
        n = int(raw[:4].view("<i4")[0])
        labels = raw[4:4 + n].astype(bool)
        scores = raw[4 + n:4 + 9 * n].view("<f8")
        result["roc_auc_1e6"] = timed(lambda: roc_auc_score(labels, scores), args.repeats)
        result["check_auc_1e6"] = float(roc_auc_score(labels, scores))
    print(json.dumps(result))


if __name__ == "__main__":
    sys.exit(main())
