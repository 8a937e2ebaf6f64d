package org.dicomguard.ood.drift;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Watches the share of studies the gate refuses: a rising rejection rate is itself drift (a new
 * scanner whose studies are all refused is an outage the operators must hear about), whatever
 * the input-statistic streams say.
 *
 * <p>Design note: the gate is calibrated so that in-distribution studies are refused at most at
 * the expected rate {@code r0}. Over a sliding window of the last {@code n} studies with {@code k}
 * refusals, the exact one-sided binomial p-value {@code P(X >= k | n, r0)} tests whether the rate
 * rose. Like {@link DriftMonitor}, raising needs significance and an effect size (observed rate at
 * least twice {@code r0} and at least 5 points above it), clearing uses relaxed levels
 * (hysteresis), and there is no new raise within the cooldown. The alert is a {@link DriftAlert}
 * on stream {@link #STREAM}: for two Bernoulli samples the KS statistic is the difference of the
 * rates, so {@code ksStatistic} is {@code |rate - r0|}, both p-values are the binomial one, and
 * {@code psi} is the two-bin PSI of refused/accepted.
 *
 * <p>Thread-safe (guarded by this object's lock; the sink is called under it).
 */
public final class RejectionRateMonitor {

    /** Stream name of rejection-rate alerts. */
    public static final String STREAM = "rejectionRate";
    /** Least number of points the observed rate must exceed the expected one by to raise. */
    private static final double MIN_EXCESS_RATE = 0.05;

    private final double expectedRate;
    private final DriftPolicy policy;
    private final AlertSink sink;
    private final Clock clock;
    private final boolean[] window;
    private int size;
    private int next;
    private int refusedInWindow;
    private long observationCount;
    private boolean raised;
    private long lastRaiseObservation = Long.MIN_VALUE / 2;
    private Instant lastRaiseTime;

    /**
     * @param expectedRate the rate of refused in-distribution studies the gate was calibrated for, in (0, 1)
     * @param policy       window, interval, minimum window, raise/clear levels and cooldown
     * @param sink         where alerts go
     * @param clock        time source
     */
    public RejectionRateMonitor(double expectedRate, DriftPolicy policy, AlertSink sink, Clock clock) {
        if (!(expectedRate > 0 && expectedRate < 1)) {
            throw new IllegalArgumentException("expectedRate must be in (0, 1), got " + expectedRate);
        }
        this.expectedRate = expectedRate;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.window = new boolean[policy.windowSizeObservations()];
    }

    /** @param refused whether the gate refused the study (header rules, unusable study or statistics) */
    public synchronized void accept(boolean refused) {
        observationCount++;
        if (size == window.length) {
            if (window[next]) {
                refusedInWindow--;
            }
        } else {
            size++;
        }
        window[next] = refused;
        if (refused) {
            refusedInWindow++;
        }
        next = (next + 1) % window.length;
        if (observationCount % policy.evaluationIntervalObservations() == 0
                && size >= policy.minimumWindowSizeObservations()) {
            evaluate();
        }
    }

    private void evaluate() {
        double rate = (double) refusedInWindow / size;
        double p = binomialUpperTail(refusedInWindow, size, expectedRate);
        Instant now = clock.instant();
        boolean large = rate >= 2 * expectedRate && rate - expectedRate >= MIN_EXCESS_RATE;
        if (!raised && p < policy.raiseFamilyAlpha() && large && cooledDown(now)) {
            raised = true;
            lastRaiseObservation = observationCount;
            lastRaiseTime = now;
            emit(DriftAlert.State.RAISED, rate, p, now);
        } else if (raised && (p >= policy.clearFamilyAlpha() || rate < 1.5 * expectedRate)) {
            raised = false;
            emit(DriftAlert.State.CLEARED, rate, p, now);
        }
    }

    private boolean cooledDown(Instant now) {
        if (lastRaiseTime == null) {
            return true;
        }
        return observationCount - lastRaiseObservation >= policy.cooldownObservations()
                && !now.isBefore(lastRaiseTime.plus(policy.cooldown()));
    }

    private void emit(DriftAlert.State state, double rate, double p, Instant now) {
        sink.send(new DriftAlert(STREAM, state, Math.abs(rate - expectedRate), p, p, twoBinPsi(rate, expectedRate),
                size, 0, observationCount, policy.correction(), now));
    }

    /** @return whether the rejection-rate alert is raised */
    public synchronized boolean raised() {
        return raised;
    }

    /** @return the refused share of the current window, 0 when empty */
    public synchronized double windowRate() {
        return size == 0 ? 0 : (double) refusedInWindow / size;
    }

    /** @return the expected rate */
    public double expectedRate() {
        return expectedRate;
    }

    /**
     * @param k successes observed, 0..n
     * @param n trials, &gt;= 1
     * @param r success probability, in (0, 1)
     * @return {@code P(X >= k)} for {@code X ~ Binomial(n, r)}, summed exactly in log space
     */
    static double binomialUpperTail(int k, int n, double r) {
        if (k <= 0) {
            return 1;
        }
        double logR = Math.log(r);
        double logQ = Math.log1p(-r);
        // log C(n, i) built up incrementally from i = k.
        double logC = 0;
        for (int i = 1; i <= k; i++) {
            logC += Math.log(n - k + i) - Math.log(i);
        }
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += Math.exp(logC + i * logR + (n - i) * logQ);
            if (i < n) {
                logC += Math.log(n - i) - Math.log(i + 1);
            }
        }
        return Math.min(1, sum);
    }

    private static double twoBinPsi(double rate, double expected) {
        double eps = 1e-4;
        double a = Math.max(rate, eps);
        double b = Math.max(expected, eps);
        double qa = Math.max(1 - rate, eps);
        double qb = Math.max(1 - expected, eps);
        return (a - b) * Math.log(a / b) + (qa - qb) * Math.log(qa / qb);
    }
}
