package org.dicomguard.ood.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dicomguard.ood.drift.AlertSink;
import org.dicomguard.ood.drift.DriftAlert;
import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.DriftPolicy;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.drift.MultipleTestingCorrection;
import org.dicomguard.ood.drift.Observation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardMetricsBinderTest {

    private static Observation prediction(float p, double noise) {
        return new Observation(Instant.EPOCH, "prediction", Map.of("noiseHu", noise, "meanHu", -5.0),
                Map.of("mass", p), List.of());
    }

    @Test
    void record_resultsAndRejections_countedByTag() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMetricsBinder binder = new GuardMetricsBinder(Set.of("noiseHu", "meanHu"), Optional.empty(), Optional.empty());
        binder.bindTo(registry);
        binder.record(prediction(0.25f, 8));
        binder.record(prediction(0.75f, 12));
        binder.record(new Observation(Instant.EPOCH, "rejected", Map.of(), Map.of(),
                List.of("WRONG_MODALITY", "WRONG_BODY_PART")));
        assertEquals(2, registry.get("dicomguard.results").tag("status", "prediction").counter().count());
        assertEquals(1, registry.get("dicomguard.results").tag("status", "rejected").counter().count());
        assertEquals(1, registry.get("dicomguard.rejections").tag("reason", "WRONG_MODALITY").counter().count());
        assertEquals(2, registry.get("dicomguard.probability").tag("pathology", "mass").summary().count());
        assertEquals(0.5, registry.get("dicomguard.probability").tag("pathology", "mass").summary().mean(), 1e-9);
        assertEquals(10, registry.get("dicomguard.input.statistic").tag("feature", "noiseHu").summary().mean(), 1e-9);
        assertEquals(2, registry.get("dicomguard.input.statistic.negative").tag("feature", "meanHu").counter().count());
    }

    @Test
    void recordStageDuration_timerPerStage() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMetricsBinder binder = new GuardMetricsBinder(Set.of(), Optional.empty(), Optional.empty());
        binder.bindTo(registry);
        binder.recordStageDuration("infer", Duration.ofMillis(40));
        binder.recordStageDuration("infer", Duration.ofMillis(60));
        assertEquals(2, registry.get("dicomguard.stage.duration").tag("stage", "infer").timer().count());
        assertEquals(100, registry.get("dicomguard.stage.duration").tag("stage", "infer").timer()
                .totalTime(java.util.concurrent.TimeUnit.MILLISECONDS), 1e-6);
    }

    @Test
    void bindTo_driftMonitor_exposesRaisedCountPsiAndAlertCounter() {
        double[] ref = new double[100];
        for (int i = 0; i < ref.length; i++) {
            ref[i] = i;
        }
        DriftReference reference = DriftReference.empty().with("noiseHu", ref);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMetricsBinder[] holder = new GuardMetricsBinder[1];
        AlertSink sink = a -> holder[0].alertSink().send(a);
        DriftMonitor monitor = DriftMonitor.create(reference,
                DriftPolicy.defaults().withWindowSizeObservations(50, 50).withEvaluationIntervalObservations(10), sink);
        holder[0] = new GuardMetricsBinder(Set.of(), Optional.of(monitor), Optional.empty());
        holder[0].bindTo(registry);
        assertTrue(Double.isNaN(registry.get("dicomguard.drift.psi").tag("stream", "noiseHu").gauge().value()));
        for (int i = 0; i < 60; i++) {
            monitor.accept(new Observation(Instant.EPOCH, "prediction", Map.of("noiseHu", 500.0 + i), Map.of(), List.of()));
        }
        assertEquals(1, registry.get("dicomguard.drift.raised").gauge().value());
        assertTrue(registry.get("dicomguard.drift.psi").tag("stream", "noiseHu").gauge().value() > 1);
        assertEquals(1, registry.get("dicomguard.drift.alerts").tag("stream", "noiseHu").tag("state", "RAISED")
                .counter().count());
    }

    @Test
    void record_beforeBind_isDroppedAndLaterRecordsCount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMetricsBinder binder = new GuardMetricsBinder(Set.of(), Optional.empty(), Optional.empty());
        binder.record(prediction(0.1f, 1));
        binder.alertSink().send(new DriftAlert("x", DriftAlert.State.RAISED, 0, 1, 1, 0, 1, 1, 1,
                MultipleTestingCorrection.BONFERRONI, Instant.EPOCH));
        binder.bindTo(registry);
        binder.record(prediction(0.1f, 1));
        assertEquals(1, registry.get("dicomguard.results").counter().count());
    }
}
