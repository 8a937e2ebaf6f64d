#!/usr/bin/env python3
"""Reference metrics of a bundle: per-pathology AUC with DeLong 95% CI, computed by `dicom-guard
metrics` (the library's own DeLong) from `score` output and a pack's labels.csv.

Usage: reference_metrics.py JAR SCORE_JSONL LABELS_CSV OUT_METRICS_JSON
Writes {"pathologies":[{"code","n","positives","auc","auc95Low","auc95High"}]} as make-bundle reads it.
"""
import csv
import json
import subprocess
import sys
import tempfile

jar, score_file, labels_file, out_file = sys.argv[1:5]
labels = {}
with open(labels_file) as f:
    reader = csv.DictReader(f)
    codes = [c for c in reader.fieldnames if c != "studyInstanceUid"]
    for row in reader:
        labels[row["studyInstanceUid"]] = row
probabilities = {}
for line in open(score_file):
    result = json.loads(line)
    if result["status"] == "prediction":
        probabilities[result["studyInstanceUid"]] = {p["code"]: p["probability"] for p in result["pathologies"]}
out = []
for code in codes:
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as tmp:
        tmp.write("label,score\n")
        for uid, probs in probabilities.items():
            if uid in labels:
                tmp.write(f"{labels[uid][code]},{probs[code]!r}\n")
    metrics = json.loads(subprocess.run(["java", "-jar", jar, "metrics", "--csv", tmp.name], check=True,
                                        capture_output=True, text=True).stdout)
    out.append({"code": code, **metrics})
json.dump({"pathologies": out}, open(out_file, "w"), indent=2)
print(json.dumps(out))
