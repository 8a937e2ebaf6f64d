package org.dicomguard.core.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a synthetic pack contains; everything needed to reproduce it byte for byte.
 *
 * @param task              the task: decides the generator, the label columns and the allowed OOD kinds
 * @param seed              pack seed; equal options give byte-identical packs
 * @param studyCount        in-distribution (labelled) studies, in [0, 10000]
 * @param size              image size preset; the command-line default is {@link SyntheticPackSize#SMALL}
 * @param oodKinds          OOD kind codes of {@link SyntheticPackTask#oodKindCodes()} (e.g. {@code bottle-phantom}),
 *                          without duplicates; written in the given order after the labelled studies
 * @param oodStudiesPerKind studies of each OOD kind, in [0, 1000]; default 2
 * @param studyDate         StudyDate of every file, 8 digits YYYYMMDD; default 20240102
 * @param patientMarkers    the synthetic patient identifiers written into every file
 */
public record SyntheticPackOptions(
        SyntheticPackTask task,
        long seed,
        int studyCount,
        SyntheticPackSize size,
        List<String> oodKinds,
        int oodStudiesPerKind,
        String studyDate,
        SyntheticPackPatientMarkers patientMarkers) {

    /** Largest number of studies in one pack, so that folder names keep four digits. */
    public static final int MAX_TOTAL_STUDY_COUNT = 10000;
    /** Default number of studies per OOD kind. */
    public static final int DEFAULT_OOD_STUDIES_PER_KIND = 2;
    /** Default StudyDate. */
    public static final String DEFAULT_STUDY_DATE = "20240102";

    /** Validates every component; messages name the field, the value and the allowed range. */
    public SyntheticPackOptions {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(patientMarkers, "patientMarkers");
        oodKinds = List.copyOf(Objects.requireNonNull(oodKinds, "oodKinds"));
        if (studyCount < 0 || studyCount > MAX_TOTAL_STUDY_COUNT) {
            throw new IllegalArgumentException("studyCount must be in [0, " + MAX_TOTAL_STUDY_COUNT + "], got "
                    + studyCount);
        }
        if (oodStudiesPerKind < 0 || oodStudiesPerKind > 1000) {
            throw new IllegalArgumentException("oodStudiesPerKind must be in [0, 1000], got " + oodStudiesPerKind);
        }
        List<String> allowed = task.oodKindCodes();
        for (int i = 0; i < oodKinds.size(); i++) {
            String kind = oodKinds.get(i);
            if (!allowed.contains(kind)) {
                throw new IllegalArgumentException("oodKinds of task " + task.code() + " must be among " + allowed
                        + ", got " + kind);
            }
            if (oodKinds.indexOf(kind) != i) {
                throw new IllegalArgumentException("oodKinds must not repeat a kind, got " + kind + " twice");
            }
        }
        long total = (long) studyCount + (long) oodKinds.size() * oodStudiesPerKind;
        if (total > MAX_TOTAL_STUDY_COUNT) {
            throw new IllegalArgumentException("studyCount + oodKinds * oodStudiesPerKind must be <= "
                    + MAX_TOTAL_STUDY_COUNT + ", got " + total);
        }
        if (studyDate == null || !studyDate.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("studyDate must be 8 digits YYYYMMDD, got " + studyDate);
        }
    }

    /**
     * @param task       the task
     * @param seed       pack seed
     * @param studyCount labelled studies, in [0, 10000]
     * @return small images, no OOD studies, default date and markers
     */
    public static SyntheticPackOptions of(SyntheticPackTask task, long seed, int studyCount) {
        return new SyntheticPackOptions(task, seed, studyCount, SyntheticPackSize.SMALL, List.of(),
                DEFAULT_OOD_STUDIES_PER_KIND, DEFAULT_STUDY_DATE, SyntheticPackPatientMarkers.defaults());
    }

    /** @param value the size preset @return a copy with it */
    public SyntheticPackOptions withSize(SyntheticPackSize value) {
        return new SyntheticPackOptions(task, seed, studyCount, value, oodKinds, oodStudiesPerKind, studyDate,
                patientMarkers);
    }

    /** @param value OOD kind codes, see {@link #oodKinds()} @return a copy with them */
    public SyntheticPackOptions withOodKinds(List<String> value) {
        return new SyntheticPackOptions(task, seed, studyCount, size, value, oodStudiesPerKind, studyDate,
                patientMarkers);
    }

    /** @return a copy with every OOD kind of the task */
    public SyntheticPackOptions withAllOodKinds() {
        return withOodKinds(task.oodKindCodes());
    }

    /** @param value studies per OOD kind, in [0, 1000] @return a copy with it */
    public SyntheticPackOptions withOodStudiesPerKind(int value) {
        return new SyntheticPackOptions(task, seed, studyCount, size, oodKinds, value, studyDate, patientMarkers);
    }

    /** @param value StudyDate YYYYMMDD @return a copy with it */
    public SyntheticPackOptions withStudyDate(String value) {
        return new SyntheticPackOptions(task, seed, studyCount, size, oodKinds, oodStudiesPerKind, value,
                patientMarkers);
    }

    /** @param value the patient markers @return a copy with them */
    public SyntheticPackOptions withPatientMarkers(SyntheticPackPatientMarkers value) {
        return new SyntheticPackOptions(task, seed, studyCount, size, oodKinds, oodStudiesPerKind, studyDate, value);
    }

    /** @return labelled plus OOD studies */
    public int totalStudyCount() {
        return studyCount + oodKinds.size() * oodStudiesPerKind;
    }

    /** @return the OOD kind of each OOD study, in writing order */
    List<String> oodStudyKinds() {
        List<String> kinds = new ArrayList<>();
        for (String kind : oodKinds) {
            for (int i = 0; i < oodStudiesPerKind; i++) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
