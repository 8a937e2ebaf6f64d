package org.dicomguard.dicomout;

import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds SR content items (PS3.3 C.17.3) and code sequence items as {@link Attributes}. Every item
 * is built from the data set's own builder so that its text is encoded in the data set's
 * SpecificCharacterSet. Not thread-safe: one per data set being written.
 */
final class SrItems {
    static final String CONTAINS = "CONTAINS";
    static final String HAS_OBS_CONTEXT = "HAS OBS CONTEXT";
    static final String HAS_CONCEPT_MOD = "HAS CONCEPT MOD";

    /** Short Code Value holds 16 characters (SH); longer codes go to Long Code Value (UC). */
    private static final int MAX_SHORT_CODE_VALUE_CHARS = 16;

    private final AttributesBuilder dataSet;
    /** Code items repeat (Algorithm Name in every group...); one immutable item per concept is enough. */
    private final Map<CodedConcept, Attributes> codeItems = new HashMap<>();

    /** @param dataSet the data set's builder, with SpecificCharacterSet already put */
    SrItems(AttributesBuilder dataSet) {
        this.dataSet = dataSet;
    }

    Attributes code(CodedConcept concept) {
        return codeItems.computeIfAbsent(concept, this::newCode);
    }

    private Attributes newCode(CodedConcept concept) {
        AttributesBuilder b = dataSet.itemBuilder();
        if (concept.codeValue().length() > MAX_SHORT_CODE_VALUE_CHARS) {
            b.putString(SrTags.LongCodeValue, VR.UC, concept.codeValue());
        } else {
            b.putString(Tag.CodeValue, VR.SH, concept.codeValue());
        }
        return b.putString(Tag.CodingSchemeDesignator, VR.SH, concept.schemeDesignator())
                .putString(Tag.CodeMeaning, VR.LO, concept.codeMeaning())
                .build();
    }

    AttributesBuilder item(String relationship, String valueType, CodedConcept name) {
        AttributesBuilder b = dataSet.itemBuilder();
        if (relationship != null) {
            b.putString(SrTags.RelationshipType, VR.CS, relationship);
        }
        return b.putString(Tag.ValueType, VR.CS, valueType)
                .putSequence(Tag.ConceptNameCodeSequence, List.of(code(name)));
    }

    Attributes container(String relationship, CodedConcept name, List<Attributes> children) {
        AttributesBuilder b = item(relationship, "CONTAINER", name).putString(SrTags.ContinuityOfContent, VR.CS, "SEPARATE");
        if (!children.isEmpty()) {
            b.putSequence(Tag.ContentSequence, children);
        }
        return b.build();
    }

    Attributes code(String relationship, CodedConcept name, CodedConcept value) {
        return item(relationship, "CODE", name).putSequence(SrTags.ConceptCodeSequence, List.of(code(value))).build();
    }

    Attributes text(String relationship, CodedConcept name, String value) {
        return item(relationship, "TEXT", name).putString(Tag.TextValue, VR.UT, value).build();
    }

    Attributes uidref(String relationship, CodedConcept name, String uid) {
        return item(relationship, "UIDREF", name).putString(SrTags.UID, VR.UI, uid).build();
    }

    /**
     * A NUM item whose FloatingPointValue is the exact double and whose NumericValue is the
     * decimal text given (at most 16 characters, reading back to the same value), or, when null,
     * the closest decimal string that fits DS.
     */
    Attributes num(String relationship, CodedConcept name, double exact, String decimal, CodedConcept unit) {
        AttributesBuilder m = dataSet.itemBuilder()
                .putSequence(SrTags.MeasurementUnitsCodeSequence, List.of(code(unit)))
                .putDoubles(SrTags.FloatingPointValue, VR.FD, exact);
        if (decimal != null) {
            m.putString(SrTags.NumericValue, VR.DS, decimal);
        } else {
            m.putDoubles(SrTags.NumericValue, VR.DS, exact);
        }
        Attributes measured = m.build();
        return item(relationship, "NUM", name).putSequence(SrTags.MeasuredValueSequence, List.of(measured)).build();
    }

    Attributes image(String relationship, String sopClassUid, String sopInstanceUid) {
        Attributes ref = dataSet.itemBuilder()
                .putString(Tag.ReferencedSOPClassUID, VR.UI, sopClassUid)
                .putString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstanceUid)
                .build();
        AttributesBuilder b = dataSet.itemBuilder().putString(SrTags.RelationshipType, VR.CS, relationship)
                .putString(Tag.ValueType, VR.CS, "IMAGE");
        return b.putSequence(SrTags.ReferencedSOPSequence, List.of(ref)).build();
    }
}
