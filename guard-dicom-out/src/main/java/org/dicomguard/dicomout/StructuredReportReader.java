package org.dicomguard.dicomout;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a report written by {@link StructuredReportWriter} back with guard-core's
 * {@link DicomReader}: the round trip the tests and {@link SrConsumerCheck} rely on. It reads
 * this module's tree (TID 1500 as written here), not arbitrary SR. Thread-safe.
 */
public final class StructuredReportReader {
    /** Tracking Identifier of the aggregate's measurement group. */
    public static final String AGGREGATE_TRACKING_ID = "anyPathology";
    /** Tracking Identifier of the OOD measurement group. */
    public static final String OOD_TRACKING_ID = "ood";

    private final DicomReader reader = new DicomReader();

    /**
     * @param bytes a Part-10 file, not modified
     * @return what the report says
     * @throws DicomException when the bytes are not a readable DICOM file
     * @throws IllegalArgumentException when it is not a DICOM Guard measurement report
     */
    public ReportedResult read(byte[] bytes) throws DicomException {
        return read(reader.read(bytes).dataSet());
    }

    /**
     * @param ds an SR data set, not modified
     * @return what the report says
     * @throws IllegalArgumentException when it is not a DICOM Guard measurement report
     */
    public ReportedResult read(Attributes ds) {
        if (!StructuredReportWriter.COMPREHENSIVE_SR_SOP_CLASS_UID.equals(ds.getString(Tag.SOPClassUID, ""))
                || !is(ds, Tag.ConceptNameCodeSequence, SrCodes.IMAGING_MEASUREMENT_REPORT)) {
            throw new IllegalArgumentException("not a Comprehensive SR Imaging Measurement Report");
        }
        GuardResult.Status status = null;
        String algorithmName = "";
        String algorithmVersion = "";
        List<ReportedResult.Measurement> pathologies = new ArrayList<>();
        Optional<ReportedResult.Measurement> any = Optional.empty();
        OptionalDouble oodScore = OptionalDouble.empty();
        OptionalDouble oodThreshold = OptionalDouble.empty();
        List<String> codes = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<String> library = new ArrayList<>();
        for (Attributes item : ds.getSequence(Tag.ContentSequence)) {
            Code name = code(item, Tag.ConceptNameCodeSequence);
            if (name.is(SrCodes.IMAGE_LIBRARY)) {
                for (Attributes group : item.getSequence(Tag.ContentSequence)) {
                    for (Attributes image : group.getSequence(Tag.ContentSequence)) {
                        for (Attributes ref : image.getSequence(SrTags.ReferencedSOPSequence)) {
                            ref.getString(Tag.ReferencedSOPInstanceUID).ifPresent(library::add);
                        }
                    }
                }
            } else if (name.is(SrCodes.IMAGING_MEASUREMENTS)) {
                for (Attributes group : item.getSequence(Tag.ContentSequence)) {
                    Group g = group(group);
                    algorithmName = g.algorithmName;
                    algorithmVersion = g.algorithmVersion;
                    if (OOD_TRACKING_ID.equals(g.trackingId)) {
                        oodScore = g.value(SrCodes.OOD_SCORE);
                        oodThreshold = g.value(SrCodes.OOD_THRESHOLD);
                    } else if (AGGREGATE_TRACKING_ID.equals(g.trackingId)) {
                        any = Optional.of(g.measurement());
                    } else {
                        pathologies.add(g.measurement());
                    }
                }
            } else if (name.is(SrCodes.QUALITATIVE_EVALUATIONS)) {
                for (Attributes e : item.getSequence(Tag.ContentSequence)) {
                    Code n = code(e, Tag.ConceptNameCodeSequence);
                    String text = e.getString(Tag.TextValue, "");
                    if (n.is(SrCodes.ANALYSIS_STATUS)) {
                        status = statusOf(code(e, SrTags.ConceptCodeSequence));
                    } else if (n.is(SrCodes.RESULT_CODE)) {
                        codes.add(text);
                    } else if (n.is(SrCodes.RESULT_MESSAGE)) {
                        messages.add(text);
                    } else if (n.is(SrCodes.ALGORITHM_NAME)) {
                        algorithmName = text;
                    } else if (n.is(SrCodes.ALGORITHM_VERSION)) {
                        algorithmVersion = text;
                    }
                }
            }
        }
        if (status == null) {
            throw new IllegalArgumentException("report has no analysis status");
        }
        List<String> evidence = new ArrayList<>();
        for (Attributes study : ds.getSequence(SrTags.CurrentRequestedProcedureEvidenceSequence)) {
            for (Attributes series : study.getSequence(Tag.ReferencedSeriesSequence)) {
                for (Attributes sop : series.getSequence(SrTags.ReferencedSOPSequence)) {
                    sop.getString(Tag.ReferencedSOPInstanceUID).ifPresent(evidence::add);
                }
            }
        }
        return new ReportedResult(status, ds.getString(Tag.SOPInstanceUID, ""), ds.getString(Tag.StudyInstanceUID, ""),
                algorithmName, algorithmVersion, pathologies, any, oodScore, oodThreshold, codes, messages, library,
                evidence);
    }

    private static GuardResult.Status statusOf(Code value) {
        if (value.is(SrCodes.ANALYSED)) {
            return GuardResult.Status.PREDICTION;
        }
        if (value.is(SrCodes.NOT_ANALYSED_REJECTED)) {
            return GuardResult.Status.REJECTED;
        }
        if (value.is(SrCodes.NOT_ANALYSED_FAILED)) {
            return GuardResult.Status.FAILED;
        }
        throw new IllegalArgumentException("unknown analysis status " + value);
    }

    /** One TID 1501 group's items. */
    private static final class Group {
        String trackingId = "";
        String algorithmName = "";
        String algorithmVersion = "";
        String parameters = "";
        final List<Attributes> nums = new ArrayList<>();
        Code presence;

        OptionalDouble value(CodedConcept name) {
            for (Attributes num : nums) {
                if (is(num, Tag.ConceptNameCodeSequence, name)) {
                    return measured(num).getDouble(SrTags.FloatingPointValue);
                }
            }
            return OptionalDouble.empty();
        }

        ReportedResult.Measurement measurement() {
            if (nums.size() != 1) {
                throw new IllegalArgumentException("group '" + trackingId + "' has " + nums.size() + " NUM items, expected 1");
            }
            Attributes num = nums.get(0);
            Attributes m = measured(num);
            return new ReportedResult.Measurement(trackingId, concept(num, Tag.ConceptNameCodeSequence),
                    m.getDouble(SrTags.FloatingPointValue).orElseThrow(() ->
                            new IllegalArgumentException("group '" + trackingId + "' has no FloatingPointValue")),
                    m.getString(SrTags.NumericValue, ""), concept(m, SrTags.MeasurementUnitsCodeSequence),
                    presence != null && presence.is(SrCodes.PRESENT), parameters);
        }
    }

    private static Group group(Attributes container) {
        Group g = new Group();
        for (Attributes e : container.getSequence(Tag.ContentSequence)) {
            Code n = code(e, Tag.ConceptNameCodeSequence);
            String valueType = e.getString(Tag.ValueType, "");
            if (n.is(SrCodes.TRACKING_IDENTIFIER)) {
                g.trackingId = e.getString(Tag.TextValue, "");
            } else if (n.is(SrCodes.ALGORITHM_NAME)) {
                g.algorithmName = e.getString(Tag.TextValue, "");
            } else if (n.is(SrCodes.ALGORITHM_VERSION)) {
                g.algorithmVersion = e.getString(Tag.TextValue, "");
            } else if (n.is(SrCodes.ALGORITHM_PARAMETERS)) {
                g.parameters = e.getString(Tag.TextValue, "");
            } else if ("NUM".equals(valueType)) {
                g.nums.add(e);
            } else if ("CODE".equals(valueType) && !n.is(SrCodes.FINDING)) {
                g.presence = code(e, SrTags.ConceptCodeSequence);
            }
        }
        return g;
    }

    private static Attributes measured(Attributes num) {
        List<Attributes> mv = num.getSequence(SrTags.MeasuredValueSequence);
        if (mv.size() != 1) {
            throw new IllegalArgumentException("NUM has " + mv.size() + " measured values, expected 1");
        }
        return mv.get(0);
    }

    /** A code as read, compared without building a validated {@link CodedConcept}. */
    private record Code(String scheme, String value) {
        boolean is(CodedConcept c) {
            return c.codeValue().equals(value) && c.schemeDesignator().equals(scheme);
        }
    }

    private static Code code(Attributes ds, int sequenceTag) {
        List<Attributes> seq = ds.getSequence(sequenceTag);
        if (seq.isEmpty()) {
            return new Code("", "");
        }
        Attributes c = seq.get(0);
        return new Code(c.getString(Tag.CodingSchemeDesignator, ""),
                c.getString(Tag.CodeValue).or(() -> c.getString(SrTags.LongCodeValue)).orElse(""));
    }

    private static boolean is(Attributes ds, int sequenceTag, CodedConcept c) {
        return code(ds, sequenceTag).is(c);
    }

    /** @return the first item of a code sequence as a concept; null when absent */
    static CodedConcept concept(Attributes ds, int sequenceTag) {
        List<Attributes> seq = ds.getSequence(sequenceTag);
        if (seq.isEmpty()) {
            return null;
        }
        Attributes c = seq.get(0);
        String value = c.getString(Tag.CodeValue).or(() -> c.getString(SrTags.LongCodeValue)).orElse("");
        return new CodedConcept(c.getString(Tag.CodingSchemeDesignator, "?"), value.isEmpty() ? "?" : value,
                c.getString(Tag.CodeMeaning, "?"));
    }
}
