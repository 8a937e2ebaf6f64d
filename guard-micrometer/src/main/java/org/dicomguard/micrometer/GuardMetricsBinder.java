package org.dicomguard.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.dicomguard.ood.drift.AlertSink;
import org.dicomguard.ood.drift.DriftAlert;
import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.StreamStatus;
import org.dicomguard.ood.drift.WebhookAlertSink;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Exposes the drift monitor's state to any Micrometer registry (Prometheus, Grafana, ...). Per-study
 * meters (studies, durations, gate scores, probabilities) come from {@link MicrometerPipelineListener};
 * a service adds both. Meters, all prefixed {@code dicomguard.}:
 * <ul>
 *   <li>{@code dicomguard.drift.alerts} counter, tags {@code stream}, {@code state} (via {@link #alertSink()})</li>
 *   <li>with a drift monitor: {@code dicomguard.drift.raised} gauge (streams in alert) and
 *       {@code dicomguard.drift.psi} gauge per {@code stream} (latest PSI; NaN before the first test)</li>
 *   <li>with a webhook sink: {@code dicomguard.drift.webhook.failed} and {@code .delivered} function counters</li>
 * </ul>
 * Tag values come from bounded sets (stream names, alert states), never from studies. Alerts counted
 * before {@link #bindTo} go nowhere. Thread-safe.
 */
public final class GuardMetricsBinder implements MeterBinder {

    private final Optional<DriftMonitor> driftMonitor;
    private final Optional<WebhookAlertSink> webhookSink;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /**
     * @param driftMonitor a monitor whose state becomes gauges, if any
     * @param webhookSink  a webhook sink whose delivery counts become meters, if any
     */
    public GuardMetricsBinder(Optional<DriftMonitor> driftMonitor, Optional<WebhookAlertSink> webhookSink) {
        this.driftMonitor = Objects.requireNonNull(driftMonitor, "driftMonitor");
        this.webhookSink = Objects.requireNonNull(webhookSink, "webhookSink");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        driftMonitor.ifPresent(monitor -> {
            Gauge.builder("dicomguard.drift.raised", monitor, m -> m.raisedStreams().size())
                    .description("monitored streams whose drift alert is raised").register(registry);
            for (String stream : monitor.monitoredStreams()) {
                Gauge.builder("dicomguard.drift.psi", monitor, m -> latestPsi(m, stream))
                        .tag("stream", stream).description("latest population stability index of the stream")
                        .register(registry);
            }
        });
        webhookSink.ifPresent(sink -> {
            FunctionCounter.builder("dicomguard.drift.webhook.failed", sink, WebhookAlertSink::failedDeliveryCount)
                    .description("drift alerts the webhook could not deliver").register(registry);
            FunctionCounter.builder("dicomguard.drift.webhook.delivered", sink, WebhookAlertSink::deliveredCount)
                    .description("drift alerts the webhook delivered").register(registry);
        });
        registries.add(registry);
    }

    private static double latestPsi(DriftMonitor monitor, String stream) {
        for (StreamStatus s : monitor.latestStatuses()) {
            if (s.stream().equals(stream)) {
                return s.psi();
            }
        }
        return Double.NaN;
    }

    /** @return a sink that counts drift alerts by stream and state; add it next to the real sinks */
    public AlertSink alertSink() {
        return this::countAlert;
    }

    private void countAlert(DriftAlert alert) {
        for (MeterRegistry registry : registries) {
            Counter.builder("dicomguard.drift.alerts").tag("stream", alert.stream()).tag("state", alert.state().name())
                    .description("drift alerts raised and cleared").register(registry).increment();
        }
    }
}
