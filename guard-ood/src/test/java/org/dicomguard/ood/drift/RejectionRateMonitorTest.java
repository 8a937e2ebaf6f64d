package org.dicomguard.ood.drift;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RejectionRateMonitorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void binomialUpperTail_againstScipy_agreesToTenDigits() {
        // Reference: scipy.stats.binom.sf(k - 1, n, r)
        assertEquals(1.0, RejectionRateMonitor.binomialUpperTail(0, 200, 0.02), 0);
        assertEquals(0.5685050268384971, RejectionRateMonitor.binomialUpperTail(4, 200, 0.02), 1e-10);
        assertEquals(0.007479287865361496, RejectionRateMonitor.binomialUpperTail(10, 200, 0.02), 1e-12);
        assertEquals(5.390686154926275e-09, RejectionRateMonitor.binomialUpperTail(20, 200, 0.02), 1e-18);
        assertEquals(6.223015277861142e-61, RejectionRateMonitor.binomialUpperTail(200, 200, 0.5), 1e-70);
        assertEquals(0.6172172136000003, RejectionRateMonitor.binomialUpperTail(3, 10, 0.3), 1e-12);
    }

    @Test
    void accept_stableRateThenOutage_quietThenRaisesWithinTheWindowThenClears() {
        List<DriftAlert> alerts = new ArrayList<>();
        DriftPolicy policy = DriftPolicy.defaults().withCooldown(0, java.time.Duration.ZERO);
        RejectionRateMonitor monitor = new RejectionRateMonitor(0.02, policy, alerts::add, CLOCK);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            monitor.accept(random.nextDouble() < 0.02);
        }
        assertTrue(alerts.isEmpty(), "stable 2% refusals raised: " + alerts);
        int studiesUntilAlert = -1;
        for (int i = 1; i <= 500 && studiesUntilAlert < 0; i++) {
            monitor.accept(random.nextDouble() < 0.5);
            if (monitor.raised()) {
                studiesUntilAlert = i;
            }
        }
        assertTrue(studiesUntilAlert > 0 && studiesUntilAlert <= 100, "alert after " + studiesUntilAlert);
        DriftAlert raised = alerts.get(0);
        assertEquals(RejectionRateMonitor.STREAM, raised.stream());
        assertEquals(DriftAlert.State.RAISED, raised.state());
        assertTrue(raised.ksPValue() < 0.001);
        for (int i = 0; i < 1000; i++) {
            monitor.accept(random.nextDouble() < 0.02);
        }
        assertFalse(monitor.raised());
        assertEquals(DriftAlert.State.CLEARED, alerts.get(alerts.size() - 1).state());
    }

    @Test
    void constructor_rateOutsideOpenUnitInterval_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new RejectionRateMonitor(0, DriftPolicy.defaults(), a -> { }, CLOCK));
        assertThrows(IllegalArgumentException.class,
                () -> new RejectionRateMonitor(1, DriftPolicy.defaults(), a -> { }, CLOCK));
    }
}
