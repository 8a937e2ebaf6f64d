package org.dicomguard.contract;

import java.util.List;
import java.util.Optional;

/** Small valid results for the contract tests, built in code. */
final class Fixtures {

    static final String MODEL_SHA256 = "9b74c9897bac770ffc029102a200c5de9b74c9897bac770ffc029102a200c5de";
    static final String FINGERPRINT = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    private Fixtures() {
    }

    /** Two pathologies, rule max: mass 0.0731 (negative), calcification 0.41 (positive). */
    static Prediction prediction() {
        return new Prediction("1.2.3", "demo-mammography-1", MODEL_SHA256,
                List.of(PathologyFinding.of("mass", 0.0731f, 0.31f), PathologyFinding.of("calcification", 0.41f, 0.25f)),
                new AnyPathology(AnyPathologyRule.MAX, 0.41f, true),
                new OodAssessment(3.2, 7.9), new Provenance("0.1.0", FINGERPRINT));
    }

    static Rejected rejected() {
        return new Rejected(Optional.of("1.2.3"), "demo-mammography-1", List.of(new RejectionReason("OOD_STATISTICS",
                "input statistics are out of distribution",
                List.of(Evidence.of("mahalanobisDistance", 12.5, 7.9), Evidence.of("pixelSpacingMm", 0.9, 0.2, "mm"),
                        Evidence.measured("meanIntensity", 0.93)))));
    }

    static Failed failedUnknownUid() {
        return new Failed(Optional.empty(), "demo-mammography-1", "UNREADABLE_FILE", "not a DICOM file");
    }

    static String predictionJson() {
        return ContractJson.write(prediction());
    }
}
