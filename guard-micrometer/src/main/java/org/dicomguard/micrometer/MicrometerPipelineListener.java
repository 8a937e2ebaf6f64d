package org.dicomguard.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.dicomguard.core.monitoring.PipelineEvent;
import org.dicomguard.core.monitoring.PipelineListener;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link PipelineListener} that records every finished study in a Micrometer {@link MeterRegistry}:
 * add it with {@code Pipeline.builder(bundle).listener(new MicrometerPipelineListener(registry))}.
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>what</th></tr>
 *   <tr><td>{@value #STUDIES}</td><td>counter</td><td>bundle, status, code</td>
 *       <td>finished studies; {@code code} is the first rejection reason or the error code, {@code none}
 *       for a prediction</td></tr>
 *   <tr><td>{@value #REJECTION_REASONS}</td><td>counter</td><td>bundle, code</td>
 *       <td>every reason of every rejection (a study may have several)</td></tr>
 *   <tr><td>{@value #STUDY_DURATION}</td><td>timer</td><td>bundle, status</td>
 *       <td>wall time of the whole study (stage {@code total})</td></tr>
 *   <tr><td>{@value #STAGE_DURATION}</td><td>timer</td><td>bundle, stage</td>
 *       <td>wall time per stage (read, headerRules, preprocess, statisticsGate, inference)</td></tr>
 *   <tr><td>{@value #GATE_SCORE}</td><td>distribution summary</td><td>bundle</td>
 *       <td>Mahalanobis score of the statistics gate, when it ran</td></tr>
 *   <tr><td>{@value #PROBABILITY}</td><td>distribution summary in percent, buckets 10 .. 90</td>
 *       <td>bundle, pathology</td><td>predicted probability per pathology, times 100</td></tr>
 * </table>
 *
 * <p>Tag values come from bounded sets (bundle ids, three statuses, the stable code catalogue, stage
 * names, pathology codes), never from a study: no UID, no patient identifier. Thread-safe: Micrometer
 * registries are, and this class keeps no state besides the registry.
 */
public final class MicrometerPipelineListener implements PipelineListener {

    /** Counter of finished studies. */
    public static final String STUDIES = "dicomguard.studies";
    /** Counter of rejection reasons. */
    public static final String REJECTION_REASONS = "dicomguard.rejection.reasons";
    /** Timer of whole studies. */
    public static final String STUDY_DURATION = "dicomguard.study.duration";
    /** Timer per pipeline stage. */
    public static final String STAGE_DURATION = "dicomguard.stage.duration";
    /** Distribution of the statistics gate's score. */
    public static final String GATE_SCORE = "dicomguard.gate.score";
    /** Distribution of predicted probabilities per pathology. */
    public static final String PROBABILITY = "dicomguard.probability";
    /** The {@code code} tag of a prediction, which has no code. */
    public static final String NO_CODE = "none";

    /** Stage name of the whole study in {@link PipelineEvent#stageNanos()}. */
    private static final String TOTAL_STAGE = "total";
    /**
     * Bucket bounds in percent. Micrometer's histograms count whole numbers (a recorded 0.25 would
     * fall beyond a 0.9 bucket), so probabilities are recorded scaled to percent.
     */
    private static final double[] PROBABILITY_BUCKETS_PERCENT = {10, 20, 30, 40, 50, 60, 70, 80, 90};

    private final MeterRegistry registry;

    /** @param registry where the meters go (Prometheus, a SimpleMeterRegistry, a composite ...) */
    public MicrometerPipelineListener(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void onResult(PipelineEvent event) {
        String bundle = event.bundleId();
        String code = event.codes().isEmpty() ? NO_CODE : event.codes().get(0);
        Counter.builder(STUDIES).description("finished studies by result status and first code")
                .tag("bundle", bundle).tag("status", event.status()).tag("code", code)
                .register(registry).increment();
        if (event.status().equals("rejected")) {
            for (String reason : event.codes()) {
                Counter.builder(REJECTION_REASONS).description("rejection reasons; a study may have several")
                        .tag("bundle", bundle).tag("code", reason).register(registry).increment();
            }
        }
        for (Map.Entry<String, Long> stage : event.stageNanos().entrySet()) {
            Duration duration = Duration.ofNanos(Math.max(0, stage.getValue()));
            if (stage.getKey().equals(TOTAL_STAGE)) {
                Timer.builder(STUDY_DURATION).description("wall time of a whole study")
                        .tag("bundle", bundle).tag("status", event.status()).register(registry).record(duration);
            } else {
                Timer.builder(STAGE_DURATION).description("wall time per pipeline stage")
                        .tag("bundle", bundle).tag("stage", stage.getKey()).register(registry).record(duration);
            }
        }
        if (Double.isFinite(event.oodScore()) && event.oodScore() >= 0) {
            DistributionSummary.builder(GATE_SCORE).description("Mahalanobis score of the statistics gate")
                    .tag("bundle", bundle).register(registry).record(event.oodScore());
        }
        for (Map.Entry<String, Float> p : event.probabilities().entrySet()) {
            DistributionSummary.builder(PROBABILITY).description("predicted probability per pathology")
                    .tag("bundle", bundle).tag("pathology", p.getKey())
                    .baseUnit("percent").scale(100).serviceLevelObjectives(PROBABILITY_BUCKETS_PERCENT)
                    .register(registry).record(p.getValue());
        }
    }
}
