package org.dicomguard.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.monitoring.PipelineEvent;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicrometerPipelineListenerTest {

    @TempDir
    Path dir;

    private static PipelineEvent event(String status, List<String> codes, Map<String, Float> probabilities,
                                       double oodScore) {
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("read", 2_000_000L);
        stages.put("inference", 8_000_000L);
        stages.put("total", 10_000_000L);
        return new PipelineEvent(Instant.EPOCH, "demo-1", "1.2.3", status, codes, stages, Map.of(), probabilities,
                oodScore);
    }

    @Test
    void onResult_predictionsRejectionsFailures_countedByBundleStatusAndCode() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerPipelineListener listener = new MicrometerPipelineListener(registry);
        listener.onResult(event("prediction", List.of(), Map.of("mass", 0.25f, "calcification", 0.05f), 3.5));
        listener.onResult(event("prediction", List.of(), Map.of("mass", 0.75f, "calcification", 0.95f), 4.5));
        listener.onResult(event("rejected", List.of("WRONG_MODALITY", "WRONG_BODY_PART"), Map.of(), Double.NaN));
        listener.onResult(event("failed", List.of("TRUNCATED"), Map.of(), Double.NaN));

        assertEquals(2, registry.get("dicomguard.studies").tag("bundle", "demo-1").tag("status", "prediction")
                .tag("code", "none").counter().count());
        assertEquals(1, registry.get("dicomguard.studies").tag("status", "rejected").tag("code", "WRONG_MODALITY")
                .counter().count());
        assertEquals(1, registry.get("dicomguard.studies").tag("status", "failed").tag("code", "TRUNCATED")
                .counter().count());
        assertEquals(1, registry.get("dicomguard.rejection.reasons").tag("code", "WRONG_BODY_PART").counter().count());
        assertEquals(4, registry.get("dicomguard.study.duration").timers().stream().mapToLong(t -> t.count()).sum());
        assertEquals(10, registry.get("dicomguard.study.duration").tag("status", "prediction").timer()
                .mean(TimeUnit.MILLISECONDS), 1e-9);
        assertEquals(4, registry.get("dicomguard.stage.duration").tag("stage", "inference").timer().count());
        assertEquals(2, registry.get("dicomguard.gate.score").summary().count(), "NaN scores are not recorded");
        assertEquals(4.0, registry.get("dicomguard.gate.score").summary().mean(), 1e-9);
        var mass = registry.get("dicomguard.probability").tag("pathology", "mass").summary();
        assertEquals(50, mass.mean(), 1e-4, "percent");
        CountAtBucket[] buckets = mass.takeSnapshot().histogramCounts();
        assertEquals(9, buckets.length, java.util.Arrays.toString(buckets));
        // Cumulative counts: 0.25 is in "<= 30%" and above; 0.75 from "<= 80%" on.
        assertEquals(0, buckets[1].count(), "<= 20% " + java.util.Arrays.toString(buckets));
        assertEquals(1, buckets[2].count(), "<= 30% " + java.util.Arrays.toString(buckets));
        assertEquals(1, buckets[6].count(), "<= 70% " + java.util.Arrays.toString(buckets));
        assertEquals(2, buckets[7].count(), "<= 80% " + java.util.Arrays.toString(buckets));
    }

    @Test
    void onResult_tags_neverCarryTheStudyUid() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new MicrometerPipelineListener(registry).onResult(event("prediction", List.of(), Map.of("mass", 0.5f), 1.0));
        for (Meter meter : registry.getMeters()) {
            meter.getId().getTags().forEach(t -> assertFalse(t.getValue().contains("1.2.3"), meter.getId().toString()));
        }
    }

    @Test
    void scoringServiceExample_demoBundleOnSyntheticStudy_predictsAndRecordsMeters() throws Exception {
        Path pack = dir.resolve("pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), 5, 1)).write(pack);
        List<Path> files;
        try (Stream<Path> s = Files.list(pack.resolve(SyntheticPackWriter.studyFolderName(0)))) {
            files = s.sorted().toList();
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        String line;
        try (ScoringServiceExample service = new ScoringServiceExample(
                Path.of("..", "samples", "bundles", "demo-mammography"), registry)) {
            line = service.score(files);
        }
        GuardResult result = ContractJson.read(line);
        assertTrue(result instanceof Prediction, line);
        String bundle = ((Prediction) result).bundleId();
        assertEquals(1, registry.get("dicomguard.studies").tag("bundle", bundle).tag("status", "prediction")
                .counter().count());
        assertEquals(1, registry.get("dicomguard.probability").tag("pathology", "mass").summary().count());
        assertEquals(1, registry.get("dicomguard.study.duration").timer().count());
        assertEquals(1, registry.get("dicomguard.gate.score").summary().count());
    }
}
