package org.dicomguard.ood.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.dicomguard.ood.drift.AlertSink;
import org.dicomguard.ood.drift.DriftAlert;
import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.Observation;
import org.dicomguard.ood.drift.StreamStatus;
import org.dicomguard.ood.drift.WebhookAlertSink;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Exposes the guard's stream to any Micrometer registry (Prometheus, Grafana, ...) without custom
 * code. Meters, all prefixed {@code dicomguard.}:
 * <ul>
 *   <li>{@code dicomguard.results} counter, tag {@code status} (prediction, rejected, failed)</li>
 *   <li>{@code dicomguard.rejections} counter, tag {@code reason} (the stable reason code)</li>
 *   <li>{@code dicomguard.stage.duration} timer, tag {@code stage} (read, preprocess, infer, ...)</li>
 *   <li>{@code dicomguard.probability} distribution summary with histogram, tag {@code pathology}</li>
 *   <li>{@code dicomguard.input.statistic} distribution summary, tag {@code feature}, for the key statistics;
 *       Micrometer ignores negative amounts, so those are counted in
 *       {@code dicomguard.input.statistic.negative} (choose non-negative key statistics)</li>
 *   <li>{@code dicomguard.drift.alerts} counter, tags {@code stream}, {@code state} (via {@link #alertSink()})</li>
 *   <li>with a drift monitor: {@code dicomguard.drift.raised} gauge (streams in alert) and
 *       {@code dicomguard.drift.psi} gauge per {@code stream} (latest PSI; NaN before the first test)</li>
 *   <li>with a webhook sink: {@code dicomguard.drift.webhook.failed} and {@code .delivered} function counters</li>
 * </ul>
 * Tag values come from bounded sets (statuses, reason codes, stage names, pathology codes, feature
 * names), never from studies. Records made before {@link #bindTo} go nowhere. Thread-safe.
 */
public final class GuardMetricsBinder implements MeterBinder {

    private final Set<String> keyInputStatistics;
    private final Optional<DriftMonitor> driftMonitor;
    private final Optional<WebhookAlertSink> webhookSink;
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

    /**
     * @param keyInputStatistics feature names whose values get a distribution summary; copied
     * @param driftMonitor       a monitor whose state becomes gauges, if any
     * @param webhookSink        a webhook sink whose delivery counts become meters, if any
     */
    public GuardMetricsBinder(Set<String> keyInputStatistics, Optional<DriftMonitor> driftMonitor,
                              Optional<WebhookAlertSink> webhookSink) {
        this.keyInputStatistics = Set.copyOf(Objects.requireNonNull(keyInputStatistics, "keyInputStatistics"));
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

    /**
     * Counts one processed study and records its probabilities and key statistics.
     *
     * @param observation the study's monitoring observation
     */
    public void record(Observation observation) {
        Objects.requireNonNull(observation, "observation");
        for (MeterRegistry registry : registries) {
            Counter.builder("dicomguard.results").tag("status", observation.status())
                    .description("processed studies by result status").register(registry).increment();
            for (String code : observation.rejectionCodes()) {
                Counter.builder("dicomguard.rejections").tag("reason", code)
                        .description("rejection reasons (a study may have several)").register(registry).increment();
            }
            for (Map.Entry<String, Float> p : observation.probabilities().entrySet()) {
                DistributionSummary.builder("dicomguard.probability").tag("pathology", p.getKey())
                        .description("predicted probability").publishPercentileHistogram()
                        .minimumExpectedValue(1e-3).maximumExpectedValue(1.0)
                        .register(registry).record(p.getValue());
            }
            for (Map.Entry<String, Double> s : observation.inputStatistics().entrySet()) {
                if (!keyInputStatistics.contains(s.getKey())) {
                    continue;
                }
                if (s.getValue() < 0) {
                    Counter.builder("dicomguard.input.statistic.negative").tag("feature", s.getKey())
                            .description("negative key-statistic values a distribution summary cannot record")
                            .register(registry).increment();
                } else {
                    DistributionSummary.builder("dicomguard.input.statistic").tag("feature", s.getKey())
                            .description("key input statistic").register(registry).record(s.getValue());
                }
            }
        }
    }

    /**
     * @param stage    a pipeline stage name from a fixed set (e.g. read, preprocess, gate, infer)
     * @param duration how long it took, &gt;= 0
     */
    public void recordStageDuration(String stage, Duration duration) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(duration, "duration");
        for (MeterRegistry registry : registries) {
            Timer.builder("dicomguard.stage.duration").tag("stage", stage).description("time spent per pipeline stage")
                    .register(registry).record(duration);
        }
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
