package org.dicomguard.contract.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.Evidence;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.contract.ResultCode;

/**
 * The crafted results the kit sends through an adapter.
 *
 * <p>Design note: within one result every probability is distinct, and no rounding (0 to 6
 * decimals, percent or not), rescaling or inversion of one pathology's value equals another
 * pathology's value or a non-max aggregate (a unit test proves it). So a changed value read back
 * identifies what the adapter did with certainty. Codes are not in alphabetical order, so an
 * adapter that sorts a header but not the values is caught; values like 0.004 and 0.995 are where
 * integer percent hurts most (0 and 100).
 */
final class KitCorpus {

    static final String BUNDLE_CHEST = "kit-chest-ct-1";
    static final String BUNDLE_MAMMO = "kit-mammography-1";
    private static final String MODEL_SHA256 = "3f1a9c0e5b7d2468ace13579bdf02468ace13579bdf02468ace13579bdf0246a";
    private static final Provenance PROVENANCE = new Provenance("0.1.0-kit",
            "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
    private static final OodAssessment OOD = new OodAssessment(3.2, 7.9);
    private static final String[] CHEST_CODES = {"nodule", "emphysema", "effusion", "consolidation", "pneumothorax",
            "fibrosis", "mass", "cardiomegaly"};
    private static final String[] MAMMO_CODES = {"mass", "calcification", "asymmetry", "architecturalDistortion"};

    private KitCorpus() {
    }

    static Map<String, GuardResult> results() {
        Map<String, GuardResult> results = new LinkedHashMap<>();
        results.put("chest-eight-max", prediction("1.2.826.0.1.3680043.10.1001", BUNDLE_CHEST, CHEST_CODES,
                new float[] {0.0731f, 0.004f, 0.995f, 0.2849f, 0.1234567f, 0.6180339f, 0.41729f, 0.87654f},
                new float[] {0.31f, 0.05f, 0.5f, 0.4f, 0.2f, 0.6f, 0.35f, 0.9f}, AnyPathologyRule.MAX, 0f));
        results.put("chest-eight-noisyOr", prediction("1.2.826.0.1.3680043.10.1002", BUNDLE_CHEST, CHEST_CODES,
                new float[] {0.0012f, 0.0456f, 0.0099f, 0.3141593f, 0.2718282f, 0.0505f, 0.1618034f, 0.0808f},
                new float[] {0.31f, 0.05f, 0.5f, 0.4f, 0.2f, 0.6f, 0.35f, 0.9f}, AnyPathologyRule.NOISY_OR, 0f));
        results.put("mammography-four-modelOutput", prediction("1.2.826.0.1.3680043.10.1003", BUNDLE_MAMMO,
                MAMMO_CODES, new float[] {0.995f, 0.004f, 0.5557f, 0.0731f},
                new float[] {0.31f, 0.12f, 0.6f, 0.25f}, AnyPathologyRule.MODEL_OUTPUT, 0.9713f));
        results.put("mammography-full-precision-max", prediction("1.2.826.0.1.3680043.10.1004", BUNDLE_MAMMO,
                MAMMO_CODES, new float[] {1.0E-5f, 0.99997f, 1f / 3f, 0.000123f},
                new float[] {0.31f, 0.12f, 0.6f, 0.25f}, AnyPathologyRule.MAX, 0f));
        results.put("chest-single-zero", prediction("1.2.826.0.1.3680043.10.1005", BUNDLE_CHEST,
                new String[] {"nodule"}, new float[] {0f}, new float[] {0.5f}, AnyPathologyRule.MAX, 0f));
        results.put("rejected-ood", new Rejected(Optional.of("1.2.826.0.1.3680043.10.1006"), BUNDLE_MAMMO,
                List.of(new RejectionReason("OOD_STATISTICS",
                        "input statistics are out of distribution: Mahalanobis distance 12.5 above threshold 7.9",
                        List.of(Evidence.of("mahalanobisDistance", 12.5, 7.9),
                                Evidence.measured("meanIntensity", 0.93),
                                Evidence.measured("breastAreaFraction", 0.02))))));
        results.put("rejected-header-unknown-uid", new Rejected(Optional.empty(), BUNDLE_CHEST,
                List.of(new RejectionReason("MODALITY_NOT_ALLOWED", "modality MR is not CT", List.of()),
                        new RejectionReason(ResultCode.PIXEL_SPACING_OUT_OF_RANGE.code(), "pixel spacing 0.9 mm above 0.2 mm",
                                List.of(Evidence.of("pixelSpacingMm", 0.9, 0.2, "mm"))))));
        results.put("failed-model-output", new Failed(Optional.of("1.2.826.0.1.3680043.10.1008"), BUNDLE_CHEST,
                "MODEL_OUTPUT_NOT_FINITE", "model output 3 is NaN"));
        results.put("failed-unreadable-unknown-uid", new Failed(Optional.empty(), BUNDLE_MAMMO,
                "UNREADABLE_FILE", "not a DICOM Part-10 file: preamble missing"));
        return Collections.unmodifiableMap(results);
    }

    private static Prediction prediction(String uid, String bundleId, String[] codes, float[] probabilities,
                                         float[] thresholds, AnyPathologyRule rule, float modelOutput) {
        List<PathologyFinding> findings = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            findings.add(PathologyFinding.of(codes[i], probabilities[i], thresholds[i]));
        }
        AnyPathology aggregate = rule == AnyPathologyRule.MODEL_OUTPUT
                ? AnyPathology.modelOutput(modelOutput, findings)
                : AnyPathology.derivedFrom(rule, findings);
        return new Prediction(uid, bundleId, MODEL_SHA256, findings, aggregate, OOD, PROVENANCE);
    }
}
