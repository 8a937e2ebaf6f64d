package org.dicomguard.dicomout;

/**
 * Tags of the SR and Secondary Capture modules that guard-core's {@link org.dicomguard.core.dicom.Tag}
 * dictionary does not list (it lists what the reader needs), named by the standard's keyword (PS3.6).
 * The objects are written in Explicit VR, so no dictionary VR is needed for them.
 */
@SuppressWarnings("checkstyle:ConstantName") // keywords are the standard's spelling on purpose
public final class SrTags {
    private SrTags() {
    }

    /** (0008,0064) ConversionType, VR CS. */
    public static final int ConversionType = 0x00080064;
    /** (0008,0105) MappingResource, VR CS. */
    public static final int MappingResource = 0x00080105;
    /** (0008,0110) CodingSchemeIdentificationSequence, VR SQ. */
    public static final int CodingSchemeIdentificationSequence = 0x00080110;
    /** (0008,0115) CodingSchemeName, VR ST. */
    public static final int CodingSchemeName = 0x00080115;
    /** (0008,0116) CodingSchemeResponsibleOrganization, VR ST. */
    public static final int CodingSchemeResponsibleOrganization = 0x00080116;
    /** (0008,0119) LongCodeValue, VR UC. */
    public static final int LongCodeValue = 0x00080119;
    /** (0008,1199) ReferencedSOPSequence, VR SQ. */
    public static final int ReferencedSOPSequence = 0x00081199;
    /** (0010,0021) IssuerOfPatientID, VR LO. */
    public static final int IssuerOfPatientID = 0x00100021;
    /** (0018,1016) SecondaryCaptureDeviceManufacturer, VR LO. */
    public static final int SecondaryCaptureDeviceManufacturer = 0x00181016;
    /** (0040,08EA) MeasurementUnitsCodeSequence, VR SQ. */
    public static final int MeasurementUnitsCodeSequence = 0x004008EA;
    /** (0040,A010) RelationshipType, VR CS. */
    public static final int RelationshipType = 0x0040A010;
    /** (0040,A050) ContinuityOfContent, VR CS. */
    public static final int ContinuityOfContent = 0x0040A050;
    /** (0040,A124) UID, VR UI. */
    public static final int UID = 0x0040A124;
    /** (0040,A161) FloatingPointValue, VR FD. */
    public static final int FloatingPointValue = 0x0040A161;
    /** (0040,A168) ConceptCodeSequence, VR SQ. */
    public static final int ConceptCodeSequence = 0x0040A168;
    /** (0040,A300) MeasuredValueSequence, VR SQ. */
    public static final int MeasuredValueSequence = 0x0040A300;
    /** (0040,A30A) NumericValue, VR DS. */
    public static final int NumericValue = 0x0040A30A;
    /** (0040,A372) PerformedProcedureCodeSequence, VR SQ. */
    public static final int PerformedProcedureCodeSequence = 0x0040A372;
    /** (0040,A375) CurrentRequestedProcedureEvidenceSequence, VR SQ. */
    public static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;
    /** (0040,A491) CompletionFlag, VR CS. */
    public static final int CompletionFlag = 0x0040A491;
    /** (0040,A493) VerificationFlag, VR CS. */
    public static final int VerificationFlag = 0x0040A493;
    /** (0040,A504) ContentTemplateSequence, VR SQ. */
    public static final int ContentTemplateSequence = 0x0040A504;
    /** (0040,DB00) TemplateIdentifier, VR CS. */
    public static final int TemplateIdentifier = 0x0040DB00;
}
