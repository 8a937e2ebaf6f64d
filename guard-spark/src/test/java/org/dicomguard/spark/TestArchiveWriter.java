package org.dicomguard.spark;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.dicomguard.core.synthetic.SyntheticImageHeader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes a small synthetic mammography archive as Part-10 files at the image size the test
 * bundle's profile was fitted for ({@link SparkTestBundles#OPTIONS}), so in-distribution
 * studies get predictions: {@code study-NNNN/image-K.dcm} and {@code labels.csv}
 * ({@code studyInstanceUid,mass,calcification}). Studies alternate over two StudyDates and two
 * InstitutionNames so drift has more than one cell. Test fixture only; no patient values at all.
 */
final class TestArchiveWriter {

    static final String LABELS_FILE = "labels.csv";
    static final List<String> DAYS = List.of("20240102", "20240103");
    static final List<String> SITES = List.of("Site A", "Site B");

    private TestArchiveWriter() {
    }

    /**
     * @param folder      target folder
     * @param seed        generator seed
     * @param labelled    in-distribution labelled studies
     * @param oodKinds    one extra two-image study per kind (CC and MLO of the left side), unlabelled
     * @return the folder
     */
    static Path write(Path folder, long seed, int labelled, List<MammographySyntheticKind> oodKinds) throws IOException {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(SparkTestBundles.OPTIONS);
        StringBuilder labels = new StringBuilder("studyInstanceUid,mass,calcification\n");
        int index = 0;
        for (MammographySyntheticStudy study : generator.studies(seed, labelled)) {
            String uid = studyUid(seed, index);
            writeStudy(folder, index, uid, study.views().stream().map(v -> v.header()).toList(),
                    study.views().stream().map(MammographySyntheticImage::storedValues).toList());
            labels.append(uid).append(',').append(study.label("mass")).append(',').append(study.label("calcification"))
                    .append('\n');
            index++;
        }
        for (MammographySyntheticKind kind : oodKinds) {
            MammographySyntheticImage cc = generator.image(kind, seed + 1000 + index);
            MammographySyntheticImage mlo = generator.image(kind, seed + 2000 + index);
            writeStudy(folder, index, studyUid(seed, index), List.of(asLeft(cc.header(), "CC"), asLeft(mlo.header(), "MLO")),
                    List.of(cc.storedValues(), mlo.storedValues()));
            index++;
        }
        Files.writeString(folder.resolve(LABELS_FILE), labels.toString(), StandardCharsets.UTF_8);
        return folder;
    }

    private static SyntheticImageHeader asLeft(SyntheticImageHeader header, String view) {
        return "MG".equals(header.modality()) ? header.asMammography("L", view) : header;
    }

    private static String studyUid(long seed, int index) {
        return "2.25." + Math.abs(seed % 100000) + "1" + String.format(Locale.ROOT, "%05d", index);
    }

    private static void writeStudy(Path folder, int index, String studyUid, List<SyntheticImageHeader> headers,
                                   List<short[]> pixels) throws IOException {
        Path study = Files.createDirectories(folder.resolve(String.format(Locale.ROOT, "study-%04d", index)));
        for (int i = 0; i < headers.size(); i++) {
            Attributes dataSet = dataSet(headers.get(i), pixels.get(i), studyUid, studyUid + ".1", studyUid + ".1." + (i + 1),
                    i + 1, DAYS.get(index % DAYS.size()), SITES.get((index / 2) % SITES.size()));
            DicomWriter.write(study.resolve("image-" + (i + 1) + ".dcm"), dataSet);
        }
    }

    private static Attributes dataSet(SyntheticImageHeader h, short[] pixels, String studyUid, String seriesUid,
                                      String sopInstanceUid, int instanceNumber, String day, String site) {
        AttributesBuilder b = Attributes.builder();
        b.putString(Tag.SOPClassUID, VR.UI, h.sopClassUid());
        b.putString(Tag.SOPInstanceUID, VR.UI, sopInstanceUid);
        b.putString(Tag.StudyDate, VR.DA, day);
        b.putString(Tag.Modality, VR.CS, h.modality());
        b.putString(Tag.Manufacturer, VR.LO, h.manufacturer());
        b.putString(Tag.InstitutionName, VR.LO, site);
        if (!h.bodyPartExamined().isEmpty()) {
            b.putString(Tag.BodyPartExamined, VR.CS, h.bodyPartExamined());
        }
        b.putString(Tag.StudyInstanceUID, VR.UI, studyUid);
        b.putString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
        b.putInts(Tag.InstanceNumber, VR.IS, instanceNumber);
        if (!"CT".equals(h.modality())) {
            b.putString(Tag.PresentationIntentType, VR.CS, "FOR PRESENTATION");
            b.putString(Tag.ViewPosition, VR.CS, h.viewPosition());
            b.putString(Tag.ImageLaterality, VR.CS, h.imageLaterality());
            b.putDoubles(Tag.ImagerPixelSpacing, VR.DS, h.pixelSpacingRowMm(), h.pixelSpacingColumnMm());
        }
        b.putDoubles(Tag.PixelSpacing, VR.DS, h.pixelSpacingRowMm(), h.pixelSpacingColumnMm());
        b.putImagePixelModule(ImageDescriptor.monochrome(h.rows(), h.columns(), 16, h.bitsStored(),
                h.pixelRepresentation(), h.photometricInterpretation()));
        b.putDoubles(Tag.RescaleIntercept, VR.DS, h.rescaleIntercept());
        b.putDoubles(Tag.RescaleSlope, VR.DS, h.rescaleSlope());
        b.putPixelData(pixels);
        return b.build();
    }
}
