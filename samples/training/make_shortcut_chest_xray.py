#!/usr/bin/env python3
"""Builds the shortcut-model test fixture for the occlusion test (README "Where the model looks").

The model has the demo chest radiograph bundle's interface (input "image" [N, 1, H, W], output
"probabilities" [N, 5] in [0, 1]) but reads only the four corner blocks of its input, CORNER x
CORNER pixels each: the neck and shoulders above the lung apices and the abdomen below the
diaphragm, never the lungs, the mediastinum or the pleura. Each output is a sigmoid of a fixed
weighted sum of the four corner means (constructed, not trained: the fixture's point is where it
looks, not how well it scores). ShortcutModelEvaluateTest bundles it with the demo bundle's
manifest and profile (BundleWriter re-stamps the behaviour fingerprint) and checks that
`evaluate` fails it with EVIDENCE_OUTSIDE_ORGAN while the demo bundle passes.

    /usr/bin/python3 samples/training/make_shortcut_chest_xray.py \
        --out samples/src/test/resources/shortcut/shortcut-chest-xray.onnx

The grid (model.inputShape) and the preprocessing fingerprint (written into the ONNX metadata,
key dicomguard.preprocessingFingerprint, as train_demo_model.py does) are read from the demo
bundle's manifest: rerun this command whenever that bundle is rebuilt.
Needs python3-torch and python3-onnx; deterministic (no random numbers).
"""
import argparse
import json

import onnx
import torch

FINGERPRINT_KEY = "dicomguard.preprocessingFingerprint"


class CornerShortcut(torch.nn.Module):
    def __init__(self, corner):
        super().__init__()
        self.corner = corner
        # Rows: the five outputs; columns: top-left, top-right, bottom-left, bottom-right corner means.
        self.weight = torch.nn.Parameter(torch.tensor([
            [12.0, -6.0, 4.0, -3.0],
            [-5.0, 10.0, -4.0, 6.0],
            [3.0, 3.0, 12.0, -8.0],
            [-8.0, 4.0, -2.0, 12.0],
            [6.0, 6.0, -6.0, 6.0]]), requires_grad=False)
        # Corner means sit near 0.9 on the demo packs: centre them there so outputs spread over (0, 1).
        self.centre = 0.9

    def forward(self, image):
        k = self.corner
        corners = torch.stack([
            image[:, 0, :k, :k].mean(dim=(1, 2)),
            image[:, 0, :k, -k:].mean(dim=(1, 2)),
            image[:, 0, -k:, :k].mean(dim=(1, 2)),
            image[:, 0, -k:, -k:].mean(dim=(1, 2))], dim=1)
        return torch.sigmoid((corners - self.centre) @ self.weight.t())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--manifest", default="samples/bundles/demo-chest-xray/manifest.json")
    parser.add_argument("--corner", type=int, default=5, help="corner block side, pixels")
    args = parser.parse_args()
    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    _, channels, height, width = manifest["model"]["inputShape"]
    model = CornerShortcut(args.corner).eval()
    example = torch.zeros(1, channels, height, width)
    torch.onnx.export(model, example, args.out, input_names=[manifest["model"]["inputName"]],
                      output_names=[manifest["model"]["outputName"]],
                      dynamic_axes={manifest["model"]["inputName"]: {0: "batch"},
                                    manifest["model"]["outputName"]: {0: "batch"}}, opset_version=17)
    stamped = onnx.load(args.out)
    del stamped.metadata_props[:]
    entry = stamped.metadata_props.add()
    entry.key = FINGERPRINT_KEY
    entry.value = manifest["preprocessingFingerprint"]
    onnx.save(stamped, args.out)


if __name__ == "__main__":
    main()
