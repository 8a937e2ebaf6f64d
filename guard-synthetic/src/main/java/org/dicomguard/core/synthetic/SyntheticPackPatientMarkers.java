package org.dicomguard.core.synthetic;

import java.util.Locale;

/**
 * The synthetic patient identifiers written into every file of a pack. They are marked values
 * (never real ones) so that PHI-leak tests can search logs, events and outputs for them: a test
 * uses unique prefixes, the default ones read {@code SYNTHETIC^STUDY0007}, {@code SYN-0007},
 * {@code 19700101} and {@code SYNACC0007} for study index 7.
 *
 * @param patientNamePrefix      PatientName before the 4-digit study index; letters, digits, '^', '-', '_', 1..40 characters
 * @param patientIdPrefix        PatientID before the study index; same characters, 1..40
 * @param patientBirthDate       PatientBirthDate, 8 digits YYYYMMDD
 * @param accessionNumberPrefix  AccessionNumber before the study index; letters and digits, 1..10 (SH allows 16)
 */
public record SyntheticPackPatientMarkers(String patientNamePrefix, String patientIdPrefix, String patientBirthDate,
                                          String accessionNumberPrefix) {

    /** Validates every component (the values must be writable in their VRs). */
    public SyntheticPackPatientMarkers {
        check("patientNamePrefix", patientNamePrefix, "[A-Za-z0-9^_-]{1,40}");
        check("patientIdPrefix", patientIdPrefix, "[A-Za-z0-9^_-]{1,40}");
        check("patientBirthDate", patientBirthDate, "[0-9]{8}");
        check("accessionNumberPrefix", accessionNumberPrefix, "[A-Za-z0-9]{1,10}");
    }

    /** @return the default markers: SYNTHETIC^STUDY, SYN-, 19700101, SYNACC */
    public static SyntheticPackPatientMarkers defaults() {
        return new SyntheticPackPatientMarkers("SYNTHETIC^STUDY", "SYN-", "19700101", "SYNACC");
    }

    /** @param studyIndex index of the study in the pack, &gt;= 0 @return PatientName, e.g. SYNTHETIC^STUDY0007 */
    public String patientName(int studyIndex) {
        return patientNamePrefix + index(studyIndex);
    }

    /** @param studyIndex index of the study in the pack, &gt;= 0 @return PatientID, e.g. SYN-0007 */
    public String patientId(int studyIndex) {
        return patientIdPrefix + index(studyIndex);
    }

    /** @param studyIndex index of the study in the pack, &gt;= 0 @return AccessionNumber, e.g. SYNACC0007 */
    public String accessionNumber(int studyIndex) {
        return accessionNumberPrefix + index(studyIndex);
    }

    private static String index(int studyIndex) {
        if (studyIndex < 0) {
            throw new IllegalArgumentException("studyIndex must be >= 0, got " + studyIndex);
        }
        return String.format(Locale.ROOT, "%04d", studyIndex);
    }

    private static void check(String field, String value, String pattern) {
        if (value == null || !value.matches(pattern)) {
            throw new IllegalArgumentException(field + " must match " + pattern + ", got " + value);
        }
    }
}
