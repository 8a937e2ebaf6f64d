package org.dicomguard.ood.drift;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftMonitorTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final DriftPolicy POLICY = DriftPolicy.defaults().withCooldown(2000, Duration.ZERO);

    private static DriftMonitor monitor(DriftScenario.RecordingSink sink, DriftPolicy policy, Clock clock) {
        return new DriftMonitor(DriftScenario.PROFILE.driftReference(), policy, sink, clock);
    }

    @Test
    void accept_twentyThousandStableStudies_noAlert() {
        for (MultipleTestingCorrection correction : MultipleTestingCorrection.values()) {
            DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
            DriftPolicy policy = DriftPolicy.defaults().withCorrection(correction);
            DriftMonitor monitor = monitor(sink, policy, FIXED);
            DriftScenario scenario = new DriftScenario(1);
            double maxPsi = 0;
            double minAdjustedP = 1;
            for (int i = 0; i < 20_000; i++) {
                monitor.accept(scenario.stable());
                if ((i + 1) % policy.evaluationIntervalObservations() == 0) {
                    for (StreamStatus s : monitor.latestStatuses()) {
                        maxPsi = Math.max(maxPsi, s.psi());
                        minAdjustedP = Math.min(minAdjustedP, s.adjustedPValue());
                    }
                }
            }
            System.out.printf("drift, stable stream (%s): %d studies, %d alerts, %d streams, max PSI %.4f, "
                            + "min adjusted KS p %.3g%n", correction, monitor.observationCount(), sink.alerts.size(),
                    monitor.monitoredStreams().size(), maxPsi, minAdjustedP);
            assertEquals(List.of(), sink.alerts);
            assertEquals(9, monitor.monitoredStreams().size());
            assertEquals(9, monitor.latestStatuses().size());
        }
    }

    @Test
    void accept_scannerChange_raisesWithinBoundedNumberOfStudies() {
        // {intensity scale, extra noise HU, bound on the studies until the first alert}
        for (double[] change : new double[][] {{1.6, 25, 200}, {1.25, 10, 200}, {1.1, 4, 500}}) {
            DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
            DriftMonitor monitor = monitor(sink, POLICY, FIXED);
            DriftScenario scenario = new DriftScenario(2);
            for (int i = 0; i < 3000; i++) {
                monitor.accept(scenario.stable());
            }
            assertEquals(List.of(), sink.alerts);
            int delay = 0;
            while (sink.alerts.isEmpty() && delay < 2000) {
                monitor.accept(scenario.scannerChanged(change[0], change[1]));
                delay++;
            }
            DriftAlert first = sink.alerts.get(0);
            System.out.printf("drift, scanner change (intensity x%.2f, +%.0f HU noise): first alert after %d studies "
                    + "on '%s' (%s)%n", change[0], change[1], delay, first.stream(), first.summary());
            assertEquals(DriftAlert.State.RAISED, first.state());
            assertTrue(delay <= change[2], "detection took " + delay + " studies, bound " + change[2]);
        }
    }

    @Test
    void accept_changeThenRecovery_raisesAndClearsOncePerStreamWithoutFlapping() {
        DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
        DriftMonitor monitor = monitor(sink, POLICY, FIXED);
        DriftScenario scenario = new DriftScenario(3);
        for (int i = 0; i < 1000; i++) {
            monitor.accept(scenario.stable());
        }
        for (int i = 0; i < 3000; i++) {
            monitor.accept(scenario.scannerChanged(1.6, 25));
        }
        List<String> raised = new ArrayList<>(monitor.raisedStreams());
        assertTrue(raised.contains("meanIntensityInMaskHu"), raised.toString());
        for (int i = 0; i < 3000; i++) {
            monitor.accept(scenario.stable());
        }
        assertEquals(List.of(), List.copyOf(monitor.raisedStreams()));
        for (String stream : raised) {
            List<DriftAlert.State> states = sink.alerts.stream().filter(a -> a.stream().equals(stream))
                    .map(DriftAlert::state).toList();
            assertEquals(List.of(DriftAlert.State.RAISED, DriftAlert.State.CLEARED), states, stream);
        }
    }

    @Test
    void accept_secondChangeWithinCooldown_raisesOnlyAfterCooldown() {
        DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
        DriftPolicy policy = DriftPolicy.defaults().withCooldown(5000, Duration.ZERO);
        DriftMonitor monitor = monitor(sink, policy, FIXED);
        DriftScenario scenario = new DriftScenario(4);
        for (int i = 0; i < 500; i++) {
            monitor.accept(scenario.stable());
        }
        // change (raise), recover (clear), change again: within 5000 observations of the first raise
        for (int phase = 0; phase < 3; phase++) {
            for (int i = 0; i < 1200; i++) {
                monitor.accept(phase % 2 == 0 ? scenario.scannerChanged(1.6, 25) : scenario.stable());
            }
        }
        long raisesOfMean = sink.alerts.stream().filter(a -> a.stream().equals("meanIntensityInMaskHu")
                && a.state() == DriftAlert.State.RAISED).count();
        assertEquals(1, raisesOfMean);
        assertTrue(monitor.raisedStreams().isEmpty());
        for (int i = 0; i < 2000; i++) {
            monitor.accept(scenario.scannerChanged(1.6, 25));
        }
        assertTrue(monitor.raisedStreams().contains("meanIntensityInMaskHu"), "raises again after the cooldown");
    }

    @Test
    void accept_timeCooldown_usesTheInjectedClock() {
        DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
        MutableClock clock = new MutableClock();
        DriftMonitor monitor = monitor(sink, DriftPolicy.defaults().withCooldown(0, Duration.ofHours(1)), clock);
        DriftScenario scenario = new DriftScenario(5);
        Runnable cycle = () -> {
            for (int i = 0; i < 1200; i++) {
                monitor.accept(scenario.scannerChanged(1.6, 25));
            }
            for (int i = 0; i < 1200; i++) {
                monitor.accept(scenario.stable());
            }
        };
        cycle.run();
        clock.advance(Duration.ofMinutes(30));
        cycle.run();
        assertEquals(1, countRaises(sink, "meanIntensityInMaskHu"));
        clock.advance(Duration.ofMinutes(31));
        cycle.run();
        assertEquals(2, countRaises(sink, "meanIntensityInMaskHu"));
    }

    @Test
    void accept_fewerThanMinimumWindow_neverTests() {
        DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
        DriftMonitor monitor = monitor(sink, POLICY, FIXED);
        DriftScenario scenario = new DriftScenario(6);
        for (int i = 0; i < POLICY.minimumWindowSizeObservations() - 1; i++) {
            monitor.accept(scenario.scannerChanged(3, 100));
        }
        assertEquals(List.of(), sink.alerts);
        assertEquals(List.of(), monitor.latestStatuses());
    }

    @Test
    void accept_rejectedStudiesWithoutProbabilities_stillFeedStatisticsStreams() {
        DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
        DriftMonitor monitor = monitor(sink, POLICY, FIXED);
        DriftScenario scenario = new DriftScenario(7);
        for (int i = 0; i < 600; i++) {
            StudyObservation o = scenario.scannerChanged(1.6, 25);
            monitor.accept(new StudyObservation(o.timestamp(), "rejected", o.inputStatistics(), Map.of(),
                    List.of("STATISTICS_OUT_OF_DISTRIBUTION")));
        }
        assertTrue(monitor.raisedStreams().contains("meanIntensityInMaskHu"));
        assertTrue(monitor.latestStatuses().stream().noneMatch(s -> s.stream().equals("probability:mass")));
    }

    @Test
    void accept_fromManyThreads_countsEveryObservation() throws Exception {
        DriftScenario.RecordingSink sink = new DriftScenario.RecordingSink();
        DriftMonitor monitor = monitor(sink, POLICY, FIXED);
        List<StudyObservation> observations = new ArrayList<>();
        DriftScenario scenario = new DriftScenario(8);
        for (int i = 0; i < 8000; i++) {
            observations.add(scenario.stable());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<StudyObservation> part = observations.subList(t * 2000, (t + 1) * 2000);
                futures.add(pool.submit(() -> part.forEach(monitor::accept)));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8000, monitor.observationCount());
        assertEquals(List.of(), sink.alerts);
    }

    private static long countRaises(DriftScenario.RecordingSink sink, String stream) {
        return sink.alerts.stream().filter(a -> a.stream().equals(stream) && a.state() == DriftAlert.State.RAISED)
                .count();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
