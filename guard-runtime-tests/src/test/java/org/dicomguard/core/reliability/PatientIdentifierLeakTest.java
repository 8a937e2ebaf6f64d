package org.dicomguard.core.reliability;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.monitoring.DriftMonitorListener;
import org.dicomguard.core.monitoring.JsonLinesPipelineListener;
import org.dicomguard.core.monitoring.PipelineListener;
import org.dicomguard.ood.drift.AlertSink;
import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.DriftPolicy;
import org.dicomguard.ood.drift.JsonLinesAlertSink;
import org.dicomguard.ood.drift.LogAlertSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No patient identifier leaves the Pipeline: studies whose PatientName, PatientID,
 * PatientBirthDate and AccessionNumber hold marker values run with the JSON-lines event
 * listener, the drift monitor (JSON-lines and log alert sinks) and every logger at FINEST; the
 * test fails if any marker, or a distinctive part of one, appears in a contract line, an event,
 * an alert, a log line (with stack traces) or an error message. Predictions, rejections and
 * failures are all covered, including files cut inside the patient module, and the study folder
 * is named after the patient (paths are never echoed).
 */
class PatientIdentifierLeakTest {

    private static final ReliabilityStudies.Markers MARKERS = HostileCorpus.MARKERS;
    /** Distinctive fragments: a cut inside a value must not leak its first characters either. */
    private static final List<String> FRAGMENTS = List.of("QUOKKA", "ZZMARK", "XQ773", "Q7731", "18610317",
            "QZ442", "Z4420");

    @TempDir
    Path dir;

    @Test
    void run_markedStudiesOfEveryOutcome_leakNoIdentifierAnywhere() throws Exception {
        TestMammographyBundles.write(dir.resolve("bundle"));
        ModelBundle bundle = ModelBundle.load(dir.resolve("bundle"));
        StringWriter events = new StringWriter();
        StringWriter alerts = new StringWriter();
        List<String> outputs = new ArrayList<>();
        Map<String, Integer> outcomes = new TreeMap<>();
        DriftMonitor monitor = DriftMonitor.create(TestMammographyBundles.profile().driftReference(),
                DriftPolicy.defaults().withWindowSizeObservations(12, 10).withEvaluationIntervalObservations(4),
                AlertSink.all(List.of(new JsonLinesAlertSink(alerts), new LogAlertSink())));
        // A folder named like the patient: callers' paths may carry names; the Pipeline never echoes them.
        Path patientFolder = dir.resolve(MARKERS.patientName() + "_" + MARKERS.patientId());
        try (LogCapture logs = new LogCapture();
             JsonLinesPipelineListener eventLines = new JsonLinesPipelineListener(events);
             Pipeline pipeline = Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES)
                     .listener(PipelineListener.all(eventLines, new DriftMonitorListener(monitor),
                             event -> { throw new IllegalStateException("listener failure " + event.studyInstanceUid()); }))
                     .build()) {
            List<List<Path>> studies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                studies.add(ReliabilityStudies.writeStudy(patientFolder.resolve("study-" + i), 77L, i, MARKERS));
            }
            for (Map.Entry<String, HostileCorpus.Entry> e : HostileCorpus.entries().entrySet()) {
                Path file = patientFolder.resolve("hostile-" + e.getKey());
                Files.write(file, e.getValue().bytes());
                studies.add(List.of(file));
            }
            studies.add(List.of(patientFolder.resolve("missing-" + MARKERS.accessionNumber() + ".dcm")));
            byte[] valid = HostileCorpus.validMammogram();
            int headerEnd = valid.length - 2 * HostileCorpus.SIZE_PIXELS * HostileCorpus.SIZE_PIXELS;
            // Cuts go beside the patient folder so that runAll below does not run them twice.
            for (int length = 132; length < headerEnd; length += 5) {
                Path cut = dir.resolve("cuts").resolve("cut-" + length + ".dcm");
                Files.createDirectories(cut.getParent());
                Files.write(cut, Arrays.copyOf(valid, length));
                studies.add(List.of(cut));
            }
            for (List<Path> study : studies) {
                GuardResult result = pipeline.run(study);
                outcomes.merge(HostileCorpusTest.statusAndCode(result), 1, Integer::sum);
                outputs.add(ContractJson.write(result));
                outputs.add(result.toString());
            }
            for (GuardResult result : pipeline.runAll(List.of(patientFolder))) {
                outputs.add(ContractJson.write(result));
            }
            outputs.add(events.toString());
            outputs.add(alerts.toString());
            outputs.addAll(logs.lines());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("pipeline listener failed")),
                    "logging was not captured, so the test would prove nothing: " + logs.lines().size());
        }
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.equals("prediction")), outcomes.toString());
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("rejected")), outcomes.toString());
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("failed")), outcomes.toString());
        List<String> leaks = new ArrayList<>();
        for (String output : outputs) {
            for (String marker : concat(MARKERS.all(), FRAGMENTS)) {
                if (output.contains(marker)) {
                    leaks.add(marker + " in: " + output.substring(0, Math.min(300, output.length())));
                }
            }
        }
        assertEquals(List.of(), leaks);
        System.out.println("leak test outcomes: " + outcomes + ", drift observations " + monitor.observationCount()
                + ", alerts " + monitor.alertCount());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
