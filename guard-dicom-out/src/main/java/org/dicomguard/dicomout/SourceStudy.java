package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a derived object copies from the study it reports on: the Patient and General Study
 * modules (so PACS files it with the study) and the references to every source image.
 *
 * <p>Design note: values are read as text in the source's character set and written again in
 * the output's, so a Big Endian or Implicit VR source and a change of character set (see
 * {@link #characterSetTerm()}) both come out right. These identifiers go into the DICOM output
 * only, never into logs, events or exception messages. Immutable and thread-safe.
 */
final class SourceStudy {
    /** Single-byte and UTF-8 terms whose text this module can encode exactly; ISO 2022 sets are not copied. */
    private static final Set<String> COPIED_TERMS = Set.of("ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110",
            "ISO_IR 144", "ISO_IR 127", "ISO_IR 126", "ISO_IR 138", "ISO_IR 148", "ISO_IR 203", "ISO_IR 166",
            "ISO_IR 192", "GB18030", "GBK");
    /** The term written when the source has none, or one not copied: UTF-8 encodes every text. */
    static final String UTF8_TERM = "ISO_IR 192";

    /** Patient and study attributes copied as text, with the VR they are written in. */
    private static final int[] COPIED_TAGS = {Tag.PatientName, Tag.PatientID, SrTags.IssuerOfPatientID,
        Tag.PatientBirthDate, Tag.PatientSex, Tag.StudyDate, Tag.StudyTime, Tag.ReferringPhysicianName,
        Tag.StudyID, Tag.AccessionNumber, Tag.StudyDescription};
    private static final VR[] COPIED_VRS = {VR.PN, VR.LO, VR.LO, VR.DA, VR.CS, VR.DA, VR.TM, VR.PN, VR.SH, VR.SH,
        VR.LO};
    /** Type 2 of the Patient and General Study modules: present, empty when unknown. */
    private static final Set<Integer> TYPE_2 = Set.of(Tag.PatientName, Tag.PatientID, Tag.PatientBirthDate,
            Tag.PatientSex, Tag.StudyDate, Tag.StudyTime, Tag.ReferringPhysicianName, Tag.StudyID,
            Tag.AccessionNumber);

    private final String studyInstanceUid;
    private final String characterSetTerm;
    private final Map<Integer, String> copied;
    private final List<ImageRef> images;

    /**
     * One referenced source image.
     *
     * @param studyInstanceUid  its study
     * @param seriesInstanceUid its series
     * @param sopClassUid       its SOP class
     * @param sopInstanceUid    its SOP instance
     */
    record ImageRef(String studyInstanceUid, String seriesInstanceUid, String sopClassUid, String sopInstanceUid) {
    }

    private SourceStudy(String studyInstanceUid, String characterSetTerm, Map<Integer, String> copied,
                        List<ImageRef> images) {
        this.studyInstanceUid = studyInstanceUid;
        this.characterSetTerm = characterSetTerm;
        this.copied = copied;
        this.images = images;
    }

    /**
     * @param resultStudyUid the result's StudyInstanceUID when known
     * @param headers        headers of the source images (the first gives patient and study), not modified
     * @return the study; a new StudyInstanceUID when neither the result nor a header has one
     */
    static SourceStudy of(Optional<String> resultStudyUid, List<Attributes> headers) {
        Map<Integer, String> copied = new LinkedHashMap<>();
        String term = UTF8_TERM;
        Optional<String> headerStudyUid = Optional.empty();
        if (!headers.isEmpty()) {
            Attributes first = headers.get(0);
            for (int tag : COPIED_TAGS) {
                first.getString(tag).ifPresent(v -> copied.put(tag, v));
            }
            String[] terms = first.getStrings(Tag.SpecificCharacterSet);
            if (terms.length == 1 && COPIED_TERMS.contains(terms[0])) {
                term = terms[0];
            }
            headerStudyUid = first.getString(Tag.StudyInstanceUID);
        }
        Set<String> seen = new LinkedHashSet<>();
        List<ImageRef> images = new ArrayList<>();
        String studyUid = resultStudyUid.isPresent() ? resultStudyUid.get()
                : headerStudyUid.orElseGet(DicomUids::random);
        for (Attributes h : headers) {
            Optional<String> sop = h.getString(Tag.SOPInstanceUID);
            Optional<String> sopClass = h.getString(Tag.SOPClassUID);
            Optional<String> series = h.getString(Tag.SeriesInstanceUID);
            if (sop.isPresent() && sopClass.isPresent() && series.isPresent() && seen.add(sop.get())) {
                images.add(new ImageRef(h.getString(Tag.StudyInstanceUID, studyUid), series.get(), sopClass.get(),
                        sop.get()));
            }
        }
        return new SourceStudy(studyUid, term, copied, List.copyOf(images));
    }

    String studyInstanceUid() {
        return studyInstanceUid;
    }

    /** @return the SpecificCharacterSet term to write: the source's when it is copied exactly, else ISO_IR 192 */
    String characterSetTerm() {
        return characterSetTerm;
    }

    List<ImageRef> images() {
        return images;
    }

    /**
     * Puts the Patient and General Study modules; SpecificCharacterSet must already be put.
     *
     * @param b receives the elements
     */
    void putPatientAndStudy(AttributesBuilder b) {
        for (int i = 0; i < COPIED_TAGS.length; i++) {
            int tag = COPIED_TAGS[i];
            String value = copied.get(tag);
            if (value != null) {
                b.putString(tag, COPIED_VRS[i], value);
            } else if (TYPE_2.contains(tag)) {
                b.putString(tag, COPIED_VRS[i]);
            }
        }
        b.putString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid);
    }

    /**
     * @param dataSet builds the items in the data set's character set
     * @return CurrentRequestedProcedureEvidenceSequence items (PS3.3 C.17.2.3): per study, per series, the SOP instances
     */
    List<Attributes> evidence(AttributesBuilder dataSet) {
        Map<String, Map<String, List<ImageRef>>> byStudy = new LinkedHashMap<>();
        for (ImageRef ref : images) {
            byStudy.computeIfAbsent(ref.studyInstanceUid(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(ref.seriesInstanceUid(), k -> new ArrayList<>()).add(ref);
        }
        List<Attributes> studies = new ArrayList<>();
        byStudy.forEach((study, seriesMap) -> {
            List<Attributes> series = new ArrayList<>();
            seriesMap.forEach((seriesUid, refs) -> {
                List<Attributes> sops = new ArrayList<>();
                for (ImageRef ref : refs) {
                    sops.add(dataSet.itemBuilder().putString(Tag.ReferencedSOPClassUID, VR.UI, ref.sopClassUid())
                            .putString(Tag.ReferencedSOPInstanceUID, VR.UI, ref.sopInstanceUid()).build());
                }
                series.add(dataSet.itemBuilder().putString(Tag.SeriesInstanceUID, VR.UI, seriesUid)
                        .putSequence(SrTags.ReferencedSOPSequence, sops).build());
            });
            studies.add(dataSet.itemBuilder().putString(Tag.StudyInstanceUID, VR.UI, study)
                    .putSequence(Tag.ReferencedSeriesSequence, series).build());
        });
        return studies;
    }
}
