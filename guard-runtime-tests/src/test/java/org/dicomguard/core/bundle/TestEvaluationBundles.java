package org.dicomguard.core.bundle;

import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.inference.OnnxTestModels;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.InputStatistic;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.dicomguard.core.synthetic.SyntheticImageHeader;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfile;
import org.dicomguard.ood.profile.ReferenceProfileJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The bundle of the evaluation, golden and review tests (named apart from the Pipeline's own
 * shared test bundle, because these tests also need reference metrics and DICOM files written
 * with patient identifiers). A valid, small mammography bundle that {@code Pipeline.build()} accepts: a linear ONNX model
 * over the Pipeline's real [-1, 4, H, W] input (H x W = 32 x 26), two pathologies ("mass",
 * "calcification", thresholds 0.5), and an OOD profile fitted with {@link ProfileFitter} on the
 * statistics the Pipeline's own preprocessing computes for synthetic breast images.
 *
 * <p>The model's weights are seeded noise, so its AUC is meaningless; tests use it for mechanics.
 * Images are {@link #IMAGE_SIZE} so a study runs in milliseconds.
 */
public final class TestEvaluationBundles {

    /** Size of the synthetic images the tests write. */
    public static final MammographySyntheticSize IMAGE_SIZE = MammographySyntheticSize.fixed(256, 208);
    /** Preprocessing config of the bundle: a tiny model input. */
    public static final MammographyPreprocessingConfig CONFIG = MammographyPreprocessingConfig.defaults()
            .toBuilder().modelInputWidthPixels(26).modelInputHeightPixels(32).build();
    /** Patient name written into every test file, so tests can check it never leaks into names or logs. */
    public static final String PATIENT_NAME = "Doe^Jane";
    /** Patient id written into every test file. */
    public static final String PATIENT_ID = "PID-12345";
    /**
     * Pixel spacing written into test files: the small synthetic images come with about 0.9 mm,
     * which the mammography header rules reject (0.02 to 0.3 mm), so files claim 0.2 mm and the
     * profile is fitted with the same value.
     */
    public static final double PIXEL_SPACING_MM = 0.2;
    /** Pathology codes of the bundle, in output order. */
    public static final List<String> CODES = List.of("mass", "calcification");

    private TestEvaluationBundles() {
    }

    /** @return the generator used for packs and for the profile: half the studies carry each pathology */
    public static MammographySyntheticGenerator generator() {
        return new MammographySyntheticGenerator(MammographySyntheticOptions.defaults().withImageSize(IMAGE_SIZE)
                .withMassPrevalenceFraction(0.5).withCalcificationPrevalenceFraction(0.5));
    }

    /**
     * @param auc    reference AUC of both pathologies
     * @param margin non-inferiority margin
     * @return reference metrics with a tight interval around {@code auc}
     */
    public static BundleManifest.ReferenceMetrics referenceMetrics(double auc, double margin) {
        List<BundleManifest.ReferenceAuc> list = new ArrayList<>();
        for (String code : CODES) {
            list.add(new BundleManifest.ReferenceAuc(code, 100, 50, auc, Math.max(0, auc - 0.05), Math.min(1, auc + 0.05)));
        }
        return new BundleManifest.ReferenceMetrics("unit test pack", margin, list);
    }

    /**
     * Writes the bundle into {@code folder}.
     *
     * @param folder  created if absent
     * @param metrics reference metrics to record
     * @return the written manifest
     * @throws IOException when a file cannot be written
     */
    public static BundleManifest write(Path folder, BundleManifest.ReferenceMetrics metrics) throws IOException {
        String fingerprint = StrictJson.fingerprint(CONFIG);
        BundleManifest template = new BundleManifest(1, "test-mammography-1", new org.dicomguard.core.task.mammography.MammographyTask(),
                new BundleManifest.ModelSpec("model.onnx", TestBundles.ZERO_SHA, "image",
                        List.of(-1L, 4L, (long) CONFIG.modelInputHeightPixels(), (long) CONFIG.modelInputWidthPixels()),
                        "probabilities", List.of(-1L, 2L)),
                List.of(new BundleManifest.PathologySpec("mass", "Mass", 0, 0.5f),
                        new BundleManifest.PathologySpec("calcification", "Calcification", 1, 0.5f)),
                new BundleManifest.AnyPathologySpec("max", -1),
                CONFIG, fingerprint, org.dicomguard.ood.rules.HeaderRuleSet.mammography().withPixelSpacingRangeMm(0.02, 2.0),
                new BundleManifest.FileRef("ood-profile.json", TestBundles.ZERO_SHA), metrics);
        return BundleWriter.write(folder, template, model(fingerprint),
                ReferenceProfileJson.toJson(profile()).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] model(String fingerprint) {
        int features = 4 * CONFIG.modelInputHeightPixels() * CONFIG.modelInputWidthPixels();
        float[] w = new float[features * 2];
        Random random = new Random(11);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (random.nextGaussian() * 0.02);
        }
        return OnnxTestModels.linear("image", new long[]{-1, 4, CONFIG.modelInputHeightPixels(),
                CONFIG.modelInputWidthPixels()}, "probabilities", 2, w, true,
                Map.of(ModelBundle.FINGERPRINT_METADATA_KEY, fingerprint));
    }

    /**
     * Fits the per-image profile on 30 synthetic studies (120 views) of another seed than the packs,
     * then widens the threshold threefold: the tests need in-distribution studies accepted
     * deterministically (gate calibration itself is tested in guard-ood).
     */
    private static ReferenceProfile profile() {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(CONFIG);
        List<InputStatistics> rows = new ArrayList<>();
        for (MammographySyntheticStudy study : generator().studies(9000, 30)) {
            for (MammographySyntheticImage view : study.views()) {
                MammographyPreprocessed p = preprocessor.preprocess(input(view));
                InputStatistics.Builder b = InputStatistics.builder();
                for (InputStatistic s : p.statistics()) {
                    b.add(s.name(), s.unit(), s.value());
                }
                rows.add(b.build());
            }
        }
        ReferenceProfile fitted = ProfileFitter.fit(rows, 0.5, 5, 0.05);
        return ReferenceProfile.create(fitted.featureSpecs(), fitted.mean(), fitted.covariance(),
                fitted.shrinkageIntensity(), fitted.thresholdDistance() * 3, fitted.targetFalseRejectRate(),
                fitted.fitCount(), fitted.calibrationCount(), fitted.calibrationSummary(), fitted.driftReference());
    }

    /**
     * @param image a synthetic image
     * @return its preprocessing input with the pixel spacing the test files carry
     */
    public static MammographyImageInput input(MammographySyntheticImage image) {
        SyntheticImageHeader h = image.header();
        return new MammographyImageInput(h.rows(), h.columns(), image.storedValues(), h.bitsStored(),
                h.pixelRepresentation(), h.photometricInterpretation(), h.rescaleSlope(), h.rescaleIntercept(),
                h.imageLaterality(), h.viewPosition(), PIXEL_SPACING_MM, PIXEL_SPACING_MM);
    }

    /**
     * Writes one synthetic image as a DICOM file with patient identifiers set.
     *
     * @param file            target file
     * @param image           the image
     * @param header          header to write (e.g. {@code image.header().asMammography(..)}); the pixel
     *                        spacing written is always {@link #PIXEL_SPACING_MM}
     * @param studyInstanceUid study UID
     * @param instanceNumber  1-based number, also used in the SOP instance UID
     * @throws IOException when the file cannot be written
     */
    public static void writeDicom(Path file, MammographySyntheticImage image, SyntheticImageHeader header,
                                  String studyInstanceUid, int instanceNumber) throws IOException {
        Attributes data = Attributes.builder()
                .putString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192")
                .putString(Tag.SOPClassUID, VR.UI, header.sopClassUid())
                .putString(Tag.SOPInstanceUID, VR.UI, studyInstanceUid + "." + instanceNumber)
                .putString(Tag.StudyInstanceUID, VR.UI, studyInstanceUid)
                .putString(Tag.SeriesInstanceUID, VR.UI, studyInstanceUid + ".1")
                .putString(Tag.PatientName, VR.PN, PATIENT_NAME)
                .putString(Tag.PatientID, VR.LO, PATIENT_ID)
                .putString(Tag.Modality, VR.CS, header.modality())
                .putString(Tag.Manufacturer, VR.LO, header.manufacturer())
                .putString(Tag.BodyPartExamined, VR.CS, header.bodyPartExamined())
                .putString(Tag.ImageLaterality, VR.CS, header.imageLaterality())
                .putString(Tag.ViewPosition, VR.CS, header.viewPosition())
                .putInts(Tag.InstanceNumber, VR.IS, instanceNumber)
                .putImagePixelModule(ImageDescriptor.monochrome(header.rows(), header.columns(), 16,
                        header.bitsStored(), header.pixelRepresentation(), header.photometricInterpretation()))
                .putDoubles(Tag.PixelSpacing, VR.DS, PIXEL_SPACING_MM, PIXEL_SPACING_MM)
                .putDoubles(Tag.RescaleSlope, VR.DS, header.rescaleSlope())
                .putDoubles(Tag.RescaleIntercept, VR.DS, header.rescaleIntercept())
                .putPixelData(image.storedValues())
                .build();
        DicomWriter.write(file, data);
    }
}
