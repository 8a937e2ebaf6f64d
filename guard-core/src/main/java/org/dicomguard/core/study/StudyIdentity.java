package org.dicomguard.core.study;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.Tag;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that the instances of one run are one study, from their headers only, before any rule,
 * pixel read or inference: every instance has the same valid StudyInstanceUID and a valid
 * SOPInstanceUID. The first problem in file order is reported; messages give the file's position,
 * never the UID (a wrongly filled UID element can carry a name or an accession number).
 */
public final class StudyIdentity {

    /** PS3.5 9.1: components of digits, no empty component, no leading zero except the single digit 0. */
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    /** PS3.5 9.1: at most 64 characters. */
    public static final int UID_MAX_CHARS = 64;

    private StudyIdentity() {
    }

    /**
     * @param value a candidate UID (trailing padding already removed)
     * @return whether it is a valid DICOM UID: at most 64 characters, components of digits
     *         separated by single dots, no leading zero in a component of more than one digit
     */
    public static boolean isValidUid(String value) {
        return value != null && !value.isEmpty() && value.length() <= UID_MAX_CHARS && UID.matcher(value).matches();
    }

    /**
     * @param images the run's images, in order; not empty
     * @return the StudyInstanceUID they share
     * @throws StudyIntakeException MISSING_STUDY_INSTANCE_UID, INVALID_STUDY_INSTANCE_UID,
     *                              INVALID_SOP_INSTANCE_UID or MIXED_STUDIES
     */
    public static String studyInstanceUid(List<StudyImage> images) throws StudyIntakeException {
        String study = null;
        int first = 0;
        for (int i = 0; i < images.size(); i++) {
            Attributes ds = images.get(i).dataSet();
            String position = "file " + (i + 1) + " of " + images.size() + ": ";
            String[] values = ds.getStrings(Tag.StudyInstanceUID);
            if (values.length == 0 || values[0].isEmpty()) {
                throw new StudyIntakeException(StudyIntakeCode.MISSING_STUDY_INSTANCE_UID, position
                        + "the data set has no StudyInstanceUID (0020,000D)");
            }
            if (values.length != 1 || !isValidUid(values[0])) {
                throw new StudyIntakeException(StudyIntakeCode.INVALID_STUDY_INSTANCE_UID, position
                        + "StudyInstanceUID (0020,000D) is not a DICOM UID (PS3.5 9.1: digits and dots, no empty"
                        + " component or leading zero, at most 64 characters); a value of " + values[0].length()
                        + " characters, not echoed");
            }
            String[] sop = ds.getStrings(Tag.SOPInstanceUID);
            if (sop.length != 1 || !isValidUid(sop[0])) {
                throw new StudyIntakeException(StudyIntakeCode.INVALID_SOP_INSTANCE_UID, position
                        + "SOPInstanceUID (0008,0018) is " + (sop.length == 0 ? "missing" : "not a DICOM UID (not echoed)"));
            }
            if (study == null) {
                study = values[0];
                first = i;
            } else if (!study.equals(values[0])) {
                throw new StudyIntakeException(StudyIntakeCode.MIXED_STUDIES, "files " + (first + 1) + " and "
                        + (i + 1) + " of " + images.size() + " belong to different studies (StudyInstanceUID);"
                        + " one run scores one study: group the files by study first (Pipeline.runAll)");
            }
        }
        return study;
    }
}
