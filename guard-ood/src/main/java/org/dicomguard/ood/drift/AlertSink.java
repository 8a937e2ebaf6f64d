package org.dicomguard.ood.drift;

import java.util.List;
import java.util.Objects;

/**
 * Where drift alerts go. Implementations ship for the log ({@link LogAlertSink}), a JSON-lines
 * file ({@link JsonLinesAlertSink}) and an HTTP webhook ({@link WebhookAlertSink}).
 *
 * <p>Contract: {@link #send} is called while the monitor holds its lock, so it must return
 * quickly (network sinks hand off asynchronously) and must not throw: a delivery problem is
 * counted and reported by the sink itself, never thrown into the pipeline that fed the monitor.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface AlertSink {

    /**
     * @param alert the alert to deliver
     */
    void send(DriftAlert alert);

    /**
     * @param sinks sinks that each get every alert, in order
     * @return one sink that forwards to all of them
     */
    static AlertSink all(List<AlertSink> sinks) {
        List<AlertSink> copy = List.copyOf(Objects.requireNonNull(sinks, "sinks"));
        return alert -> copy.forEach(s -> s.send(alert));
    }
}
