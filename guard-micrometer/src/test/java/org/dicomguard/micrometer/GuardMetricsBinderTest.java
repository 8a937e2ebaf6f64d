package org.dicomguard.micrometer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dicomguard.ood.drift.AlertSink;
import org.dicomguard.ood.drift.DriftAlert;
import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.DriftPolicy;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.drift.MultipleTestingCorrection;
import org.dicomguard.ood.drift.StudyObservation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardMetricsBinderTest {

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
        holder[0] = new GuardMetricsBinder(Optional.of(monitor), Optional.empty());
        holder[0].bindTo(registry);
        assertTrue(Double.isNaN(registry.get("dicomguard.drift.psi").tag("stream", "noiseHu").gauge().value()));
        for (int i = 0; i < 60; i++) {
            monitor.accept(new StudyObservation(Instant.EPOCH, "prediction", Map.of("noiseHu", 500.0 + i), Map.of(), List.of()));
        }
        assertEquals(1, registry.get("dicomguard.drift.raised").gauge().value());
        assertTrue(registry.get("dicomguard.drift.psi").tag("stream", "noiseHu").gauge().value() > 1);
        assertEquals(1, registry.get("dicomguard.drift.alerts").tag("stream", "noiseHu").tag("state", "RAISED")
                .counter().count());
    }

    @Test
    void alertSink_beforeBind_isDroppedAndLaterAlertsCount() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        GuardMetricsBinder binder = new GuardMetricsBinder(Optional.empty(), Optional.empty());
        DriftAlert alert = new DriftAlert("x", DriftAlert.State.RAISED, 0, 1, 1, 0, 1, 1, 1,
                MultipleTestingCorrection.BONFERRONI, Instant.EPOCH);
        binder.alertSink().send(alert);
        binder.bindTo(registry);
        binder.alertSink().send(alert);
        assertEquals(1, registry.get("dicomguard.drift.alerts").tag("stream", "x").counter().count());
    }
}
