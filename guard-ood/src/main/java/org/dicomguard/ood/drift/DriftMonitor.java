package org.dicomguard.ood.drift;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Watches the stream of processed studies for distribution drift of each input statistic and
 * each predicted probability, and sends {@link DriftAlert}s to an {@link AlertSink}.
 *
 * <p>Design note: each stream keeps a sliding window of its most recent values. Every
 * {@link DriftPolicy#evaluationIntervalObservations()} observations, every stream with at least
 * the minimum window is compared with its reference sample by a two-sample KS test and by PSI
 * on reference deciles; the KS p-values of the round are corrected for multiple testing. Raising
 * needs both significance and effect size; clearing uses relaxed levels (hysteresis); a stream
 * cannot raise again within the cooldown. Rejected studies feed the input-statistic streams
 * too: a new scanner whose studies are all rejected is still drift the operators must see.
 * Streams named neither in the reference nor in an observation are ignored.
 *
 * <p>Thread-safe: {@link #accept} may be called from many pipeline threads; the state is guarded
 * by this object's lock, and the sink is called under it (see {@link AlertSink}).
 */
public final class DriftMonitor {

    private final DriftPolicy policy;
    private final AlertSink sink;
    private final Clock clock;
    private final Map<String, StreamWindow> streams = new LinkedHashMap<>();
    private final Map<String, StreamStatus> latest = new LinkedHashMap<>();
    private long observationCount;
    private long alertCount;

    /**
     * @param reference the reference samples; one stream per entry
     * @param policy    when to raise and clear
     * @param sink      where alerts go
     * @param clock     time source for the cooldown and alert times
     */
    public DriftMonitor(DriftReference reference, DriftPolicy policy, AlertSink sink, Clock clock) {
        Objects.requireNonNull(reference, "reference");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Map.Entry<String, double[]> e : reference.sortedSamplesByStream().entrySet()) {
            streams.put(e.getKey(), new StreamWindow(e.getKey(), e.getValue().clone(), policy.windowSizeObservations()));
        }
    }

    /**
     * @param reference the reference samples
     * @param policy    when to raise and clear
     * @param sink      where alerts go
     * @return a monitor on the system UTC clock
     */
    public static DriftMonitor create(DriftReference reference, DriftPolicy policy, AlertSink sink) {
        return new DriftMonitor(reference, policy, sink, Clock.systemUTC());
    }

    /**
     * Adds one study's values to the windows and, on the evaluation interval, tests the streams.
     *
     * @param observation the study's statistics and probabilities
     */
    public synchronized void accept(StudyObservation observation) {
        Objects.requireNonNull(observation, "observation");
        observationCount++;
        for (Map.Entry<String, Double> e : observation.inputStatistics().entrySet()) {
            StreamWindow w = streams.get(e.getKey());
            if (w != null) {
                w.add(e.getValue());
            }
        }
        for (Map.Entry<String, Float> e : observation.probabilities().entrySet()) {
            StreamWindow w = streams.get(DriftReference.PROBABILITY_PREFIX + e.getKey());
            if (w != null) {
                w.add(e.getValue());
            }
        }
        if (observationCount % policy.evaluationIntervalObservations() == 0) {
            evaluate();
        }
    }

    private void evaluate() {
        List<StreamWindow> tested = new ArrayList<>();
        List<double[]> results = new ArrayList<>(); // {D, p, psi, windowSize}
        for (StreamWindow w : streams.values()) {
            if (w.size() < policy.minimumWindowSizeObservations()) {
                continue;
            }
            double[] window = w.sortedValues();
            double d = KolmogorovSmirnov.statistic(window, w.sortedReference);
            double p = KolmogorovSmirnov.pValue(d, window.length, w.sortedReference.length);
            tested.add(w);
            results.add(new double[] {d, p, w.psi.of(window), window.length});
        }
        if (tested.isEmpty()) {
            return;
        }
        double[] raw = results.stream().mapToDouble(r -> r[1]).toArray();
        double[] adjusted = policy.correction().adjust(raw);
        Instant now = clock.instant();
        for (int i = 0; i < tested.size(); i++) {
            StreamWindow w = tested.get(i);
            double[] r = results.get(i);
            if (!w.raised && adjusted[i] < policy.raiseFamilyAlpha() && r[2] >= policy.psiRaiseThreshold()
                    && cooledDown(w, now)) {
                w.raised = true;
                w.lastRaiseObservation = observationCount;
                w.lastRaiseTime = now;
                emit(w, DriftAlert.State.RAISED, r, adjusted[i], now);
            } else if (w.raised && (adjusted[i] >= policy.clearFamilyAlpha() || r[2] < policy.psiClearThreshold())) {
                w.raised = false;
                emit(w, DriftAlert.State.CLEARED, r, adjusted[i], now);
            }
            latest.put(w.name, new StreamStatus(w.name, (int) r[3], r[0], r[1], adjusted[i], r[2], w.raised,
                    observationCount));
        }
    }

    private boolean cooledDown(StreamWindow w, Instant now) {
        if (w.lastRaiseTime == null) {
            return true;
        }
        boolean enoughObservations = observationCount - w.lastRaiseObservation >= policy.cooldownObservations();
        boolean enoughTime = Duration.between(w.lastRaiseTime, now).compareTo(policy.cooldown()) >= 0;
        return enoughObservations && enoughTime;
    }

    private void emit(StreamWindow w, DriftAlert.State state, double[] r, double adjusted, Instant now) {
        alertCount++;
        sink.send(new DriftAlert(w.name, state, r[0], r[1], adjusted, r[2], (int) r[3], w.sortedReference.length,
                observationCount, policy.correction(), now));
    }

    /** @return the streams whose alert is currently raised, sorted by name */
    public synchronized Set<String> raisedStreams() {
        Set<String> out = new TreeSet<>();
        for (StreamWindow w : streams.values()) {
            if (w.raised) {
                out.add(w.name);
            }
        }
        return out;
    }

    /** @return the latest test result of every stream tested so far, in reference order */
    public synchronized List<StreamStatus> latestStatuses() {
        return List.copyOf(latest.values());
    }

    /** @return the monitored stream names, sorted */
    public synchronized Set<String> monitoredStreams() {
        return new TreeSet<>(streams.keySet());
    }

    /** @return observations accepted so far */
    public synchronized long observationCount() {
        return observationCount;
    }

    /** @return alerts sent so far (raised and cleared) */
    public synchronized long alertCount() {
        return alertCount;
    }

    /** @return the policy */
    public DriftPolicy policy() {
        return policy;
    }
}
