package org.dicomguard.core.synthetic;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.task.chestct.CtSliceInput;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * Builds the complete data set of one synthetic image or CT slice: identity (synthetic patient
 * markers, UIDs), equipment, the image pixel module and the geometry the pipeline reads.
 *
 * <p>Design note: every value is a function of the pack options and the generator output, never
 * of the clock or the host, so equal options give byte-identical files. UIDs live under the
 * UUID-derived root {@code 2.25} (ISO/IEC 9834-8) with a 128-bit seeded value: at most 44
 * characters, digits and dots only.
 */
final class SyntheticDicomHeaders {

    private static final String MANUFACTURER = "DICOM Guard synthetic";
    private static final String STUDY_TIME = "090000";

    private SyntheticDicomHeaders() {
    }

    /**
     * Identity values shared by every file of one study.
     *
     * @param studyIndex        index of the study in the pack (folder and marker number)
     * @param studyInstanceUid  StudyInstanceUID
     * @param seriesInstanceUid SeriesInstanceUID
     * @param studyDate         StudyDate YYYYMMDD
     * @param patientSex        PatientSex: F for mammography, O otherwise
     * @param markers           synthetic patient identifiers
     */
    record StudyIdentity(int studyIndex, String studyInstanceUid, String seriesInstanceUid, String studyDate,
                         String patientSex, SyntheticPackPatientMarkers markers) {
    }

    /**
     * @param seed    pack seed
     * @param stream  what the UID is for (study, series, instance, frame of reference)
     * @param index   study index
     * @param item    image index inside the study, 0 when not applicable
     * @return a seeded UID {@code 2.25.<decimal of 128 bits>}
     */
    static String uid(long seed, int stream, int index, int item) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + stream * 0x632BE59BD9B4E019L
                + index * 0xBF58476D1CE4E5B9L + item * 0x94D049BB133111EBL);
        byte[] bytes = new byte[16];
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return "2.25." + new BigInteger(1, bytes);
    }

    /**
     * @param identity       study identity
     * @param header         the generator's header of the image
     * @param storedValues   stored pixel values, row-major, not modified
     * @param sopInstanceUid SOPInstanceUID of this image
     * @param instanceNumber InstanceNumber, 1-based
     * @return the data set of a projection image (MG, DX or a CT-like slice offered as mammography)
     */
    static Attributes projectionImage(StudyIdentity identity, SyntheticImageHeader header, short[] storedValues,
                                      String sopInstanceUid, int instanceNumber) {
        boolean projection = !"CT".equals(header.modality());
        AttributesBuilder b = common(identity, header.sopClassUid(), sopInstanceUid, header.modality(),
                header.bodyPartExamined(), instanceNumber,
                projection ? new String[] {"ORIGINAL", "PRIMARY"} : new String[] {"ORIGINAL", "PRIMARY", "AXIAL"});
        if (projection) {
            b.putString(Tag.PresentationIntentType, VR.CS, "FOR PRESENTATION");
            b.putString(Tag.ViewPosition, VR.CS, header.viewPosition());
            b.putString(Tag.ImageLaterality, VR.CS, header.imageLaterality());
            b.putDoubles(Tag.ImagerPixelSpacing, VR.DS, header.pixelSpacingRowMm(), header.pixelSpacingColumnMm());
            b.putString(Tag.PixelIntensityRelationship, VR.CS, "LOG");
            b.putString(Tag.RescaleType, VR.LO, "US");
        } else {
            b.putString(Tag.RescaleType, VR.LO, "HU");
        }
        b.putDoubles(Tag.PixelSpacing, VR.DS, header.pixelSpacingRowMm(), header.pixelSpacingColumnMm());
        pixelModule(b, header.rows(), header.columns(), header.bitsStored(), header.pixelRepresentation(),
                header.photometricInterpretation(), header.rescaleSlope(), header.rescaleIntercept());
        b.putPixelData(storedValues);
        return b.build();
    }

    /**
     * @param identity                  study identity (series UID from the generator)
     * @param slice                     the generator's slice, pixels not modified
     * @param bodyPartExamined          BodyPartExamined of the study
     * @param photometricInterpretation PhotometricInterpretation of the study
     * @param frameOfReferenceUid       FrameOfReferenceUID shared by the series
     * @return the data set of one CT slice
     */
    static Attributes ctSlice(StudyIdentity identity, CtSliceInput slice, String bodyPartExamined,
                              String photometricInterpretation, String frameOfReferenceUid) {
        AttributesBuilder b = common(identity, SyntheticImageHeader.CT_IMAGE_STORAGE, slice.sopInstanceUid(), "CT",
                bodyPartExamined, slice.instanceNumber(), new String[] {"ORIGINAL", "PRIMARY", "AXIAL"});
        b.putDoubles(Tag.SliceThickness, VR.DS, slice.sliceThicknessMm());
        b.putDoubles(Tag.KVP, VR.DS, 120);
        b.putDoubles(Tag.SpacingBetweenSlices, VR.DS, slice.sliceThicknessMm());
        b.putString(Tag.PatientPosition, VR.CS, "HFS");
        b.putDoubles(Tag.ImagePositionPatient, VR.DS, slice.imagePositionPatientMm());
        b.putDoubles(Tag.ImageOrientationPatient, VR.DS, slice.imageOrientationPatient());
        b.putString(Tag.FrameOfReferenceUID, VR.UI, frameOfReferenceUid);
        b.putDoubles(Tag.SliceLocation, VR.DS, slice.imagePositionPatientMm()[2]);
        b.putDoubles(Tag.PixelSpacing, VR.DS, slice.pixelSpacingMm());
        b.putString(Tag.RescaleType, VR.LO, "HU");
        // Unsigned storage is clamped to 12 bits by the generator; signed storage uses all 16.
        int bitsStored = slice.pixelRepresentation() == 0 ? 12 : 16;
        pixelModule(b, slice.rows(), slice.columns(), bitsStored, slice.pixelRepresentation(),
                photometricInterpretation, slice.rescaleSlope(), slice.rescaleInterceptHu());
        b.putPixelData(slice.storedValues());
        return b.build();
    }

    private static AttributesBuilder common(StudyIdentity id, String sopClassUid, String sopInstanceUid,
                                            String modality, String bodyPartExamined, int instanceNumber,
                                            String[] imageType) {
        SyntheticPackPatientMarkers m = id.markers();
        AttributesBuilder b = Attributes.builder();
        b.putString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        b.putString(Tag.ImageType, VR.CS, imageType);
        b.putString(Tag.SOPClassUID, VR.UI, sopClassUid);
        b.putString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        b.putString(Tag.StudyDate, VR.DA, id.studyDate());
        b.putString(Tag.SeriesDate, VR.DA, id.studyDate());
        b.putString(Tag.ContentDate, VR.DA, id.studyDate());
        b.putString(Tag.StudyTime, VR.TM, STUDY_TIME);
        b.putString(Tag.SeriesTime, VR.TM, STUDY_TIME);
        b.putString(Tag.ContentTime, VR.TM, STUDY_TIME);
        b.putString(Tag.AccessionNumber, VR.SH, m.accessionNumber(id.studyIndex()));
        b.putString(Tag.Modality, VR.CS, modality);
        b.putString(Tag.Manufacturer, VR.LO, MANUFACTURER);
        b.putString(Tag.ReferringPhysicianName, VR.PN, "");
        b.putString(Tag.StudyDescription, VR.LO, "DICOM Guard synthetic study");
        b.putString(Tag.PatientName, VR.PN, m.patientName(id.studyIndex()));
        b.putString(Tag.PatientID, VR.LO, m.patientId(id.studyIndex()));
        b.putString(Tag.PatientBirthDate, VR.DA, m.patientBirthDate());
        b.putString(Tag.PatientSex, VR.CS, id.patientSex());
        if (!bodyPartExamined.isEmpty()) {
            b.putString(Tag.BodyPartExamined, VR.CS, bodyPartExamined);
        }
        b.putString(Tag.StudyInstanceUID, VR.UI, id.studyInstanceUid());
        b.putString(Tag.SeriesInstanceUID, VR.UI, id.seriesInstanceUid());
        b.putString(Tag.StudyID, VR.SH, Integer.toString(id.studyIndex()));
        b.putInts(Tag.SeriesNumber, VR.IS, 1);
        b.putInts(Tag.InstanceNumber, VR.IS, instanceNumber);
        return b;
    }

    private static void pixelModule(AttributesBuilder b, int rows, int columns, int bitsStored,
                                    int pixelRepresentation, String photometricInterpretation, double rescaleSlope,
                                    double rescaleIntercept) {
        b.putImagePixelModule(ImageDescriptor.monochrome(rows, columns, 16, bitsStored, pixelRepresentation,
                photometricInterpretation));
        b.putDoubles(Tag.RescaleIntercept, VR.DS, rescaleIntercept);
        b.putDoubles(Tag.RescaleSlope, VR.DS, rescaleSlope);
    }
}
