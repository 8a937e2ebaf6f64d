package org.dicomguard.core.dicom;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * DICOM data element tags as {@code int} constants ({@code group << 16 | element}), named by
 * the standard's keyword (PS3.6), for example {@link #PixelSpacing}. Logic refers to these
 * constants, never to hex literals. Only the tags the library reads, writes or must recognise
 * in Implicit VR data are listed; any other tag can still be read by number.
 *
 * <p>The dictionary also gives the VR used when a data set is Implicit VR (where the file does
 * not say) and the keyword for error messages. Thread-safe: immutable after class init.
 */
@SuppressWarnings("checkstyle:ConstantName") // keywords are the standard's spelling on purpose
public final class Tag {
    private Tag() {
    }

    // --- File meta ---
    /** (0002,0000) FileMetaInformationGroupLength, VR UL. */
    public static final int FileMetaInformationGroupLength = 0x00020000;
    /** (0002,0001) FileMetaInformationVersion, VR OB. */
    public static final int FileMetaInformationVersion = 0x00020001;
    /** (0002,0002) MediaStorageSOPClassUID, VR UI. */
    public static final int MediaStorageSOPClassUID = 0x00020002;
    /** (0002,0003) MediaStorageSOPInstanceUID, VR UI. */
    public static final int MediaStorageSOPInstanceUID = 0x00020003;
    /** (0002,0010) TransferSyntaxUID, VR UI. */
    public static final int TransferSyntaxUID = 0x00020010;
    /** (0002,0012) ImplementationClassUID, VR UI. */
    public static final int ImplementationClassUID = 0x00020012;
    /** (0002,0013) ImplementationVersionName, VR SH. */
    public static final int ImplementationVersionName = 0x00020013;
    /** (0002,0016) SourceApplicationEntityTitle, VR AE. */
    public static final int SourceApplicationEntityTitle = 0x00020016;

    // --- SOP common, study, series ---
    /** (0008,0005) SpecificCharacterSet, VR CS. */
    public static final int SpecificCharacterSet = 0x00080005;
    /** (0008,0008) ImageType, VR CS. */
    public static final int ImageType = 0x00080008;
    /** (0008,0012) InstanceCreationDate, VR DA. */
    public static final int InstanceCreationDate = 0x00080012;
    /** (0008,0013) InstanceCreationTime, VR TM. */
    public static final int InstanceCreationTime = 0x00080013;
    /** (0008,0016) SOPClassUID, VR UI. */
    public static final int SOPClassUID = 0x00080016;
    /** (0008,0018) SOPInstanceUID, VR UI. */
    public static final int SOPInstanceUID = 0x00080018;
    /** (0008,0020) StudyDate, VR DA. */
    public static final int StudyDate = 0x00080020;
    /** (0008,0021) SeriesDate, VR DA. */
    public static final int SeriesDate = 0x00080021;
    /** (0008,0022) AcquisitionDate, VR DA. */
    public static final int AcquisitionDate = 0x00080022;
    /** (0008,0023) ContentDate, VR DA. */
    public static final int ContentDate = 0x00080023;
    /** (0008,0030) StudyTime, VR TM. */
    public static final int StudyTime = 0x00080030;
    /** (0008,0031) SeriesTime, VR TM. */
    public static final int SeriesTime = 0x00080031;
    /** (0008,0033) ContentTime, VR TM. */
    public static final int ContentTime = 0x00080033;
    /** (0008,0050) AccessionNumber, VR SH. */
    public static final int AccessionNumber = 0x00080050;
    /** (0008,0060) Modality, VR CS. */
    public static final int Modality = 0x00080060;
    /** (0008,0068) PresentationIntentType, VR CS. */
    public static final int PresentationIntentType = 0x00080068;
    /** (0008,0070) Manufacturer, VR LO. */
    public static final int Manufacturer = 0x00080070;
    /** (0008,0080) InstitutionName, VR LO. */
    public static final int InstitutionName = 0x00080080;
    /** (0008,0090) ReferringPhysicianName, VR PN. */
    public static final int ReferringPhysicianName = 0x00080090;
    /** (0008,0100) CodeValue, VR SH. */
    public static final int CodeValue = 0x00080100;
    /** (0008,0102) CodingSchemeDesignator, VR SH. */
    public static final int CodingSchemeDesignator = 0x00080102;
    /** (0008,0104) CodeMeaning, VR LO. */
    public static final int CodeMeaning = 0x00080104;
    /** (0008,1010) StationName, VR SH. */
    public static final int StationName = 0x00081010;
    /** (0008,1030) StudyDescription, VR LO. */
    public static final int StudyDescription = 0x00081030;
    /** (0008,1032) ProcedureCodeSequence, VR SQ. */
    public static final int ProcedureCodeSequence = 0x00081032;
    /** (0008,103E) SeriesDescription, VR LO. */
    public static final int SeriesDescription = 0x0008103E;
    /** (0008,1090) ManufacturerModelName, VR LO. */
    public static final int ManufacturerModelName = 0x00081090;
    /** (0008,1110) ReferencedStudySequence, VR SQ. */
    public static final int ReferencedStudySequence = 0x00081110;
    /** (0008,1111) ReferencedPerformedProcedureStepSequence, VR SQ. */
    public static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
    /** (0008,1115) ReferencedSeriesSequence, VR SQ. */
    public static final int ReferencedSeriesSequence = 0x00081115;
    /** (0008,1140) ReferencedImageSequence, VR SQ. */
    public static final int ReferencedImageSequence = 0x00081140;
    /** (0008,1150) ReferencedSOPClassUID, VR UI. */
    public static final int ReferencedSOPClassUID = 0x00081150;
    /** (0008,1155) ReferencedSOPInstanceUID, VR UI. */
    public static final int ReferencedSOPInstanceUID = 0x00081155;
    /** (0008,2111) DerivationDescription, VR ST. */
    public static final int DerivationDescription = 0x00082111;
    /** (0008,2112) SourceImageSequence, VR SQ. */
    public static final int SourceImageSequence = 0x00082112;
    /** (0008,2218) AnatomicRegionSequence, VR SQ. */
    public static final int AnatomicRegionSequence = 0x00082218;

    // --- Patient (identifiers: never log these) ---
    /** (0010,0010) PatientName, VR PN. */
    public static final int PatientName = 0x00100010;
    /** (0010,0020) PatientID, VR LO. */
    public static final int PatientID = 0x00100020;
    /** (0010,0030) PatientBirthDate, VR DA. */
    public static final int PatientBirthDate = 0x00100030;
    /** (0010,0040) PatientSex, VR CS. */
    public static final int PatientSex = 0x00100040;
    /** (0010,1010) PatientAge, VR AS. */
    public static final int PatientAge = 0x00101010;

    // --- Acquisition ---
    /** (0018,0015) BodyPartExamined, VR CS. */
    public static final int BodyPartExamined = 0x00180015;
    /** (0018,0050) SliceThickness, VR DS. */
    public static final int SliceThickness = 0x00180050;
    /** (0018,0060) KVP, VR DS. */
    public static final int KVP = 0x00180060;
    /** (0018,0088) SpacingBetweenSlices, VR DS. */
    public static final int SpacingBetweenSlices = 0x00180088;
    /** (0018,1000) DeviceSerialNumber, VR LO. */
    public static final int DeviceSerialNumber = 0x00181000;
    /** (0018,1020) SoftwareVersions, VR LO. */
    public static final int SoftwareVersions = 0x00181020;
    /** (0018,1030) ProtocolName, VR LO. */
    public static final int ProtocolName = 0x00181030;
    /** (0018,1110) DistanceSourceToDetector, VR DS. */
    public static final int DistanceSourceToDetector = 0x00181110;
    /** (0018,1164) ImagerPixelSpacing, VR DS. */
    public static final int ImagerPixelSpacing = 0x00181164;
    /** (0018,1210) ConvolutionKernel, VR SH. */
    public static final int ConvolutionKernel = 0x00181210;
    /** (0018,5100) PatientPosition, VR CS. */
    public static final int PatientPosition = 0x00185100;
    /** (0018,5101) ViewPosition, VR CS. */
    public static final int ViewPosition = 0x00185101;
    /** (0018,7004) DetectorType, VR CS. */
    public static final int DetectorType = 0x00187004;

    // --- Relationship and plane ---
    /** (0020,000D) StudyInstanceUID, VR UI. */
    public static final int StudyInstanceUID = 0x0020000D;
    /** (0020,000E) SeriesInstanceUID, VR UI. */
    public static final int SeriesInstanceUID = 0x0020000E;
    /** (0020,0010) StudyID, VR SH. */
    public static final int StudyID = 0x00200010;
    /** (0020,0011) SeriesNumber, VR IS. */
    public static final int SeriesNumber = 0x00200011;
    /** (0020,0012) AcquisitionNumber, VR IS. */
    public static final int AcquisitionNumber = 0x00200012;
    /** (0020,0013) InstanceNumber, VR IS. */
    public static final int InstanceNumber = 0x00200013;
    /** (0020,0020) PatientOrientation, VR CS. */
    public static final int PatientOrientation = 0x00200020;
    /** (0020,0032) ImagePositionPatient, VR DS. */
    public static final int ImagePositionPatient = 0x00200032;
    /** (0020,0037) ImageOrientationPatient, VR DS. */
    public static final int ImageOrientationPatient = 0x00200037;
    /** (0020,0052) FrameOfReferenceUID, VR UI. */
    public static final int FrameOfReferenceUID = 0x00200052;
    /** (0020,0060) Laterality, VR CS. */
    public static final int Laterality = 0x00200060;
    /** (0020,0062) ImageLaterality, VR CS. */
    public static final int ImageLaterality = 0x00200062;
    /** (0020,1041) SliceLocation, VR DS. */
    public static final int SliceLocation = 0x00201041;
    /** (0020,9113) PlanePositionSequence, VR SQ. */
    public static final int PlanePositionSequence = 0x00209113;
    /** (0020,9116) PlaneOrientationSequence, VR SQ. */
    public static final int PlaneOrientationSequence = 0x00209116;

    // --- Image pixel module ---
    /** (0028,0002) SamplesPerPixel, VR US. */
    public static final int SamplesPerPixel = 0x00280002;
    /** (0028,0004) PhotometricInterpretation, VR CS. */
    public static final int PhotometricInterpretation = 0x00280004;
    /** (0028,0006) PlanarConfiguration, VR US. */
    public static final int PlanarConfiguration = 0x00280006;
    /** (0028,0008) NumberOfFrames, VR IS. */
    public static final int NumberOfFrames = 0x00280008;
    /** (0028,0009) FrameIncrementPointer, VR AT. */
    public static final int FrameIncrementPointer = 0x00280009;
    /** (0028,0010) Rows, VR US. */
    public static final int Rows = 0x00280010;
    /** (0028,0011) Columns, VR US. */
    public static final int Columns = 0x00280011;
    /** (0028,0030) PixelSpacing, VR DS. */
    public static final int PixelSpacing = 0x00280030;
    /** (0028,0034) PixelAspectRatio, VR IS. */
    public static final int PixelAspectRatio = 0x00280034;
    /** (0028,0100) BitsAllocated, VR US. */
    public static final int BitsAllocated = 0x00280100;
    /** (0028,0101) BitsStored, VR US. */
    public static final int BitsStored = 0x00280101;
    /** (0028,0102) HighBit, VR US. */
    public static final int HighBit = 0x00280102;
    /** (0028,0103) PixelRepresentation, VR US. */
    public static final int PixelRepresentation = 0x00280103;
    /** (0028,0120) PixelPaddingValue, VR US. */
    public static final int PixelPaddingValue = 0x00280120;
    /** (0028,1040) PixelIntensityRelationship, VR CS. */
    public static final int PixelIntensityRelationship = 0x00281040;
    /** (0028,1041) PixelIntensityRelationshipSign, VR SS. */
    public static final int PixelIntensityRelationshipSign = 0x00281041;
    /** (0028,1050) WindowCenter, VR DS. */
    public static final int WindowCenter = 0x00281050;
    /** (0028,1051) WindowWidth, VR DS. */
    public static final int WindowWidth = 0x00281051;
    /** (0028,1052) RescaleIntercept, VR DS. */
    public static final int RescaleIntercept = 0x00281052;
    /** (0028,1053) RescaleSlope, VR DS. */
    public static final int RescaleSlope = 0x00281053;
    /** (0028,1054) RescaleType, VR LO. */
    public static final int RescaleType = 0x00281054;
    /** (0028,1056) VOILUTFunction, VR CS. */
    public static final int VOILUTFunction = 0x00281056;
    /** (0028,2110) LossyImageCompression, VR CS. */
    public static final int LossyImageCompression = 0x00282110;
    /** (0028,3000) ModalityLUTSequence, VR SQ. */
    public static final int ModalityLUTSequence = 0x00283000;
    /** (0028,3002) LUTDescriptor, VR US or SS (entries, first mapped value, bits per entry). */
    public static final int LUTDescriptor = 0x00283002;
    /** (0028,3006) LUTData, VR US or OW. */
    public static final int LUTData = 0x00283006;
    /** (0028,3010) VOILUTSequence, VR SQ. */
    public static final int VOILUTSequence = 0x00283010;
    /** (0028,9110) PixelMeasuresSequence, VR SQ. */
    public static final int PixelMeasuresSequence = 0x00289110;
    /** (0028,9132) FrameVOILUTSequence, VR SQ. */
    public static final int FrameVOILUTSequence = 0x00289132;
    /** (0028,9145) PixelValueTransformationSequence, VR SQ. */
    public static final int PixelValueTransformationSequence = 0x00289145;

    // --- Other sequences the implicit-VR reader must recognise ---
    /** (0032,1064) RequestedProcedureCodeSequence, VR SQ. */
    public static final int RequestedProcedureCodeSequence = 0x00321064;
    /** (003A,0200) ChannelDefinitionSequence, VR SQ. */
    public static final int ChannelDefinitionSequence = 0x003A0200;
    /** (0040,0275) RequestAttributesSequence, VR SQ. */
    public static final int RequestAttributesSequence = 0x00400275;
    /** (0040,A040) ValueType, VR CS. */
    public static final int ValueType = 0x0040A040;
    /** (0040,A043) ConceptNameCodeSequence, VR SQ. */
    public static final int ConceptNameCodeSequence = 0x0040A043;
    /** (0040,A160) TextValue, VR UT. */
    public static final int TextValue = 0x0040A160;
    /** (0040,A730) ContentSequence, VR SQ. */
    public static final int ContentSequence = 0x0040A730;
    /** (0054,0220) ViewCodeSequence, VR SQ. */
    public static final int ViewCodeSequence = 0x00540220;
    /** (0088,0200) IconImageSequence, VR SQ. */
    public static final int IconImageSequence = 0x00880200;
    /** (3004,000C) GridFrameOffsetVector, VR DS. */
    public static final int GridFrameOffsetVector = 0x3004000C;
    /** (3004,000E) DoseGridScaling, VR DS. */
    public static final int DoseGridScaling = 0x3004000E;
    /** (3006,0020) StructureSetROISequence, VR SQ. */
    public static final int StructureSetROISequence = 0x30060020;
    /** (3006,0010) ReferencedFrameOfReferenceSequence, VR SQ. */
    public static final int ReferencedFrameOfReferenceSequence = 0x30060010;
    /** (3006,0012) RTReferencedStudySequence, VR SQ. */
    public static final int RTReferencedStudySequence = 0x30060012;
    /** (3006,0014) RTReferencedSeriesSequence, VR SQ. */
    public static final int RTReferencedSeriesSequence = 0x30060014;
    /** (3006,0016) ContourImageSequence, VR SQ. */
    public static final int ContourImageSequence = 0x30060016;
    /** (3006,0039) ROIContourSequence, VR SQ. */
    public static final int ROIContourSequence = 0x30060039;
    /** (3006,0040) ContourSequence, VR SQ. */
    public static final int ContourSequence = 0x30060040;
    /** (3006,0050) ContourData, VR DS. */
    public static final int ContourData = 0x30060050;
    /** (3006,0080) RTROIObservationsSequence, VR SQ. */
    public static final int RTROIObservationsSequence = 0x30060080;
    /** (300A,0010) DoseReferenceSequence, VR SQ. */
    public static final int DoseReferenceSequence = 0x300A0010;
    /** (300A,0040) ToleranceTableSequence, VR SQ. */
    public static final int ToleranceTableSequence = 0x300A0040;
    /** (300A,0070) FractionGroupSequence, VR SQ. */
    public static final int FractionGroupSequence = 0x300A0070;
    /** (300A,00B0) BeamSequence, VR SQ. */
    public static final int BeamSequence = 0x300A00B0;
    /** (300A,00B6) BeamLimitingDeviceSequence, VR SQ. */
    public static final int BeamLimitingDeviceSequence = 0x300A00B6;
    /** (300A,0111) ControlPointSequence, VR SQ. */
    public static final int ControlPointSequence = 0x300A0111;
    /** (300A,011A) BeamLimitingDevicePositionSequence, VR SQ. */
    public static final int BeamLimitingDevicePositionSequence = 0x300A011A;
    /** (300A,0180) PatientSetupSequence, VR SQ. */
    public static final int PatientSetupSequence = 0x300A0180;
    /** (300C,0002) ReferencedRTPlanSequence, VR SQ. */
    public static final int ReferencedRTPlanSequence = 0x300C0002;
    /** (300C,0004) ReferencedBeamSequence, VR SQ. */
    public static final int ReferencedBeamSequence = 0x300C0004;
    /** (5200,9229) SharedFunctionalGroupsSequence, VR SQ. */
    public static final int SharedFunctionalGroupsSequence = 0x52009229;
    /** (5200,9230) PerFrameFunctionalGroupsSequence, VR SQ. */
    public static final int PerFrameFunctionalGroupsSequence = 0x52009230;
    /** (5400,0100) WaveformSequence, VR SQ. */
    public static final int WaveformSequence = 0x54000100;
    /** (5400,1010) WaveformData, VR OW. */
    public static final int WaveformData = 0x54001010;

    // --- Pixel data ---
    /** (7FE0,0001) ExtendedOffsetTable, VR OV: byte offset of each frame's first item (PS3.5 A.4). */
    public static final int ExtendedOffsetTable = 0x7FE00001;
    /** (7FE0,0002) ExtendedOffsetTableLengths, VR OV: byte length of each frame's encoded stream. */
    public static final int ExtendedOffsetTableLengths = 0x7FE00002;
    /** (7FE0,0008) FloatPixelData, VR OF. */
    public static final int FloatPixelData = 0x7FE00008;
    /** (7FE0,0009) DoubleFloatPixelData, VR OD. */
    public static final int DoubleFloatPixelData = 0x7FE00009;
    /** (7FE0,0010) PixelData, VR OW. */
    public static final int PixelData = 0x7FE00010;
    /** (FFFC,FFFC) DataSetTrailingPadding, VR OB. */
    public static final int DataSetTrailingPadding = 0xFFFCFFFC;

    // --- Item and delimiters (no VR) ---
    /** (FFFE,E000) Item, no VR. */
    public static final int Item = 0xFFFEE000;
    /** (FFFE,E00D) ItemDelimitationItem, no VR. */
    public static final int ItemDelimitationItem = 0xFFFEE00D;
    /** (FFFE,E0DD) SequenceDelimitationItem, no VR. */
    public static final int SequenceDelimitationItem = 0xFFFEE0DD;

    /** Group number of the file meta information (not public: not a tag, kept out of the keyword map). */
    static final int FILE_META_GROUP = FileMetaInformationGroupLength >>> 16;

    private static final Map<Integer, String> KEYWORDS = new HashMap<>();
    private static final Map<Integer, VR> IMPLICIT_VRS = new HashMap<>();

    static {
        for (Field field : Tag.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (field.getType() == int.class && Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)) {
                try {
                    KEYWORDS.put(field.getInt(null), field.getName());
                } catch (IllegalAccessException impossible) {
                    throw new ExceptionInInitializerError(impossible);
                }
            }
        }
        IMPLICIT_VRS.put(FileMetaInformationGroupLength, VR.UL);
        IMPLICIT_VRS.put(FileMetaInformationVersion, VR.OB);
        IMPLICIT_VRS.put(MediaStorageSOPClassUID, VR.UI);
        IMPLICIT_VRS.put(MediaStorageSOPInstanceUID, VR.UI);
        IMPLICIT_VRS.put(TransferSyntaxUID, VR.UI);
        IMPLICIT_VRS.put(ImplementationClassUID, VR.UI);
        IMPLICIT_VRS.put(ImplementationVersionName, VR.SH);
        IMPLICIT_VRS.put(SourceApplicationEntityTitle, VR.AE);
        IMPLICIT_VRS.put(SpecificCharacterSet, VR.CS);
        IMPLICIT_VRS.put(ImageType, VR.CS);
        IMPLICIT_VRS.put(InstanceCreationDate, VR.DA);
        IMPLICIT_VRS.put(InstanceCreationTime, VR.TM);
        IMPLICIT_VRS.put(SOPClassUID, VR.UI);
        IMPLICIT_VRS.put(SOPInstanceUID, VR.UI);
        IMPLICIT_VRS.put(StudyDate, VR.DA);
        IMPLICIT_VRS.put(SeriesDate, VR.DA);
        IMPLICIT_VRS.put(AcquisitionDate, VR.DA);
        IMPLICIT_VRS.put(ContentDate, VR.DA);
        IMPLICIT_VRS.put(StudyTime, VR.TM);
        IMPLICIT_VRS.put(SeriesTime, VR.TM);
        IMPLICIT_VRS.put(ContentTime, VR.TM);
        IMPLICIT_VRS.put(AccessionNumber, VR.SH);
        IMPLICIT_VRS.put(Modality, VR.CS);
        IMPLICIT_VRS.put(PresentationIntentType, VR.CS);
        IMPLICIT_VRS.put(Manufacturer, VR.LO);
        IMPLICIT_VRS.put(InstitutionName, VR.LO);
        IMPLICIT_VRS.put(ReferringPhysicianName, VR.PN);
        IMPLICIT_VRS.put(CodeValue, VR.SH);
        IMPLICIT_VRS.put(CodingSchemeDesignator, VR.SH);
        IMPLICIT_VRS.put(CodeMeaning, VR.LO);
        IMPLICIT_VRS.put(StationName, VR.SH);
        IMPLICIT_VRS.put(StudyDescription, VR.LO);
        IMPLICIT_VRS.put(ProcedureCodeSequence, VR.SQ);
        IMPLICIT_VRS.put(SeriesDescription, VR.LO);
        IMPLICIT_VRS.put(ManufacturerModelName, VR.LO);
        IMPLICIT_VRS.put(ReferencedStudySequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedPerformedProcedureStepSequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedSeriesSequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedImageSequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedSOPClassUID, VR.UI);
        IMPLICIT_VRS.put(ReferencedSOPInstanceUID, VR.UI);
        IMPLICIT_VRS.put(DerivationDescription, VR.ST);
        IMPLICIT_VRS.put(SourceImageSequence, VR.SQ);
        IMPLICIT_VRS.put(AnatomicRegionSequence, VR.SQ);
        IMPLICIT_VRS.put(PatientName, VR.PN);
        IMPLICIT_VRS.put(PatientID, VR.LO);
        IMPLICIT_VRS.put(PatientBirthDate, VR.DA);
        IMPLICIT_VRS.put(PatientSex, VR.CS);
        IMPLICIT_VRS.put(PatientAge, VR.AS);
        IMPLICIT_VRS.put(BodyPartExamined, VR.CS);
        IMPLICIT_VRS.put(SliceThickness, VR.DS);
        IMPLICIT_VRS.put(KVP, VR.DS);
        IMPLICIT_VRS.put(SpacingBetweenSlices, VR.DS);
        IMPLICIT_VRS.put(DeviceSerialNumber, VR.LO);
        IMPLICIT_VRS.put(SoftwareVersions, VR.LO);
        IMPLICIT_VRS.put(ProtocolName, VR.LO);
        IMPLICIT_VRS.put(DistanceSourceToDetector, VR.DS);
        IMPLICIT_VRS.put(ImagerPixelSpacing, VR.DS);
        IMPLICIT_VRS.put(ConvolutionKernel, VR.SH);
        IMPLICIT_VRS.put(PatientPosition, VR.CS);
        IMPLICIT_VRS.put(ViewPosition, VR.CS);
        IMPLICIT_VRS.put(DetectorType, VR.CS);
        IMPLICIT_VRS.put(StudyInstanceUID, VR.UI);
        IMPLICIT_VRS.put(SeriesInstanceUID, VR.UI);
        IMPLICIT_VRS.put(StudyID, VR.SH);
        IMPLICIT_VRS.put(SeriesNumber, VR.IS);
        IMPLICIT_VRS.put(AcquisitionNumber, VR.IS);
        IMPLICIT_VRS.put(InstanceNumber, VR.IS);
        IMPLICIT_VRS.put(PatientOrientation, VR.CS);
        IMPLICIT_VRS.put(ImagePositionPatient, VR.DS);
        IMPLICIT_VRS.put(ImageOrientationPatient, VR.DS);
        IMPLICIT_VRS.put(FrameOfReferenceUID, VR.UI);
        IMPLICIT_VRS.put(Laterality, VR.CS);
        IMPLICIT_VRS.put(ImageLaterality, VR.CS);
        IMPLICIT_VRS.put(SliceLocation, VR.DS);
        IMPLICIT_VRS.put(PlanePositionSequence, VR.SQ);
        IMPLICIT_VRS.put(PlaneOrientationSequence, VR.SQ);
        IMPLICIT_VRS.put(SamplesPerPixel, VR.US);
        IMPLICIT_VRS.put(PhotometricInterpretation, VR.CS);
        IMPLICIT_VRS.put(PlanarConfiguration, VR.US);
        IMPLICIT_VRS.put(NumberOfFrames, VR.IS);
        IMPLICIT_VRS.put(FrameIncrementPointer, VR.AT);
        IMPLICIT_VRS.put(Rows, VR.US);
        IMPLICIT_VRS.put(Columns, VR.US);
        IMPLICIT_VRS.put(PixelSpacing, VR.DS);
        IMPLICIT_VRS.put(PixelAspectRatio, VR.IS);
        IMPLICIT_VRS.put(BitsAllocated, VR.US);
        IMPLICIT_VRS.put(BitsStored, VR.US);
        IMPLICIT_VRS.put(HighBit, VR.US);
        IMPLICIT_VRS.put(PixelRepresentation, VR.US);
        IMPLICIT_VRS.put(PixelPaddingValue, VR.US);
        IMPLICIT_VRS.put(PixelIntensityRelationship, VR.CS);
        IMPLICIT_VRS.put(PixelIntensityRelationshipSign, VR.SS);
        IMPLICIT_VRS.put(WindowCenter, VR.DS);
        IMPLICIT_VRS.put(WindowWidth, VR.DS);
        IMPLICIT_VRS.put(RescaleIntercept, VR.DS);
        IMPLICIT_VRS.put(RescaleSlope, VR.DS);
        IMPLICIT_VRS.put(RescaleType, VR.LO);
        IMPLICIT_VRS.put(VOILUTFunction, VR.CS);
        IMPLICIT_VRS.put(LossyImageCompression, VR.CS);
        IMPLICIT_VRS.put(ModalityLUTSequence, VR.SQ);
        IMPLICIT_VRS.put(LUTDescriptor, VR.US);
        IMPLICIT_VRS.put(LUTData, VR.OW);
        IMPLICIT_VRS.put(VOILUTSequence, VR.SQ);
        IMPLICIT_VRS.put(PixelMeasuresSequence, VR.SQ);
        IMPLICIT_VRS.put(FrameVOILUTSequence, VR.SQ);
        IMPLICIT_VRS.put(PixelValueTransformationSequence, VR.SQ);
        IMPLICIT_VRS.put(RequestedProcedureCodeSequence, VR.SQ);
        IMPLICIT_VRS.put(ChannelDefinitionSequence, VR.SQ);
        IMPLICIT_VRS.put(RequestAttributesSequence, VR.SQ);
        IMPLICIT_VRS.put(ValueType, VR.CS);
        IMPLICIT_VRS.put(ConceptNameCodeSequence, VR.SQ);
        IMPLICIT_VRS.put(TextValue, VR.UT);
        IMPLICIT_VRS.put(ContentSequence, VR.SQ);
        IMPLICIT_VRS.put(ViewCodeSequence, VR.SQ);
        IMPLICIT_VRS.put(IconImageSequence, VR.SQ);
        IMPLICIT_VRS.put(GridFrameOffsetVector, VR.DS);
        IMPLICIT_VRS.put(DoseGridScaling, VR.DS);
        IMPLICIT_VRS.put(StructureSetROISequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedFrameOfReferenceSequence, VR.SQ);
        IMPLICIT_VRS.put(RTReferencedStudySequence, VR.SQ);
        IMPLICIT_VRS.put(RTReferencedSeriesSequence, VR.SQ);
        IMPLICIT_VRS.put(ContourImageSequence, VR.SQ);
        IMPLICIT_VRS.put(ROIContourSequence, VR.SQ);
        IMPLICIT_VRS.put(ContourSequence, VR.SQ);
        IMPLICIT_VRS.put(ContourData, VR.DS);
        IMPLICIT_VRS.put(RTROIObservationsSequence, VR.SQ);
        IMPLICIT_VRS.put(DoseReferenceSequence, VR.SQ);
        IMPLICIT_VRS.put(ToleranceTableSequence, VR.SQ);
        IMPLICIT_VRS.put(FractionGroupSequence, VR.SQ);
        IMPLICIT_VRS.put(BeamSequence, VR.SQ);
        IMPLICIT_VRS.put(BeamLimitingDeviceSequence, VR.SQ);
        IMPLICIT_VRS.put(ControlPointSequence, VR.SQ);
        IMPLICIT_VRS.put(BeamLimitingDevicePositionSequence, VR.SQ);
        IMPLICIT_VRS.put(PatientSetupSequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedRTPlanSequence, VR.SQ);
        IMPLICIT_VRS.put(ReferencedBeamSequence, VR.SQ);
        IMPLICIT_VRS.put(SharedFunctionalGroupsSequence, VR.SQ);
        IMPLICIT_VRS.put(PerFrameFunctionalGroupsSequence, VR.SQ);
        IMPLICIT_VRS.put(WaveformSequence, VR.SQ);
        IMPLICIT_VRS.put(WaveformData, VR.OW);
        IMPLICIT_VRS.put(FloatPixelData, VR.OF);
        IMPLICIT_VRS.put(DoubleFloatPixelData, VR.OD);
        IMPLICIT_VRS.put(PixelData, VR.OW);
        IMPLICIT_VRS.put(DataSetTrailingPadding, VR.OB);
    }

    /**
     * @param tag a tag number
     * @return the standard keyword when this dictionary knows the tag, else empty
     */
    public static Optional<String> keywordOf(int tag) {
        return Optional.ofNullable(KEYWORDS.get(tag));
    }

    /**
     * @param tag a tag number
     * @return "(gggg,eeee)" in upper-case hex
     */
    public static String toHexString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /**
     * @param tag a tag number
     * @return the keyword followed by "(gggg,eeee)" when known, else the hex form alone; for messages
     */
    public static String describe(int tag) {
        String keyword = KEYWORDS.get(tag);
        if (keyword == null && isText(tag)) {
            // Four printable bytes outside the dictionary are text read as a tag after a wrong length
            // (a PatientName's bytes): printing them as "(4E58,4D41)" would print the name.
            return "a tag whose bytes are text (not shown)";
        }
        return keyword == null ? toHexString(tag) : keyword + " " + toHexString(tag);
    }

    private static boolean isText(int tag) {
        for (int shift = 0; shift < 32; shift += 8) {
            int b = (tag >>> shift) & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param tag a tag number
     * @return the VR an Implicit VR data set implies for the tag: the dictionary's, UL for group
     *         lengths, UN when unknown
     */
    static VR implicitVr(int tag) {
        VR vr = IMPLICIT_VRS.get(tag);
        if (vr != null) {
            return vr;
        }
        boolean groupLength = (tag & 0xFFFF) == 0; // (gggg,0000) is always a UL group length
        return groupLength ? VR.UL : VR.UN;
    }

    /** @return true for the private (odd) groups */
    static boolean isPrivate(int tag) {
        // Private groups are the odd group numbers (PS3.5 7.8).
        return ((tag >>> 16) & 1) == 1;
    }
}
