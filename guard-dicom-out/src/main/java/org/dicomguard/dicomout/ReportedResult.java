package org.dicomguard.dicomout;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.bundle.CodedConcept;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A DICOM Guard SR as {@link StructuredReportReader} reads it back: what a PACS or a backend's
 * client would see. Immutable.
 *
 * @param status             analysed (prediction), rejected or failed
 * @param sopInstanceUid     the SR's own SOP Instance UID
 * @param studyInstanceUid   the study it is filed with
 * @param algorithmName      TID 4019 Algorithm Name (the bundle id)
 * @param algorithmVersion   TID 4019 Algorithm Version (the model's SHA-256)
 * @param pathologies        per-pathology groups in report order (empty unless a prediction)
 * @param anyPathology       the aggregate's own group (empty unless a prediction)
 * @param oodScore           the OOD score (empty unless a prediction)
 * @param oodThreshold       the OOD threshold (empty unless a prediction)
 * @param codes              rejection reason codes or the error code, in order
 * @param messages           the message of each code, in the same order
 * @param imageLibraryUids   SOP Instance UIDs in the Image Library
 * @param evidenceUids       SOP Instance UIDs in CurrentRequestedProcedureEvidenceSequence
 */
public record ReportedResult(GuardResult.Status status, String sopInstanceUid, String studyInstanceUid,
                             String algorithmName, String algorithmVersion, List<Measurement> pathologies,
                             Optional<Measurement> anyPathology, OptionalDouble oodScore, OptionalDouble oodThreshold,
                             List<String> codes, List<String> messages, List<String> imageLibraryUids,
                             List<String> evidenceUids) {

    /** Copies the lists. */
    public ReportedResult {
        Objects.requireNonNull(status, "status");
        pathologies = List.copyOf(pathologies);
        codes = List.copyOf(codes);
        messages = List.copyOf(messages);
        imageLibraryUids = List.copyOf(imageLibraryUids);
        evidenceUids = List.copyOf(evidenceUids);
    }

    /**
     * One measurement group with a probability.
     *
     * @param trackingIdentifier  the bundle's pathology code, or "anyPathology"
     * @param concept             the NUM's concept name
     * @param floatingPointValue  FloatingPointValue (FD) of the NUM
     * @param numericValue        NumericValue (DS) of the NUM, as written
     * @param unit                the NUM's unit
     * @param present             the Present/Absent CODE is Present
     * @param algorithmParameters TID 4019 Algorithm Parameters text
     */
    public record Measurement(String trackingIdentifier, CodedConcept concept, double floatingPointValue,
                              String numericValue, CodedConcept unit, boolean present, String algorithmParameters) {
        /** @return the FloatingPointValue narrowed to the contract's float */
        public float probability() {
            return (float) floatingPointValue;
        }
    }
}
