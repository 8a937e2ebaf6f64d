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
 *
 * <p>The constants and the Implicit VR table are generated from the standard's data dictionary
 * (PS3.6, pydicom's copy) by {@code guard-core/src/dictionary/generate_tags.py} for the keywords in
 * {@code tags.txt} beside it; to add a tag, add its keyword there and run the script.
 */
@SuppressWarnings("checkstyle:ConstantName") // keywords are the standard's spelling on purpose
public final class Tag {
    private Tag() {
    }

    // BEGIN GENERATED: do not edit; edit src/dictionary/tags.txt and run src/dictionary/generate_tags.py
    // (numbers and VRs from the DICOM data dictionary of pydicom 2.3.1).
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
    /** (0028,0120) PixelPaddingValue, VR US or SS. */
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
    /** (0028,3002) LUTDescriptor, VR US or SS: entries, first mapped value, bits per entry. */
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
    /** (5400,1010) WaveformData, VR OB or OW. */
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
    /** (7FE0,0010) PixelData, VR OB or OW. */
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

    /** The VR an Implicit VR data set implies for each tag above (PS3.5 A.1 for "OB or OW"). */
    private static final Map<Integer, VR> IMPLICIT_VRS = Map.ofEntries(
            Map.entry(FileMetaInformationGroupLength, VR.UL),
            Map.entry(FileMetaInformationVersion, VR.OB),
            Map.entry(MediaStorageSOPClassUID, VR.UI),
            Map.entry(MediaStorageSOPInstanceUID, VR.UI),
            Map.entry(TransferSyntaxUID, VR.UI),
            Map.entry(ImplementationClassUID, VR.UI),
            Map.entry(ImplementationVersionName, VR.SH),
            Map.entry(SourceApplicationEntityTitle, VR.AE),
            Map.entry(SpecificCharacterSet, VR.CS),
            Map.entry(ImageType, VR.CS),
            Map.entry(InstanceCreationDate, VR.DA),
            Map.entry(InstanceCreationTime, VR.TM),
            Map.entry(SOPClassUID, VR.UI),
            Map.entry(SOPInstanceUID, VR.UI),
            Map.entry(StudyDate, VR.DA),
            Map.entry(SeriesDate, VR.DA),
            Map.entry(AcquisitionDate, VR.DA),
            Map.entry(ContentDate, VR.DA),
            Map.entry(StudyTime, VR.TM),
            Map.entry(SeriesTime, VR.TM),
            Map.entry(ContentTime, VR.TM),
            Map.entry(AccessionNumber, VR.SH),
            Map.entry(Modality, VR.CS),
            Map.entry(PresentationIntentType, VR.CS),
            Map.entry(Manufacturer, VR.LO),
            Map.entry(InstitutionName, VR.LO),
            Map.entry(ReferringPhysicianName, VR.PN),
            Map.entry(CodeValue, VR.SH),
            Map.entry(CodingSchemeDesignator, VR.SH),
            Map.entry(CodeMeaning, VR.LO),
            Map.entry(StationName, VR.SH),
            Map.entry(StudyDescription, VR.LO),
            Map.entry(ProcedureCodeSequence, VR.SQ),
            Map.entry(SeriesDescription, VR.LO),
            Map.entry(ManufacturerModelName, VR.LO),
            Map.entry(ReferencedStudySequence, VR.SQ),
            Map.entry(ReferencedPerformedProcedureStepSequence, VR.SQ),
            Map.entry(ReferencedSeriesSequence, VR.SQ),
            Map.entry(ReferencedImageSequence, VR.SQ),
            Map.entry(ReferencedSOPClassUID, VR.UI),
            Map.entry(ReferencedSOPInstanceUID, VR.UI),
            Map.entry(DerivationDescription, VR.ST),
            Map.entry(SourceImageSequence, VR.SQ),
            Map.entry(AnatomicRegionSequence, VR.SQ),
            Map.entry(PatientName, VR.PN),
            Map.entry(PatientID, VR.LO),
            Map.entry(PatientBirthDate, VR.DA),
            Map.entry(PatientSex, VR.CS),
            Map.entry(PatientAge, VR.AS),
            Map.entry(BodyPartExamined, VR.CS),
            Map.entry(SliceThickness, VR.DS),
            Map.entry(KVP, VR.DS),
            Map.entry(SpacingBetweenSlices, VR.DS),
            Map.entry(DeviceSerialNumber, VR.LO),
            Map.entry(SoftwareVersions, VR.LO),
            Map.entry(ProtocolName, VR.LO),
            Map.entry(DistanceSourceToDetector, VR.DS),
            Map.entry(ImagerPixelSpacing, VR.DS),
            Map.entry(ConvolutionKernel, VR.SH),
            Map.entry(PatientPosition, VR.CS),
            Map.entry(ViewPosition, VR.CS),
            Map.entry(DetectorType, VR.CS),
            Map.entry(StudyInstanceUID, VR.UI),
            Map.entry(SeriesInstanceUID, VR.UI),
            Map.entry(StudyID, VR.SH),
            Map.entry(SeriesNumber, VR.IS),
            Map.entry(AcquisitionNumber, VR.IS),
            Map.entry(InstanceNumber, VR.IS),
            Map.entry(PatientOrientation, VR.CS),
            Map.entry(ImagePositionPatient, VR.DS),
            Map.entry(ImageOrientationPatient, VR.DS),
            Map.entry(FrameOfReferenceUID, VR.UI),
            Map.entry(Laterality, VR.CS),
            Map.entry(ImageLaterality, VR.CS),
            Map.entry(SliceLocation, VR.DS),
            Map.entry(PlanePositionSequence, VR.SQ),
            Map.entry(PlaneOrientationSequence, VR.SQ),
            Map.entry(SamplesPerPixel, VR.US),
            Map.entry(PhotometricInterpretation, VR.CS),
            Map.entry(PlanarConfiguration, VR.US),
            Map.entry(NumberOfFrames, VR.IS),
            Map.entry(FrameIncrementPointer, VR.AT),
            Map.entry(Rows, VR.US),
            Map.entry(Columns, VR.US),
            Map.entry(PixelSpacing, VR.DS),
            Map.entry(PixelAspectRatio, VR.IS),
            Map.entry(BitsAllocated, VR.US),
            Map.entry(BitsStored, VR.US),
            Map.entry(HighBit, VR.US),
            Map.entry(PixelRepresentation, VR.US),
            Map.entry(PixelPaddingValue, VR.US),
            Map.entry(PixelIntensityRelationship, VR.CS),
            Map.entry(PixelIntensityRelationshipSign, VR.SS),
            Map.entry(WindowCenter, VR.DS),
            Map.entry(WindowWidth, VR.DS),
            Map.entry(RescaleIntercept, VR.DS),
            Map.entry(RescaleSlope, VR.DS),
            Map.entry(RescaleType, VR.LO),
            Map.entry(VOILUTFunction, VR.CS),
            Map.entry(LossyImageCompression, VR.CS),
            Map.entry(ModalityLUTSequence, VR.SQ),
            Map.entry(LUTDescriptor, VR.US),
            Map.entry(LUTData, VR.OW),
            Map.entry(VOILUTSequence, VR.SQ),
            Map.entry(PixelMeasuresSequence, VR.SQ),
            Map.entry(FrameVOILUTSequence, VR.SQ),
            Map.entry(PixelValueTransformationSequence, VR.SQ),
            Map.entry(RequestedProcedureCodeSequence, VR.SQ),
            Map.entry(ChannelDefinitionSequence, VR.SQ),
            Map.entry(RequestAttributesSequence, VR.SQ),
            Map.entry(ValueType, VR.CS),
            Map.entry(ConceptNameCodeSequence, VR.SQ),
            Map.entry(TextValue, VR.UT),
            Map.entry(ContentSequence, VR.SQ),
            Map.entry(ViewCodeSequence, VR.SQ),
            Map.entry(IconImageSequence, VR.SQ),
            Map.entry(GridFrameOffsetVector, VR.DS),
            Map.entry(DoseGridScaling, VR.DS),
            Map.entry(StructureSetROISequence, VR.SQ),
            Map.entry(ReferencedFrameOfReferenceSequence, VR.SQ),
            Map.entry(RTReferencedStudySequence, VR.SQ),
            Map.entry(RTReferencedSeriesSequence, VR.SQ),
            Map.entry(ContourImageSequence, VR.SQ),
            Map.entry(ROIContourSequence, VR.SQ),
            Map.entry(ContourSequence, VR.SQ),
            Map.entry(ContourData, VR.DS),
            Map.entry(RTROIObservationsSequence, VR.SQ),
            Map.entry(DoseReferenceSequence, VR.SQ),
            Map.entry(ToleranceTableSequence, VR.SQ),
            Map.entry(FractionGroupSequence, VR.SQ),
            Map.entry(BeamSequence, VR.SQ),
            Map.entry(BeamLimitingDeviceSequence, VR.SQ),
            Map.entry(ControlPointSequence, VR.SQ),
            Map.entry(BeamLimitingDevicePositionSequence, VR.SQ),
            Map.entry(PatientSetupSequence, VR.SQ),
            Map.entry(ReferencedRTPlanSequence, VR.SQ),
            Map.entry(ReferencedBeamSequence, VR.SQ),
            Map.entry(SharedFunctionalGroupsSequence, VR.SQ),
            Map.entry(PerFrameFunctionalGroupsSequence, VR.SQ),
            Map.entry(WaveformSequence, VR.SQ),
            Map.entry(WaveformData, VR.OW),
            Map.entry(ExtendedOffsetTable, VR.OV),
            Map.entry(ExtendedOffsetTableLengths, VR.OV),
            Map.entry(FloatPixelData, VR.OF),
            Map.entry(DoubleFloatPixelData, VR.OD),
            Map.entry(PixelData, VR.OW),
            Map.entry(DataSetTrailingPadding, VR.OB));
    // END GENERATED

    /** Group number of the file meta information (not public: not a tag, kept out of the keyword map). */
    static final int FILE_META_GROUP = FileMetaInformationGroupLength >>> 16;

    private static final Map<Integer, String> KEYWORDS = new HashMap<>();

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
