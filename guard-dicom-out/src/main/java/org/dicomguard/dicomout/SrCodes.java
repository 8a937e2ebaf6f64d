package org.dicomguard.dicomout;

import org.dicomguard.core.bundle.CodedConcept;

/**
 * The coded concepts the reports use besides the bundle's own. Standard codes are as PS3.16
 * lists them (checked against pydicom's {@code pydicom.sr.codedict}, which is generated from
 * PS3.16); {@value CodedConcept#PRIVATE_SCHEME} codes are this project's, listed in
 * guard-dicom-out/README.md.
 */
public final class SrCodes {
    private SrCodes() {
    }

    /** (126000, DCM) root of TID 1500. */
    public static final CodedConcept IMAGING_MEASUREMENT_REPORT = dcm("126000", "Imaging Measurement Report");
    /** (121049, DCM). */
    public static final CodedConcept LANGUAGE = dcm("121049", "Language of Content Item and Descendants");
    /** (en-US, RFC5646). */
    public static final CodedConcept ENGLISH_US = new CodedConcept("RFC5646", "en-US", "English (United States)");
    /** (121005, DCM). */
    public static final CodedConcept OBSERVER_TYPE = dcm("121005", "Observer Type");
    /** (121007, DCM). */
    public static final CodedConcept DEVICE = dcm("121007", "Device");
    /** (121012, DCM). */
    public static final CodedConcept DEVICE_OBSERVER_UID = dcm("121012", "Device Observer UID");
    /** (121013, DCM). */
    public static final CodedConcept DEVICE_OBSERVER_NAME = dcm("121013", "Device Observer Name");
    /** (121058, DCM). */
    public static final CodedConcept PROCEDURE_REPORTED = dcm("121058", "Procedure reported");
    /** (111028, DCM). */
    public static final CodedConcept IMAGE_LIBRARY = dcm("111028", "Image Library");
    /** (126200, DCM). */
    public static final CodedConcept IMAGE_LIBRARY_GROUP = dcm("126200", "Image Library Group");
    /** (126010, DCM). */
    public static final CodedConcept IMAGING_MEASUREMENTS = dcm("126010", "Imaging Measurements");
    /** (125007, DCM). */
    public static final CodedConcept MEASUREMENT_GROUP = dcm("125007", "Measurement Group");
    /** (C0034375, UMLS), TID 1500 row "Qualitative Evaluations". */
    public static final CodedConcept QUALITATIVE_EVALUATIONS = new CodedConcept("UMLS", "C0034375",
            "Qualitative Evaluations");
    /** (112039, DCM). */
    public static final CodedConcept TRACKING_IDENTIFIER = dcm("112039", "Tracking Identifier");
    /** (112040, DCM). */
    public static final CodedConcept TRACKING_UID = dcm("112040", "Tracking Unique Identifier");
    /** (121071, DCM). */
    public static final CodedConcept FINDING = dcm("121071", "Finding");
    /** (111001, DCM), TID 4019. */
    public static final CodedConcept ALGORITHM_NAME = dcm("111001", "Algorithm Name");
    /** (111003, DCM), TID 4019. */
    public static final CodedConcept ALGORITHM_VERSION = dcm("111003", "Algorithm Version");
    /** (111002, DCM), TID 4019. */
    public static final CodedConcept ALGORITHM_PARAMETERS = dcm("111002", "Algorithm Parameters");
    /** (52101004, SCT). */
    public static final CodedConcept PRESENT = sct("52101004", "Present");
    /** (272519000, SCT). */
    public static final CodedConcept ABSENT = sct("272519000", "Absent");
    /** UCUM unit of a probability in [0, 1]. */
    public static final CodedConcept UNIT_PROBABILITY = new CodedConcept("UCUM", "{probability}", "probability");
    /** UCUM "no units", for the OOD score. */
    public static final CodedConcept UNIT_NONE = new CodedConcept("UCUM", "1", "no units");

    /** Private: the Mahalanobis out-of-distribution score of the study's input statistics. */
    public static final CodedConcept OOD_SCORE = priv("ood-score", "Out-of-distribution score");
    /** Private: the score above which the study is refused. */
    public static final CodedConcept OOD_THRESHOLD = priv("ood-threshold", "Out-of-distribution threshold");
    /** Private: whether the study was analysed. */
    public static final CodedConcept ANALYSIS_STATUS = priv("analysis-status", "Analysis status");
    /** Private: analysed, a prediction follows. */
    public static final CodedConcept ANALYSED = priv("analysed", "Study analysed");
    /** Private: refused by a guardrail (header rule, composition, statistics gate). */
    public static final CodedConcept NOT_ANALYSED_REJECTED = priv("rejected", "Study not analysed: rejected");
    /** Private: could not be processed (unreadable, model failure). */
    public static final CodedConcept NOT_ANALYSED_FAILED = priv("failed", "Study not analysed: failed");
    /** Private: the stable result code of a rejection reason or failure. */
    public static final CodedConcept RESULT_CODE = priv("result-code", "Result code");
    /** Private: the message that goes with a result code. */
    public static final CodedConcept RESULT_MESSAGE = priv("result-message", "Result message");

    private static CodedConcept dcm(String value, String meaning) {
        return new CodedConcept("DCM", value, meaning);
    }

    private static CodedConcept sct(String value, String meaning) {
        return new CodedConcept("SCT", value, meaning);
    }

    private static CodedConcept priv(String value, String meaning) {
        return new CodedConcept(CodedConcept.PRIVATE_SCHEME, value, meaning);
    }
}
