package org.dicomguard.dicomout;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.LibraryVersion;
import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;

import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a DICOM Comprehensive SR (PS3.3 A.35.3) from one {@link GuardResult} and the headers
 * of the study's source images, following TID 1500 "Measurement Report" with TID 1501
 * measurement groups and TID 4019 "Algorithm Identification" (guard-dicom-out/README.md says why
 * not the IHE AIR profile and shows the tree).
 *
 * <p>Per pathology one measurement group: tracking identifier (the bundle's code), the finding
 * (the bundle's coded concept), a NUM whose FloatingPointValue is the contract's float widened to
 * double (so it reads back bit-identical) and whose NumericValue is the shortest decimal that
 * reads back to the same float, and a CODE Present/Absent by the decision threshold. The
 * aggregate has its own group with its own concept; the OOD score and threshold a third kind.
 * Rejected and Failed results get a report too, saying the study was not analysed, with each
 * stable code and message. Patient and study attributes are copied from the first header; every
 * header is referenced in the Image Library and in CurrentRequestedProcedureEvidenceSequence.
 *
 * <p>Immutable and thread-safe.
 */
public final class StructuredReportWriter {
    /** Comprehensive SR Storage. */
    public static final String COMPREHENSIVE_SR_SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.88.33";
    /** The series number of reports; a PACS shows it beside the image series. */
    public static final int SERIES_NUMBER = 9901;
    static final String MANUFACTURER = "DICOM Guard";
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private final ReportVocabulary vocabulary;
    private final Clock clock;

    /**
     * @param vocabulary the bundle's concepts and model hash
     * @param clock      gives ContentDate/Time and InstanceCreationDate/Time
     */
    public StructuredReportWriter(ReportVocabulary vocabulary, Clock clock) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param vocabulary the bundle's concepts and model hash; the system clock dates the report */
    public StructuredReportWriter(ReportVocabulary vocabulary) {
        this(vocabulary, Clock.systemDefaultZone());
    }

    /**
     * @param result        the result to report, not modified
     * @param sourceHeaders headers of the source images the result is about (may be empty when
     *                      none could be read), not modified
     * @return the SR data set, with new series and instance UIDs
     */
    public Attributes report(GuardResult result, List<Attributes> sourceHeaders) {
        Objects.requireNonNull(result, "result");
        SourceStudy study = SourceStudy.of(result.studyInstanceUidIfKnown(), List.copyOf(sourceHeaders));
        try {
            return build(result, study, study.characterSetTerm());
        } catch (IllegalArgumentException e) {
            if (!(e.getCause() instanceof CharacterCodingException) || study.characterSetTerm().equals(SourceStudy.UTF8_TERM)) {
                throw e;
            }
            // A message or meaning the source's character set cannot hold: UTF-8 holds everything.
            return build(result, study, SourceStudy.UTF8_TERM);
        }
    }

    /**
     * @param result        as {@link #report}
     * @param sourceHeaders as {@link #report}
     * @return the Part-10 file bytes
     */
    public byte[] toBytes(GuardResult result, List<Attributes> sourceHeaders) {
        return DicomWriter.toBytes(report(result, sourceHeaders));
    }

    private Attributes build(GuardResult result, SourceStudy study, String characterSetTerm) {
        AttributesBuilder b = Attributes.builder().putString(Tag.SpecificCharacterSet, VR.CS, characterSetTerm);
        SrItems items = new SrItems(b);
        ZonedDateTime now = ZonedDateTime.now(clock);
        String date = DA.format(now);
        String time = TM.format(now);
        b.putString(Tag.SOPClassUID, VR.UI, COMPREHENSIVE_SR_SOP_CLASS_UID)
                .putString(Tag.SOPInstanceUID, VR.UI, DicomUids.random())
                .putString(Tag.InstanceCreationDate, VR.DA, date)
                .putString(Tag.InstanceCreationTime, VR.TM, time);
        study.putPatientAndStudy(b);
        b.putSequence(SrTags.CodingSchemeIdentificationSequence, List.of(privateScheme(b)));
        b.putString(Tag.Modality, VR.CS, "SR")
                .putString(Tag.SeriesInstanceUID, VR.UI, DicomUids.random())
                .putInts(Tag.SeriesNumber, VR.IS, SERIES_NUMBER)
                .putString(Tag.SeriesDescription, VR.LO, "DICOM Guard AI results")
                .putSequence(Tag.ReferencedPerformedProcedureStepSequence, List.of())
                .putString(Tag.Manufacturer, VR.LO, MANUFACTURER)
                .putString(Tag.ManufacturerModelName, VR.LO, result.bundleId())
                .putString(Tag.SoftwareVersions, VR.LO, LibraryVersion.get())
                .putInts(Tag.InstanceNumber, VR.IS, 1)
                .putString(Tag.ContentDate, VR.DA, date)
                .putString(Tag.ContentTime, VR.TM, time)
                .putString(SrTags.CompletionFlag, VR.CS, "COMPLETE")
                .putString(SrTags.VerificationFlag, VR.CS, "UNVERIFIED")
                .putSequence(SrTags.PerformedProcedureCodeSequence, List.of());
        if (!study.images().isEmpty()) {
            b.putSequence(SrTags.CurrentRequestedProcedureEvidenceSequence, study.evidence(b));
        }
        Attributes template = b.itemBuilder().putString(SrTags.MappingResource, VR.CS, "DCMR")
                .putString(SrTags.TemplateIdentifier, VR.CS, "1500").build();
        b.putString(Tag.ValueType, VR.CS, "CONTAINER")
                .putSequence(Tag.ConceptNameCodeSequence, List.of(items.code(SrCodes.IMAGING_MEASUREMENT_REPORT)))
                .putString(SrTags.ContinuityOfContent, VR.CS, "SEPARATE")
                .putSequence(SrTags.ContentTemplateSequence, List.of(template))
                .putSequence(Tag.ContentSequence, rootContent(items, result, study));
        return b.build();
    }

    /** Declares the private coding scheme (PS3.3 C.12.1.1.1, Coding Scheme Identification). */
    static Attributes privateScheme(AttributesBuilder dataSet) {
        return dataSet.itemBuilder().putString(Tag.CodingSchemeDesignator, VR.SH, CodedConcept.PRIVATE_SCHEME)
                .putString(SrTags.CodingSchemeName, VR.ST, "DICOM Guard private codes (guard-dicom-out/README.md)")
                .putString(SrTags.CodingSchemeResponsibleOrganization, VR.ST, "DICOM Guard project")
                .build();
    }

    private List<Attributes> rootContent(SrItems items, GuardResult result, SourceStudy study) {
        List<Attributes> root = new ArrayList<>();
        root.add(items.code(SrItems.HAS_CONCEPT_MOD, SrCodes.LANGUAGE, SrCodes.ENGLISH_US));
        root.add(items.code(SrItems.HAS_OBS_CONTEXT, SrCodes.OBSERVER_TYPE, SrCodes.DEVICE));
        root.add(items.uidref(SrItems.HAS_OBS_CONTEXT, SrCodes.DEVICE_OBSERVER_UID,
                DicomUids.named("dicom-guard/" + result.bundleId())));
        root.add(items.text(SrItems.HAS_OBS_CONTEXT, SrCodes.DEVICE_OBSERVER_NAME, MANUFACTURER));
        root.add(items.code(SrItems.HAS_CONCEPT_MOD, SrCodes.PROCEDURE_REPORTED, vocabulary.procedureReported()));
        List<Attributes> images = new ArrayList<>();
        for (SourceStudy.ImageRef ref : study.images()) {
            images.add(items.image(SrItems.CONTAINS, ref.sopClassUid(), ref.sopInstanceUid()));
        }
        List<Attributes> library = images.isEmpty() ? List.of()
                : List.of(items.container(SrItems.CONTAINS, SrCodes.IMAGE_LIBRARY_GROUP, images));
        root.add(items.container(SrItems.CONTAINS, SrCodes.IMAGE_LIBRARY, library));
        if (result instanceof Prediction p) {
            root.add(items.container(SrItems.CONTAINS, SrCodes.IMAGING_MEASUREMENTS, measurementGroups(items, p)));
            root.add(items.container(SrItems.CONTAINS, SrCodes.QUALITATIVE_EVALUATIONS,
                    List.of(items.code(SrItems.CONTAINS, SrCodes.ANALYSIS_STATUS, SrCodes.ANALYSED))));
        } else {
            root.add(items.container(SrItems.CONTAINS, SrCodes.QUALITATIVE_EVALUATIONS, notAnalysed(items, result)));
        }
        return root;
    }

    private List<Attributes> measurementGroups(SrItems items, Prediction p) {
        List<Attributes> groups = new ArrayList<>();
        for (PathologyFinding f : p.pathologies()) {
            CodedConcept concept = vocabulary.conceptOf(f.code());
            List<Attributes> g = groupHeader(items, p, f.code(), concept,
                    "decisionThresholdProbability=" + Float.toString(f.decisionThresholdProbability()));
            g.add(items.num(SrItems.CONTAINS, concept, f.probability(), Float.toString(f.probability()),
                    SrCodes.UNIT_PROBABILITY));
            g.add(items.code(SrItems.CONTAINS, concept, f.positive() ? SrCodes.PRESENT : SrCodes.ABSENT));
            groups.add(items.container(SrItems.CONTAINS, SrCodes.MEASUREMENT_GROUP, g));
        }
        CodedConcept aggregate = vocabulary.aggregateConcept();
        List<Attributes> any = groupHeader(items, p, StructuredReportReader.AGGREGATE_TRACKING_ID, aggregate,
                "rule=" + p.anyPathology().rule().jsonName());
        any.add(items.num(SrItems.CONTAINS, aggregate, p.anyPathology().probability(),
                Float.toString(p.anyPathology().probability()), SrCodes.UNIT_PROBABILITY));
        any.add(items.code(SrItems.CONTAINS, aggregate, p.anyPathology().positive() ? SrCodes.PRESENT : SrCodes.ABSENT));
        groups.add(items.container(SrItems.CONTAINS, SrCodes.MEASUREMENT_GROUP, any));
        List<Attributes> ood = groupHeader(items, p, StructuredReportReader.OOD_TRACKING_ID, null,
                "preprocessingFingerprint=" + p.provenance().preprocessingFingerprint());
        ood.add(items.num(SrItems.CONTAINS, SrCodes.OOD_SCORE, p.ood().score(), null, SrCodes.UNIT_NONE));
        ood.add(items.num(SrItems.CONTAINS, SrCodes.OOD_THRESHOLD, p.ood().threshold(), null, SrCodes.UNIT_NONE));
        groups.add(items.container(SrItems.CONTAINS, SrCodes.MEASUREMENT_GROUP, ood));
        return groups;
    }

    /** TID 1501 rows 1-3 and TID 4019 (algorithm name, version, parameters). */
    private List<Attributes> groupHeader(SrItems items, Prediction p, String trackingId, CodedConcept finding,
                                         String parameters) {
        List<Attributes> g = new ArrayList<>();
        g.add(items.text(SrItems.HAS_OBS_CONTEXT, SrCodes.TRACKING_IDENTIFIER, trackingId));
        g.add(items.uidref(SrItems.HAS_OBS_CONTEXT, SrCodes.TRACKING_UID, DicomUids.random()));
        if (finding != null) {
            g.add(items.code(SrItems.CONTAINS, SrCodes.FINDING, finding));
        }
        algorithm(items, g, p.bundleId(), p.modelSha256());
        g.add(items.text(SrItems.HAS_CONCEPT_MOD, SrCodes.ALGORITHM_PARAMETERS, parameters));
        return g;
    }

    private static void algorithm(SrItems items, List<Attributes> into, String bundleId, String modelSha256) {
        into.add(items.text(SrItems.HAS_CONCEPT_MOD, SrCodes.ALGORITHM_NAME, bundleId));
        into.add(items.text(SrItems.HAS_CONCEPT_MOD, SrCodes.ALGORITHM_VERSION, modelSha256));
    }

    private List<Attributes> notAnalysed(SrItems items, GuardResult result) {
        List<Attributes> out = new ArrayList<>();
        algorithm(items, out, result.bundleId(), vocabulary.modelSha256());
        if (result instanceof Rejected r) {
            out.add(items.code(SrItems.CONTAINS, SrCodes.ANALYSIS_STATUS, SrCodes.NOT_ANALYSED_REJECTED));
            for (RejectionReason reason : r.reasons()) {
                out.add(items.text(SrItems.CONTAINS, SrCodes.RESULT_CODE, reason.code()));
                out.add(items.text(SrItems.CONTAINS, SrCodes.RESULT_MESSAGE, reason.message()));
            }
        } else {
            Failed f = (Failed) result;
            out.add(items.code(SrItems.CONTAINS, SrCodes.ANALYSIS_STATUS, SrCodes.NOT_ANALYSED_FAILED));
            out.add(items.text(SrItems.CONTAINS, SrCodes.RESULT_CODE, f.errorCode()));
            out.add(items.text(SrItems.CONTAINS, SrCodes.RESULT_MESSAGE, f.message()));
        }
        return out;
    }
}
