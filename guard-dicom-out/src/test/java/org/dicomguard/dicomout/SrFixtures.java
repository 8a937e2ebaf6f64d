package org.dicomguard.dicomout;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.Evidence;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Results and source headers built in code for the SR and SC tests. */
final class SrFixtures {
    static final String STUDY_UID = "1.2.826.0.1.3680043.10.543.1";
    static final String MODEL_SHA = "d31f4e7d92a09d56de7dae48a6ddf7afb2e519f0033959c4efc89b7745cf2f17";
    static final String FINGERPRINT = "57b857c7f16a399ff74163a5a0ac667f3c05e44044b442d7b8c364b40fc6b390";
    static final String MG_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.1.2";

    static final ReportVocabulary MAMMOGRAPHY = new ReportVocabulary(Map.of(
            "mass", new CodedConcept("SCT", "129788004", "Mammographic breast mass"),
            "calcification", new CodedConcept("SCT", "309587003", "Calcification of breast")),
            new CodedConcept("99DCMGUARD", "any-pathology", "Any pathology (aggregate)"), new org.dicomguard.core.task.mammography.MammographyTask().procedureReported(), MODEL_SHA);

    private SrFixtures() {
    }

    static Prediction prediction(float mass, float calcification) {
        List<PathologyFinding> findings = List.of(PathologyFinding.of("mass", mass, 0.5f),
                PathologyFinding.of("calcification", calcification, 0.31f));
        return new Prediction(STUDY_UID, "demo-mammography-1", MODEL_SHA, findings,
                AnyPathology.derivedFrom(AnyPathologyRule.MAX, findings), new OodAssessment(3.2, 7.9),
                new Provenance("0.1.0-test", FINGERPRINT));
    }

    static Rejected rejected() {
        return new Rejected(Optional.of(STUDY_UID), "demo-mammography-1", List.of(
                new RejectionReason("OOD_STATISTICS", "input statistics out of distribution: distance 12.5 ≥ 7.9",
                        List.of(Evidence.of("mahalanobisDistance", 12.5, 7.9))),
                new RejectionReason("MODALITY_NOT_ALLOWED", "modality CT is not MG", List.of())));
    }

    static Failed failed() {
        return new Failed(Optional.empty(), "demo-mammography-1", "UNREADABLE_FILE", "not a DICOM Part-10 file");
    }

    /**
     * @param characterSet SpecificCharacterSet of the source, or null for none
     * @param patientName  the patient's name in that character set
     * @param count        number of images (one series)
     */
    static List<Attributes> mammographyHeaders(String characterSet, String patientName, int count) {
        List<Attributes> headers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AttributesBuilder b = Attributes.builder();
            if (characterSet != null) {
                b.putString(Tag.SpecificCharacterSet, VR.CS, characterSet);
            }
            headers.add(b.putString(Tag.SOPClassUID, VR.UI, MG_SOP_CLASS)
                    .putString(Tag.SOPInstanceUID, VR.UI, STUDY_UID + ".2." + (i + 1))
                    .putString(Tag.StudyInstanceUID, VR.UI, STUDY_UID)
                    .putString(Tag.SeriesInstanceUID, VR.UI, STUDY_UID + ".1")
                    .putString(Tag.PatientName, VR.PN, patientName)
                    .putString(Tag.PatientID, VR.LO, "PID-0042")
                    .putString(Tag.PatientBirthDate, VR.DA, "19600102")
                    .putString(Tag.PatientSex, VR.CS, "F")
                    .putString(Tag.StudyDate, VR.DA, "20260101")
                    .putString(Tag.StudyTime, VR.TM, "101500")
                    .putString(Tag.AccessionNumber, VR.SH, "ACC-77")
                    .putString(Tag.StudyID, VR.SH, "S1")
                    .putString(Tag.StudyDescription, VR.LO, "Mammographie beidseits")
                    .putString(Tag.Modality, VR.CS, "MG")
                    .build());
        }
        return headers;
    }
}
