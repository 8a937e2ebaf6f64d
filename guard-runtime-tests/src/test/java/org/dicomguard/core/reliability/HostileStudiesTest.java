package org.dicomguard.core.reliability;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.monitoring.PipelineEvent;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile STUDIES (issue 14, parts 1 and 2): well-formed files that do not make one usable study.
 * Each gives its typed result and stable code, decided before inference, under the mammography
 * default composition policy; none gives a prediction with a zero channel or mixed studies.
 */
class HostileStudiesTest {

    private static final long SEED = 4711L;
    private static final ReliabilityStudies.Markers MARKERS = ReliabilityStudies.Markers.distinctive();

    @TempDir
    static Path dir;
    private static Pipeline pipeline;
    private static final List<PipelineEvent> EVENTS = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void openPipeline() throws Exception {
        TestMammographyBundles.write(dir.resolve("bundle"), new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition());
        pipeline = Pipeline.builder(ModelBundle.load(dir.resolve("bundle"))).listener(EVENTS::add).build();
    }

    @AfterAll
    static void closePipeline() {
        pipeline.close();
    }

    /** The four views of synthetic study {@code index}, each changed by its tweak, keyed by view label. */
    static List<Path> study(String name, int index, Map<String, Consumer<AttributesBuilder>> tweaks) throws IOException {
        MammographySyntheticStudy study = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                .study(SEED, index);
        Path folder = Files.createDirectories(dir.resolve(name));
        List<Path> files = new ArrayList<>();
        for (int v = 0; v < study.views().size(); v++) {
            MammographySyntheticImage view = study.views().get(v);
            String label = label(view);
            Path file = folder.resolve(label + ".dcm");
            DicomWriter.write(file, ReliabilityStudies.image(view, ReliabilityStudies.uid(SEED, index, 0),
                    ReliabilityStudies.uid(SEED, index, v + 1), v + 1, MARKERS, tweaks.getOrDefault(label, b -> { })));
            files.add(file);
        }
        return files;
    }

    static String label(MammographySyntheticImage view) {
        return view.header().imageLaterality() + "-" + view.header().viewPosition();
    }

    private static String sop(int index, int view) {
        return ReliabilityStudies.uid(SEED, index, view + 1);
    }

    private static Rejected rejected(GuardResult result, String code) {
        Rejected r = assertInstanceOf(Rejected.class, result, () -> "expected Rejected " + code + ", got " + result);
        assertEquals(code, r.reasons().get(0).code(), r.toString());
        return r;
    }

    private static Failed failed(GuardResult result, String code) {
        Failed f = assertInstanceOf(Failed.class, result, () -> "expected Failed " + code + ", got " + result);
        assertEquals(code, f.errorCode(), f.toString());
        return f;
    }

    private static PipelineEvent lastEvent() {
        return EVENTS.get(EVENTS.size() - 1);
    }

    @Test
    void run_goodStudy_listsFourViewsUsedInModelOrder() throws IOException {
        Prediction p = assertInstanceOf(Prediction.class, pipeline.run(study("good", 0, Map.of())));
        List<String> labels = p.imagesUsed().stream().map(ImageUsed::label).toList();
        assertEquals(List.of("L-CC", "L-MLO", "R-CC", "R-MLO"), labels);
        assertTrue(p.imagesIgnored().isEmpty());
        assertEquals(p, ContractJson.read(ContractJson.write(p)));
    }

    @Test
    void run_twoViewsOfOneStudyAndTwoOfAnother_failedMixedStudiesWithoutUid() throws IOException {
        List<Path> a = study("mixed-a", 1, Map.of());
        List<Path> b = study("mixed-b", 2, Map.of());
        Failed f = failed(pipeline.run(List.of(a.get(0), a.get(1), b.get(2), b.get(3))), "MIXED_STUDIES");
        assertTrue(f.studyInstanceUid().isEmpty(), f.toString());
        assertFalse(lastEvent().stageNanos().containsKey("preprocess"), lastEvent().toString());
    }

    @Test
    void run_invalidStudyUids_failedTypedNeverThrownNeverEchoed() throws IOException {
        List<String> bad = List.of("1.2.ABC", "1.2." + "3".repeat(70), "1..2", "1.02.3", "1.2.");
        for (int i = 0; i < bad.size(); i++) {
            String uid = bad.get(i);
            List<Path> files = study("bad-uid-" + i, 3, Map.of("L-CC", b -> { }, "L-MLO", b -> { }));
            for (Path file : files) {
                // Every file of the study carries the same bad UID (a later put replaces the value).
                rewriteStudyUid(file, uid);
            }
            GuardResult result = pipeline.run(org.dicomguard.core.study.StudyRequest.ofFiles(files)
                    .withRequestKey("req-" + i));
            Failed f = failed(result, "INVALID_STUDY_INSTANCE_UID");
            assertTrue(f.studyInstanceUid().isEmpty());
            assertEquals("req-" + i, f.requestKey().orElseThrow());
            assertFalse(f.message().contains(uid), f.message());
            assertTrue(ContractJson.write(f).endsWith("\"requestKey\":\"req-" + i + "\"}"));
            assertFalse(lastEvent().stageNanos().containsKey("preprocess"), lastEvent().toString());
        }
    }

    private static void rewriteStudyUid(Path file, String uid) throws IOException {
        // Rebuild the same view with another StudyInstanceUID through the generator's tweak hook.
        String name = file.getFileName().toString().replace(".dcm", "");
        int index = 3;
        MammographySyntheticStudy study = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                .study(SEED, index);
        for (int v = 0; v < study.views().size(); v++) {
            if (label(study.views().get(v)).equals(name)) {
                DicomWriter.write(file, ReliabilityStudies.image(study.views().get(v), ReliabilityStudies.uid(SEED,
                        index, 0), sop(index, v), v + 1, MARKERS, b -> b.putString(Tag.StudyInstanceUID, VR.UI, uid)));
            }
        }
    }

    @Test
    void run_missingStudyUid_failedBeforeInference() throws IOException {
        Consumer<AttributesBuilder> noUid = b -> b.putString(Tag.StudyInstanceUID, VR.UI, "");
        List<Path> files = study("no-uid", 4, Map.of("L-CC", noUid, "L-MLO", noUid, "R-CC", noUid, "R-MLO", noUid));
        Failed f = failed(pipeline.run(files), "MISSING_STUDY_INSTANCE_UID");
        assertTrue(f.studyInstanceUid().isEmpty());
        assertFalse(lastEvent().stageNanos().containsKey("inference"), lastEvent().toString());
        assertFalse(lastEvent().stageNanos().containsKey("preprocess"), lastEvent().toString());
    }

    @Test
    void run_threeOfFourViews_rejectedMissingViewNamingIt() throws IOException {
        List<Path> files = study("three-views", 5, Map.of());
        Rejected r = rejected(pipeline.run(files.subList(0, 3)), "MISSING_VIEW");
        assertEquals("R-MLO", r.reasons().get(0).evidence().get(0).name());
        assertTrue(r.reasons().get(0).message().contains("R-MLO"), r.toString());
        assertFalse(lastEvent().stageNanos().containsKey("preprocess"), "decided from headers");
    }

    @Test
    void run_oneViewWithoutViewPosition_rejectedMissingViewNotZeroChannel() throws IOException {
        // Today's failure: the view without ViewPosition became an all-zero channel and the
        // study was predicted (mass 0.027 -> 0.674 in the issue).
        List<Path> files = study("no-view-position", 6,
                Map.of("L-CC", b -> b.putString(Tag.ViewPosition, VR.CS, "")));
        Rejected r = rejected(pipeline.run(files), "MISSING_VIEW");
        assertEquals("L-CC", r.reasons().get(0).evidence().get(0).name());
    }

    @Test
    void run_damagedPixelsOfRequiredView_failedWithReadCodeNamingView() throws IOException {
        List<Path> files = study("damaged-pixels", 7, Map.of());
        Path lcc = files.stream().filter(p -> p.getFileName().toString().startsWith("L-CC")).findFirst().orElseThrow();
        try (FileChannel channel = FileChannel.open(lcc, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(lcc) - 1000);
        }
        Failed f = failed(pipeline.run(files), "TRUNCATED");
        assertTrue(f.message().startsWith("view L-CC"), f.message());
    }

    @Test
    void run_sameSopInstanceUidInTwoViews_rejectedDuplicateImage() throws IOException {
        String lccSop = sop(8, 0);
        List<Path> files = study("same-sop", 8, Map.of("R-CC", b -> b.putString(Tag.SOPInstanceUID, VR.UI, lccSop)));
        rejected(pipeline.run(files), "DUPLICATE_IMAGE");
    }

    @Test
    void run_samePixelsInTwoViews_rejectedDuplicateImage() throws IOException {
        List<Path> files = study("same-pixels", 9, Map.of());
        MammographySyntheticStudy study = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                .study(SEED, 9);
        // L-MLO's header with L-CC's pixels: two views, one image.
        MammographySyntheticImage lcc = study.views().stream().filter(v -> label(v).equals("L-CC")).findFirst()
                .orElseThrow();
        Path lmlo = files.stream().filter(p -> p.getFileName().toString().startsWith("L-MLO")).findFirst()
                .orElseThrow();
        DicomWriter.write(lmlo, ReliabilityStudies.image(lcc, ReliabilityStudies.uid(SEED, 9, 0), "2.25.9001", 9,
                MARKERS, b -> b.putString(Tag.ViewPosition, VR.CS, "MLO")));
        Rejected r = rejected(pipeline.run(files), "DUPLICATE_IMAGE");
        assertTrue(r.reasons().get(0).message().contains("L-CC") && r.reasons().get(0).message().contains("L-MLO"));
    }

    @Test
    void run_imageLateralityContradictsLaterality_rejected() throws IOException {
        List<Path> files = study("laterality-header", 10, Map.of("L-CC", b -> b.putString(Tag.Laterality, VR.CS, "R")));
        rejected(pipeline.run(files), "LATERALITY_CONTRADICTION");
    }

    @Test
    void run_patientOrientationContradictsChestWall_rejectedNamingView() throws IOException {
        // Synthetic left breasts have the chest wall at column 0 ("A\R"), right breasts at the
        // last column ("P\L"). Consistent orientation is accepted; L-CC claiming "P" is refused.
        Map<String, Consumer<AttributesBuilder>> consistent = Map.of(
                "L-CC", b -> b.putString(Tag.PatientOrientation, VR.CS, "A", "R"),
                "L-MLO", b -> b.putString(Tag.PatientOrientation, VR.CS, "A", "FR"),
                "R-CC", b -> b.putString(Tag.PatientOrientation, VR.CS, "P", "L"),
                "R-MLO", b -> b.putString(Tag.PatientOrientation, VR.CS, "P", "FL"));
        assertInstanceOf(Prediction.class, pipeline.run(study("orientation-ok", 11, consistent)));
        Map<String, Consumer<AttributesBuilder>> contradicting = new java.util.HashMap<>(consistent);
        contradicting.put("L-CC", b -> b.putString(Tag.PatientOrientation, VR.CS, "P", "R"));
        Rejected r = rejected(pipeline.run(study("orientation-bad", 11, contradicting)), "LATERALITY_CONTRADICTION");
        assertTrue(r.reasons().get(0).message().startsWith("view L-CC"), r.toString());
    }

    @Test
    void run_repeatedExposureAndExtraViews_laterOneUsedOthersListedWhateverTheOrder() throws IOException {
        List<Path> files = new ArrayList<>(study("repeat", 12, Map.of()));
        MammographySyntheticStudy other = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                .study(SEED, 13);
        MammographySyntheticImage otherLcc = other.views().get(0);
        String studyUid = ReliabilityStudies.uid(SEED, 12, 0);
        // A retake of L-CC acquired later, a FOR PROCESSING L-CC and an ML view.
        Path retake = dir.resolve("repeat").resolve("retake.dcm");
        DicomWriter.write(retake, ReliabilityStudies.image(otherLcc, studyUid, "2.25.1201", 20, MARKERS,
                b -> b.putString(Tag.ContentDate, VR.DA, "20260102").putString(Tag.ContentTime, VR.TM, "101500")));
        Path processing = dir.resolve("repeat").resolve("processing.dcm");
        DicomWriter.write(processing, ReliabilityStudies.image(other.views().get(1), studyUid, "2.25.1202", 21, MARKERS,
                b -> b.putString(Tag.PresentationIntentType, VR.CS, "FOR PROCESSING").putString(Tag.ContentDate,
                        VR.DA, "20270101")));
        Path ml = dir.resolve("repeat").resolve("ml.dcm");
        DicomWriter.write(ml, ReliabilityStudies.image(other.views().get(2), studyUid, "2.25.1203", 22, MARKERS,
                b -> b.putString(Tag.ViewPosition, VR.CS, "ML")));
        files.addAll(List.of(retake, processing, ml));
        Prediction forward = assertInstanceOf(Prediction.class, pipeline.run(files));
        List<Path> reversed = new ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        Prediction backward = assertInstanceOf(Prediction.class, pipeline.run(reversed));
        assertEquals(forward, backward);
        assertEquals(new ImageUsed(label(otherLcc), "2.25.1201"), forward.imagesUsed().get(0));
        assertEquals(List.of(new ImageIgnored("2.25.1202", "FOR_PROCESSING"),
                        new ImageIgnored("2.25.1203", "NOT_A_STANDARD_VIEW"),
                        new ImageIgnored(sop(12, 0), "REPEATED_EXPOSURE")),
                forward.imagesIgnored());
    }

    @Test
    void run_onlyForProcessingImageForAView_rejectedMissingView() throws IOException {
        List<Path> files = study("processing-only", 14,
                Map.of("R-CC", b -> b.putString(Tag.PresentationIntentType, VR.CS, "FOR PROCESSING")));
        Rejected r = rejected(pipeline.run(files), "MISSING_VIEW");
        assertEquals("R-CC", r.reasons().get(0).evidence().get(0).name());
    }

    @Test
    void run_partialStudyAllowedByBundle_predictsAndListsViewsUsed() throws Exception {
        TestMammographyBundles.write(dir.resolve("partial-bundle"),
                new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition().withPartialStudyAllowed(true));
        try (Pipeline partial = Pipeline.builder(ModelBundle.load(dir.resolve("partial-bundle"))).build()) {
            List<Path> files = study("partial", 15, Map.of());
            Prediction p = assertInstanceOf(Prediction.class, partial.run(files.subList(0, 3)));
            assertEquals(List.of("L-CC", "L-MLO", "R-CC"), p.imagesUsed().stream().map(ImageUsed::label).toList());
        }
    }
}
