#!/usr/bin/env python3
"""Train the chest-xray demo model on tensors exported by DICOM Guard's own preprocessing.

Same inputs and ONNX output as train_demo_model.py (its load() and export() are reused), with a
lighter 2D CNN that keeps full resolution at the first layer (nodules are 2 to 6 pixels across at
the 64 x 64 model grid) and horizontal flips only (left and right lungs are alike; apex and base,
where effusion and pneumothorax sit, are not). Sized for a shared 2-core CPU: a few minutes.

Usage: /usr/bin/python3 train_chest_xray.py --tensors DIR --out model.onnx [--epochs N] [--seed S]
"""
import argparse
import os
import random
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_demo_model as common  # noqa: E402


class ChestNet(nn.Module):
    def __init__(self, outputs):
        super().__init__()

        def block(i, o):
            return nn.Sequential(nn.Conv2d(i, o, 3, padding=1), nn.BatchNorm2d(o), nn.ReLU(), nn.MaxPool2d(2))
        self.features = nn.Sequential(block(1, 12), block(12, 20), block(20, 32), block(32, 48))
        # Max pooling finds small findings (nodule), mean pooling large ones (heart size, effusion).
        self.max = nn.AdaptiveMaxPool2d(1)
        self.mean = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Sequential(nn.Flatten(), nn.Dropout(0.2), nn.Linear(96, outputs))

    def forward(self, x):
        f = self.features(x)
        return torch.sigmoid(self.head(torch.cat([self.max(f), self.mean(f)], dim=1)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tensors", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    x, y, side = common.load(args.tensors)
    n = x.shape[0]
    net = ChestNet(y.shape[1])
    opt = torch.optim.AdamW(net.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=args.epochs)
    loss_fn = nn.BCELoss()
    xt = torch.from_numpy(x)
    yt = torch.from_numpy(y)
    batch = 32
    for epoch in range(args.epochs):
        net.train()
        perm = torch.randperm(n)
        total = 0.0
        for i in range(0, n, batch):
            idx = perm[i:i + batch]
            xb = xt[idx]
            if random.random() < 0.5:
                xb = torch.flip(xb, dims=[3])
            opt.zero_grad()
            loss = loss_fn(net(xb), yt[idx])
            loss.backward()
            opt.step()
            total += loss.item() * len(idx)
        sched.step()
        print(f"epoch {epoch + 1}/{args.epochs} loss {total / n:.4f}", flush=True)
    common.export(net, xt[:1], args.out, side)


if __name__ == "__main__":
    main()
