#!/usr/bin/env python3
"""Train a demo model of any task on tensors exported by DICOM Guard's own preprocessing.

The tensors come from `dicom-guard export-tensors` (the library's preprocessing, the same code
path the Pipeline runs), so this script never re-implements preprocessing. It trains a small
CNN with one sigmoid output per pathology and exports ONNX with the preprocessing fingerprint
in the model metadata (key dicomguard.preprocessingFingerprint), which the bundle loader checks.
One script for every task: the task picks the network, the flips and the defaults (TASKS below).

Usage (the exact commands for the committed demo bundles are in build_demo_bundles.sh):
  /usr/bin/python3 train_demo_model.py --task TASK --tensors DIR [DIR...] --out model.onnx [--epochs N] [--seed S]

Each DIR holds tensors.npy (float32, N x C x H x W for 2D tasks or N x 1 x D x H x W for chest CT),
tensors.json (sidecar: preprocessingFingerprint, studyInstanceUids) and labels.csv
(studyInstanceUid,<code>,...). Several DIRs (e.g. a small-size and a clinical-size export of the
same preprocessing) are concatenated; their fingerprints and label columns must agree.
"""
import argparse
import csv
import json
import os
import random

import numpy as np
import torch
import torch.nn as nn

FINGERPRINT_KEY = "dicomguard.preprocessingFingerprint"


def load(dir_):
    x = np.load(os.path.join(dir_, "tensors.npy"))
    with open(os.path.join(dir_, "tensors.json")) as f:
        side = json.load(f)
    uids = side["studyInstanceUids"]
    labels = {}
    with open(os.path.join(dir_, "labels.csv")) as f:
        reader = csv.DictReader(f)
        codes = [c for c in reader.fieldnames if c != "studyInstanceUid"]
        for row in reader:
            labels[row["studyInstanceUid"]] = [float(row[c]) for c in codes]
    side["pathologies"] = codes
    y = np.array([labels[u] for u in uids], dtype=np.float32)
    return x.astype(np.float32), y, side


class Net2d(nn.Module):
    def __init__(self, channels, outputs):
        super().__init__()
        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
        # The 2x average pool first: lesions are sized to be visible at half the model input resolution.
        self.features = nn.Sequential(nn.AvgPool2d(2), block(channels, 16), block(16, 32), block(32, 48), block(48, 64))
        self.head = nn.Sequential(nn.AdaptiveMaxPool2d(1), nn.Flatten(), nn.Dropout(0.2), nn.Linear(64, outputs))

    def forward(self, x):
        return torch.sigmoid(self.head(self.features(x)))


class ChestXrayNet(nn.Module):
    """Chest radiograph: full resolution at the first layer (nodules are a few pixels across at the
    model grid), max pooling for small findings (nodule) and mean pooling for large ones (heart size,
    effusion)."""

    def __init__(self, outputs, width=1):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
        c = [int(round(k * width)) for k in (12, 20, 32, 48)]
        self.features = nn.Sequential(block(1, c[0]), block(c[0], c[1]), block(c[1], c[2]), block(c[2], c[3]))
        self.max = nn.AdaptiveMaxPool2d(1)
        self.mean = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.2), nn.Linear(2 * c[3], outputs))

    def forward(self, x):
        f = self.features(x)
        return torch.sigmoid(self.head(torch.cat([self.max(f), self.mean(f)], dim=1)))


class Net3d(nn.Module):
    def __init__(self, outputs):
        super().__init__()
        def block(i, o):
            return nn.Sequential(nn.Conv3d(i, o, 3, padding=1), nn.BatchNorm3d(o), nn.ReLU(), nn.MaxPool3d(2))
        # Full grid resolution and a max+mean pooled head: 12-20 mm nodules reached only AUC 0.59-0.65
        # when the volume was pooled 2x before the first convolution.
        self.features = nn.Sequential(block(1, 8), block(8, 16), block(16, 32))
        self.max = nn.AdaptiveMaxPool3d(1)
        self.mean = nn.AdaptiveAvgPool3d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.2), nn.Linear(64, outputs))

    def forward(self, x):
        f = self.features(x)
        return torch.sigmoid(self.head(torch.cat([self.max(f), self.mean(f)], dim=1)))


# Per task: network, flip axis of the augmentation (None: no flip), batch size and learning rate.
# Mammography flips vertically (lesions may sit anywhere along the chest wall); chest radiographs
# horizontally (left and right lungs are alike; apex and base, where effusion and pneumothorax sit,
# are not); chest CT is not flipped.
TASKS = {
    "mammography": dict(net=lambda x, n: Net2d(x.shape[1], n), flip=2, batch=16, lr=2e-3),
    "chest-ct": dict(net=lambda x, n: Net3d(n), flip=None, batch=16, lr=2e-3),
    "chest-xray": dict(net=lambda x, n: ChestXrayNet(n), flip=3, batch=32, lr=3e-3),
}


def load_all(dirs):
    parts = [load(d) for d in dirs]
    side = parts[0][2]
    for _, _, other in parts[1:]:
        if other["preprocessingFingerprint"] != side["preprocessingFingerprint"]:
            raise SystemExit("tensor folders were exported with different preprocessing fingerprints")
        if other["pathologies"] != side["pathologies"]:
            raise SystemExit("tensor folders have different label columns")
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]), side


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--task", required=True, choices=sorted(TASKS))
    ap.add_argument("--tensors", required=True, nargs="+")
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lr", type=float, help="learning rate (default: the task's)")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    task = TASKS[args.task]

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    x, y, side = load_all(args.tensors)
    n = x.shape[0]
    net = task["net"](x, y.shape[1])
    lr = args.lr if args.lr is not None else task["lr"]
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    loss_fn = nn.BCELoss()
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(y)
    batch = task["batch"]
    print(f"{args.task}: {n} studies from {len(args.tensors)} folder(s), input {tuple(x.shape[1:])}", flush=True)
    for epoch in range(args.epochs):
        net.train()
        perm = torch.randperm(n)
        total = 0.0
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            xb = xt[idx]
            if task["flip"] is not None and random.random() < 0.5:
                xb = torch.flip(xb, dims=[task["flip"]])
            opt.zero_grad()
            loss = loss_fn(net(xb), yt[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        sched.step()
        print(f"epoch {epoch + 1}/{args.epochs} loss {total / n:.4f}", flush=True)

    export(net, xt[:1], args.out, side)


def export(net, example, out, side):
    """Writes ONNX with the preprocessing fingerprint in its metadata."""
    net.eval()
    torch.onnx.export(net, example, out, input_names=["image"], output_names=["probabilities"],
                      dynamic_axes={"image": {0: "batch"}, "probabilities": {0: "batch"}}, opset_version=17)
    import onnx
    model = onnx.load(out)
    del model.metadata_props[:]
    entry = model.metadata_props.add()
    entry.key = FINGERPRINT_KEY
    entry.value = side["preprocessingFingerprint"]
    onnx.checker.check_model(model)
    onnx.save(model, out)
    print(f"wrote {out} ({os.path.getsize(out)} bytes), outputs {side['pathologies']}, "
          f"fingerprint {side['preprocessingFingerprint']}")


if __name__ == "__main__":
    main()
