package org.dicomguard.contract;

import java.util.List;
import java.util.Optional;

/** Small valid results for the contract tests, built in code. */
final class Fixtures {

    static final String MODEL_SHA256 = "9b74c9897bac770ffc029102a200c5de9b74c9897bac770ffc029102a200c5de";
    static final String FINGERPRINT = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";
    static final String BEHAVIOUR = "a3c1f0e2b4d6a8c0e2f4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8";
    /** Every contract 1.2 field set; the training pack is one the bundle did not record. */
    static final Provenance PROVENANCE = new Provenance("0.1.0", FINGERPRINT, BEHAVIOUR, Provenance.UNKNOWN,
            "1.29.0", "17.0.13+11", "Linux 6.1.0", "amd64");
    /** The provenance fields contract 1.2 added, as written for {@link #PROVENANCE}. */
    static final String PROVENANCE_1_2_JSON = ",\"behaviourFingerprint\":\"" + BEHAVIOUR + "\",\"trainingPackFingerprint\":"
            + "\"unknown\",\"onnxRuntimeVersion\":\"1.29.0\",\"javaVersion\":\"17.0.13+11\","
            + "\"operatingSystem\":\"Linux 6.1.0\",\"cpuArchitecture\":\"amd64\"";

    private Fixtures() {
    }

    /** Two pathologies, rule max: mass 0.0731 (negative), calcification 0.41 (positive). */
    static Prediction prediction() {
        return new Prediction("1.2.3", "demo-mammography-1", MODEL_SHA256,
                List.of(PathologyFinding.of("mass", 0.0731f, 0.31f), PathologyFinding.of("calcification", 0.41f, 0.25f)),
                new AnyPathology(AnyPathologyRule.MAX, 0.41f, true),
                new OodAssessment(3.2, 7.9), PROVENANCE);
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
