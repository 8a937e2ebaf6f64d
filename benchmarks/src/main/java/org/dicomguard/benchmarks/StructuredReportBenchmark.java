package org.dicomguard.benchmarks;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.dicomout.ReportVocabulary;
import org.dicomguard.dicomout.SrCodes;
import org.dicomguard.dicomout.StructuredReportReader;
import org.dicomguard.dicomout.StructuredReportWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * DICOM SR (guard-dicom-out): writing the Part-10 bytes of a TID 1500 report for a prediction
 * with 8 pathologies and 4 source images, and reading it back; to set beside the Pipeline's
 * per-study time ({@code PipelineBenchmark}).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar StructuredReportBenchmark}
 * (short: add {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StructuredReportBenchmark {

    private StructuredReportWriter writer;
    private final StructuredReportReader reader = new StructuredReportReader();
    private Prediction prediction;
    private List<Attributes> headers;
    private byte[] report;

    /** Builds the prediction, the source headers and one report once. */
    @Setup
    public void setUp() {
        String[] codes = {"mass", "calcification", "asymmetry", "distortion", "nodule", "emphysema",
            "groundGlass", "effusion"};
        List<PathologyFinding> findings = new ArrayList<>();
        Map<String, CodedConcept> concepts = new LinkedHashMap<>();
        for (int i = 0; i < codes.length; i++) {
            findings.add(PathologyFinding.of(codes[i], 0.0731f + 0.1f * i, 0.31f));
            concepts.put(codes[i], CodedConcept.privateConcept(codes[i], codes[i]));
        }
        String study = "1.2.826.0.1.3680043.8.498.12345678901234567890";
        prediction = new Prediction(study, "demo-mammography-1", "a".repeat(64), findings,
                AnyPathology.derivedFrom(AnyPathologyRule.MAX, findings), new OodAssessment(3.2, 7.9),
                new Provenance("0.1.0", "b".repeat(64)));
        writer = new StructuredReportWriter(new ReportVocabulary(concepts,
                CodedConcept.privateConcept("any-pathology", "Any pathology"), new org.dicomguard.core.task.mammography.MammographyTask().procedureReported(), "a".repeat(64)));
        headers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            headers.add(Attributes.builder().putString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 100")
                    .putString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.1.2")
                    .putString(Tag.SOPInstanceUID, VR.UI, study + ".2." + i)
                    .putString(Tag.SeriesInstanceUID, VR.UI, study + ".1")
                    .putString(Tag.StudyInstanceUID, VR.UI, study)
                    .putString(Tag.PatientName, VR.PN, "Müller^Jürgen")
                    .putString(Tag.PatientID, VR.LO, "PID-1").build());
        }
        report = writer.toBytes(prediction, headers);
    }

    /** @return the SR's Part-10 bytes */
    @Benchmark
    public byte[] write() {
        return writer.toBytes(prediction, headers);
    }

    /** @return the report read back */
    @Benchmark
    public Object readBack() throws Exception {
        return reader.read(report);
    }
}
