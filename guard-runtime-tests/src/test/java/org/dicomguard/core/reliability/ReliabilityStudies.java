package org.dicomguard.core.reliability;

import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.dicomguard.core.synthetic.SyntheticImageHeader;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic mammography studies as Part-10 files for the reliability tests (also used by
 * the samples module's tests through the guard-core test-jar), with the four
 * patient identifiers set to caller-chosen marker values so a test can search every output for
 * them. Studies are generated at {@link TestMammographyBundles#OPTIONS}, so they pass the test
 * bundle's gate and reach the model.
 */
public final class ReliabilityStudies {

    /** The synthetic patient identifiers written into every file. */
    public record Markers(String patientName, String patientId, String patientBirthDate, String accessionNumber) {
        /** @return the four values, for searching outputs */
        public List<String> all() {
            return List.of(patientName, patientId, patientBirthDate, accessionNumber);
        }

        /** Markers unlikely to occur by chance in any output (the birth date is a valid DA). */
        public static Markers distinctive() {
            return new Markers("ZZMARKER^QUOKKA", "PIDXQ7731", "18610317", "ACCQZ4420");
        }
    }

    /**
     * The mammography header rules with the pixel spacing range widened to 2 mm: the test bundle's
     * small synthetic studies (320 x 256) carry a proportionally coarser spacing than the
     * mammography preset accepts, and these tests need them to reach the model.
     */
    public static final HeaderRuleSet RULES = HeaderRuleSet.mammography().withPixelSpacingRangeMm(0.02, 2.0);

    private ReliabilityStudies() {
    }

    /** @return a seeded UID under the UUID-derived root 2.25 */
    static String uid(long seed, int index, int item) {
        return "2.25." + Long.toUnsignedString(seed * 1_000_003L + index * 101L + item) + "1";
    }

    /**
     * Writes the four views of one in-distribution study into {@code folder}.
     *
     * @return the written files, in view order
     */
    public static List<Path> writeStudy(Path folder, long seed, int index, Markers markers) throws IOException {
        MammographySyntheticStudy study = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                .study(seed, index);
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        String studyUid = uid(seed, index, 0);
        for (int v = 0; v < study.views().size(); v++) {
            Path file = folder.resolve("view-" + (v + 1) + ".dcm");
            DicomWriter.write(file, image(study.views().get(v), studyUid, uid(seed, index, v + 1), v + 1, markers));
            files.add(file);
        }
        return files;
    }

    /** @return the data set of one synthetic view with the study's identity and the markers */
    static Attributes image(MammographySyntheticImage view, String studyUid, String sopInstanceUid, int instanceNumber,
                            Markers markers) {
        return image(view, studyUid, sopInstanceUid, instanceNumber, markers, view.header().pixelSpacingRowMm(),
                view.header().pixelSpacingColumnMm());
    }

    /** As {@link #image(MammographySyntheticImage, String, String, int, Markers)} with a chosen PixelSpacing. */
    static Attributes image(MammographySyntheticImage view, String studyUid, String sopInstanceUid, int instanceNumber,
                            Markers markers, double pixelSpacingRowMm, double pixelSpacingColumnMm) {
        return image(view, studyUid, sopInstanceUid, instanceNumber, markers, pixelSpacingRowMm, pixelSpacingColumnMm,
                b -> { });
    }

    /**
     * As {@link #image(MammographySyntheticImage, String, String, int, Markers)}, then {@code tweak}
     * (a later put of a tag replaces the earlier value; an empty string makes it absent to readers).
     */
    public static Attributes image(MammographySyntheticImage view, String studyUid, String sopInstanceUid,
                                   int instanceNumber, Markers markers,
                                   java.util.function.Consumer<AttributesBuilder> tweak) {
        return image(view, studyUid, sopInstanceUid, instanceNumber, markers, view.header().pixelSpacingRowMm(),
                view.header().pixelSpacingColumnMm(), tweak);
    }

    private static Attributes image(MammographySyntheticImage view, String studyUid, String sopInstanceUid,
                                    int instanceNumber, Markers markers, double pixelSpacingRowMm,
                                    double pixelSpacingColumnMm, java.util.function.Consumer<AttributesBuilder> tweak) {
        SyntheticImageHeader h = view.header();
        AttributesBuilder b = identity(h.sopClassUid(), sopInstanceUid, studyUid, h.modality(), markers);
        if (!h.bodyPartExamined().isEmpty()) {
            b.putString(Tag.BodyPartExamined, VR.CS, h.bodyPartExamined());
        }
        b.putInts(Tag.InstanceNumber, VR.IS, instanceNumber);
        b.putString(Tag.ViewPosition, VR.CS, h.viewPosition());
        b.putString(Tag.ImageLaterality, VR.CS, h.imageLaterality());
        b.putDoubles(Tag.PixelSpacing, VR.DS, pixelSpacingRowMm, pixelSpacingColumnMm);
        b.putImagePixelModule(ImageDescriptor.monochrome(h.rows(), h.columns(), 16, h.bitsStored(),
                h.pixelRepresentation(), h.photometricInterpretation()));
        b.putDoubles(Tag.RescaleIntercept, VR.DS, h.rescaleIntercept());
        b.putDoubles(Tag.RescaleSlope, VR.DS, h.rescaleSlope());
        b.putPixelData(view.storedValues());
        tweak.accept(b);
        return b.build();
    }

    /** @return a builder holding SOP, study and patient identity (no image module) */
    static AttributesBuilder identity(String sopClassUid, String sopInstanceUid, String studyUid, String modality,
                                      Markers markers) {
        AttributesBuilder b = Attributes.builder();
        b.putString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100");
        b.putString(Tag.SOPClassUID, VR.UI, sopClassUid);
        b.putString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        b.putString(Tag.StudyDate, VR.DA, "20260101");
        b.putString(Tag.AccessionNumber, VR.SH, markers.accessionNumber());
        b.putString(Tag.Modality, VR.CS, modality);
        b.putString(Tag.Manufacturer, VR.LO, "DICOM Guard synthetic");
        b.putString(Tag.PatientName, VR.PN, markers.patientName());
        b.putString(Tag.PatientID, VR.LO, markers.patientId());
        b.putString(Tag.PatientBirthDate, VR.DA, markers.patientBirthDate());
        b.putString(Tag.StudyInstanceUID, VR.UI, studyUid);
        b.putString(Tag.SeriesInstanceUID, VR.UI, studyUid + ".1");
        return b;
    }
}
