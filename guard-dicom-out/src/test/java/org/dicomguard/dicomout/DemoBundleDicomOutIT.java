package org.dicomguard.dicomout;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on the committed demo bundles: synthetic studies (in distribution and every OOD
 * kind) and an unreadable file go through the Pipeline; every result gets an SR (and, where the
 * study can be drawn, a Secondary Capture); each SR reads back to the result's exact values and
 * references every source image; with dicom3tools and dcmtk installed, every object passes
 * {@code dciodvfy} without error and {@code dsrdump} reads every SR.
 */
class DemoBundleDicomOutIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"mammography, ../samples/bundles/demo-mammography", "chest-ct, ../samples/bundles/demo-chest-ct",
            "chest-xray, ../samples/bundles/demo-chest-xray"})
    void writeObjects_demoBundle_readBackFaithfulAndValid(String task, String bundlePath) throws Exception {
        Path pack = dir.resolve("pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode(task), 7, 2).withAllOodKinds()
                .withOodStudiesPerKind(1)).write(pack);
        Files.write(pack.resolve("not-dicom.dcm"), new byte[300]);
        ModelBundle bundle = ModelBundle.load(Path.of(bundlePath));
        BundleManifest manifest = bundle.manifest();
        DicomResultWriter out = DicomResultWriter.forBundle(manifest);
        DicomReader reader = new DicomReader();
        StructuredReportReader srReader = new StructuredReportReader();
        Set<GuardResult.Status> seen = EnumSet.noneOf(GuardResult.Status.class);
        List<Path> objects = new ArrayList<>();
        List<Path> reports = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.builder(bundle).build()) {
            for (StudyFiles study : new StudyGrouper(pipeline.reader()).group(List.of(pack))) {
                GuardResult result = pipeline.run(study);
                seen.add(result.status());
                Path sr = out.writeStructuredReport(result, study.files(), dir.resolve("sr"));
                reports.add(sr);
                objects.add(sr);
                out.writeSecondaryCapture(result, study.files(), dir.resolve("sc")).ifPresent(objects::add);
                ReportedResult back = srReader.read(Files.readAllBytes(sr));
                assertFaithful(result, back, manifest);
                List<String> sourceUids = new ArrayList<>();
                for (Path f : study.files()) {
                    if (study.headerError().isEmpty()) {
                        sourceUids.add(reader.readHeader(f).dataSet().getString(Tag.SOPInstanceUID).orElseThrow());
                    }
                }
                assertEquals(Set.copyOf(sourceUids), Set.copyOf(back.evidenceUids()), "evidence of " + result.status());
                assertEquals(Set.copyOf(sourceUids), Set.copyOf(back.imageLibraryUids()), "library of " + result.status());
                if (!sourceUids.isEmpty()) {
                    Attributes source = reader.readHeader(study.files().get(0)).dataSet();
                    Attributes written = reader.read(sr).dataSet();
                    for (int tag : new int[] {Tag.PatientName, Tag.PatientID, Tag.StudyInstanceUID, Tag.AccessionNumber}) {
                        assertEquals(source.getString(tag, ""), written.getString(tag, ""), Tag.describe(tag));
                    }
                }
            }
        }
        assertEquals(EnumSet.allOf(GuardResult.Status.class), seen, task + ": statuses seen");
        assertTrue(objects.size() > reports.size(), "at least one Secondary Capture");
        validate(objects, reports);
    }

    static void assertFaithful(GuardResult result, ReportedResult back, BundleManifest manifest) {
        assertEquals(result.status(), back.status());
        assertEquals(result.bundleId(), back.algorithmName());
        assertEquals(manifest.model().sha256(), back.algorithmVersion());
        result.studyInstanceUidIfKnown().ifPresent(uid -> assertEquals(uid, back.studyInstanceUid()));
        if (result instanceof Prediction p) {
            assertEquals(p.pathologies().size(), back.pathologies().size());
            for (int i = 0; i < p.pathologies().size(); i++) {
                PathologyFinding f = p.pathologies().get(i);
                ReportedResult.Measurement m = back.pathologies().get(i);
                assertEquals(f.code(), m.trackingIdentifier());
                assertEquals(manifest.pathologies().stream().filter(s -> s.code().equals(f.code())).findFirst()
                        .orElseThrow().concept(), m.concept());
                assertEquals(Double.doubleToRawLongBits(f.probability()), Double.doubleToRawLongBits(m.floatingPointValue()),
                        f.code() + " FloatingPointValue");
                assertEquals(Float.floatToRawIntBits(f.probability()), Float.floatToRawIntBits(Float.parseFloat(m.numericValue())),
                        f.code() + " NumericValue " + m.numericValue());
                assertEquals(f.positive(), m.present());
            }
            ReportedResult.Measurement any = back.anyPathology().orElseThrow();
            assertEquals(manifest.anyPathology().concept(), any.concept());
            assertEquals(p.anyPathology().probability(), any.probability());
            assertEquals(p.ood().score(), back.oodScore().orElseThrow());
            assertEquals(p.ood().threshold(), back.oodThreshold().orElseThrow());
        } else if (result instanceof Rejected r) {
            assertEquals(r.reasons().stream().map(x -> x.code()).toList(), back.codes());
            assertEquals(r.reasons().stream().map(x -> x.message()).toList(), back.messages());
        } else {
            assertEquals(List.of(((Failed) result).errorCode()), back.codes());
            assertEquals(List.of(((Failed) result).message()), back.messages());
        }
    }

    static void validate(List<Path> objects, List<Path> reports) throws Exception {
        Assumptions.assumeTrue(DicomTools.installed("dciodvfy"),
                "dciodvfy not installed: apt-get install dicom3tools (objects were written and read back)");
        Set<String> warnings = new java.util.TreeSet<>();
        for (Path object : objects) {
            DicomTools.Run run = DicomTools.run("dciodvfy", object.toString());
            assertEquals(List.of(), run.errors(), object.getFileName() + ":\n" + run.output());
            warnings.addAll(run.warnings());
        }
        // Listed, not failed: the private coding scheme and an unknown laterality are expected (README).
        System.out.println("dciodvfy warnings on " + objects.size() + " objects: " + warnings);
        Assumptions.assumeTrue(DicomTools.installed("dsrdump"), "dsrdump not installed: apt-get install dcmtk");
        for (Path report : reports) {
            DicomTools.Run run = DicomTools.run("dsrdump", report.toString());
            assertEquals(0, run.exitStatus(), report.getFileName() + ":\n" + run.output());
            assertTrue(run.output().contains("Imaging Measurement Report"), run.output());
        }
    }
}
