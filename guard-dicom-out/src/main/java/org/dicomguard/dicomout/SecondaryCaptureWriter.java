package org.dicomguard.dicomout;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.LibraryVersion;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a Secondary Capture Image (PS3.3 A.8.1) of a review picture for viewers that do not
 * render SR: 8-bit RGB, the study's Patient and General Study modules copied like the SR's, new
 * series and instance UIDs, and every source image in SourceImageSequence. Generic over the
 * picture: any {@link BufferedImage} (see {@link ReviewPicture}). Immutable and thread-safe.
 */
public final class SecondaryCaptureWriter {
    /** Secondary Capture Image Storage. */
    public static final String SECONDARY_CAPTURE_SOP_CLASS_UID = "1.2.840.10008.5.1.4.1.1.7";
    /** The series number of review pictures. */
    public static final int SERIES_NUMBER = 9902;
    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");

    private final Clock clock;

    /** @param clock dates the object */
    public SecondaryCaptureWriter(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A writer dated by the system clock. */
    public SecondaryCaptureWriter() {
        this(Clock.systemDefaultZone());
    }

    /**
     * @param picture       the review picture, not modified
     * @param result        the study's result (its StudyInstanceUID and bundle id), not modified
     * @param sourceHeaders headers of the study's source images, not modified
     * @return the SC data set
     */
    public Attributes secondaryCapture(BufferedImage picture, GuardResult result, List<Attributes> sourceHeaders) {
        SourceStudy study = SourceStudy.of(result.studyInstanceUidIfKnown(), List.copyOf(sourceHeaders));
        ZonedDateTime now = ZonedDateTime.now(clock);
        int rows = picture.getHeight();
        int columns = picture.getWidth();
        if ((long) rows * columns * 3 > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("picture of " + columns + " x " + rows + " pixels is too large");
        }
        byte[] rgb = new byte[rows * columns * 3];
        int[] line = new int[columns];
        for (int y = 0, k = 0; y < rows; y++) {
            picture.getRGB(0, y, columns, 1, line, 0, columns);
            for (int x = 0; x < columns; x++, k += 3) {
                rgb[k] = (byte) (line[x] >>> 16);
                rgb[k + 1] = (byte) (line[x] >>> 8);
                rgb[k + 2] = (byte) line[x];
            }
        }
        AttributesBuilder b = Attributes.builder().putString(Tag.SpecificCharacterSet, VR.CS, study.characterSetTerm());
        b.putString(Tag.SOPClassUID, VR.UI, SECONDARY_CAPTURE_SOP_CLASS_UID)
                .putString(Tag.SOPInstanceUID, VR.UI, DicomUids.random())
                .putString(Tag.InstanceCreationDate, VR.DA, DA.format(now))
                .putString(Tag.InstanceCreationTime, VR.TM, TM.format(now))
                .putString(Tag.ImageType, VR.CS, "DERIVED", "SECONDARY");
        study.putPatientAndStudy(b);
        b.putString(Tag.Modality, VR.CS, "OT")
                .putString(Tag.SeriesInstanceUID, VR.UI, DicomUids.random())
                .putInts(Tag.SeriesNumber, VR.IS, SERIES_NUMBER)
                .putString(Tag.SeriesDescription, VR.LO, "DICOM Guard AI review")
                // Type 2C; a study picture may show both sides, so unknown (empty) rather than R or L.
                .putString(Tag.Laterality, VR.CS)
                .putString(Tag.Manufacturer, VR.LO, StructuredReportWriter.MANUFACTURER)
                .putString(Tag.ManufacturerModelName, VR.LO, result.bundleId())
                .putString(Tag.SoftwareVersions, VR.LO, LibraryVersion.get())
                .putString(SrTags.ConversionType, VR.CS, "WSD")
                .putInts(Tag.InstanceNumber, VR.IS, 1)
                .putString(Tag.PatientOrientation, VR.CS)
                .putString(Tag.ContentDate, VR.DA, DA.format(now))
                .putString(Tag.ContentTime, VR.TM, TM.format(now))
                .putString(Tag.DerivationDescription, VR.ST, "DICOM Guard review picture: mask outline, crop, "
                        + "probabilities")
                .putString(Tag.LossyImageCompression, VR.CS, "00")
                .putImagePixelModule(new ImageDescriptor(rows, columns, 3, 8, 8, 0, "RGB", 0))
                .putPixelData(rgb);
        List<Attributes> sources = new ArrayList<>();
        for (SourceStudy.ImageRef ref : study.images()) {
            sources.add(b.itemBuilder().putString(Tag.ReferencedSOPClassUID, VR.UI, ref.sopClassUid())
                    .putString(Tag.ReferencedSOPInstanceUID, VR.UI, ref.sopInstanceUid()).build());
        }
        if (!sources.isEmpty()) {
            b.putSequence(Tag.SourceImageSequence, sources);
        }
        return b.build();
    }
}
