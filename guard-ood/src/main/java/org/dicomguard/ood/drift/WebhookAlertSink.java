package org.dicomguard.ood.drift;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs each alert as JSON to an HTTP endpoint, e.g. a team messenger's incoming webhook. The
 * body is {@link DriftAlert#toJson()} plus a {@code "text"} field with {@link DriftAlert#summary()},
 * which Slack- and Mattermost-style webhooks display as the message.
 *
 * <p>Delivery is asynchronous so that the pipeline never waits on the network. A delivery that
 * fails (connection error, timeout, non-2xx status) is not thrown anywhere: it is counted
 * ({@link #failedDeliveryCount()}) and logged at WARNING with the alert's summary, so it is never
 * lost silently; a dashboard should watch the count. Thread-safe.
 */
public final class WebhookAlertSink implements AlertSink {

    private static final System.Logger LOG = System.getLogger("org.dicomguard.ood.drift");

    private final URI endpoint;
    private final Duration requestTimeout;
    private final HttpClient client;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

    /**
     * @param endpoint       http or https URI that accepts POST application/json
     * @param requestTimeout how long one delivery may take, &gt; 0
     * @param client         the HTTP client to use (shared clients are fine)
     */
    public WebhookAlertSink(URI endpoint, Duration requestTimeout, HttpClient client) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = Objects.requireNonNull(client, "client");
        String scheme = endpoint.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("endpoint must be http or https, got " + endpoint);
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be > 0, got " + requestTimeout);
        }
    }

    /**
     * @param endpoint       http or https URI
     * @param requestTimeout how long one delivery may take
     * @return a sink with its own HTTP client (connect timeout = request timeout)
     */
    public static WebhookAlertSink create(URI endpoint, Duration requestTimeout) {
        return new WebhookAlertSink(endpoint, requestTimeout,
                HttpClient.newBuilder().connectTimeout(requestTimeout).build());
    }

    @Override
    public void send(DriftAlert alert) {
        ObjectNode body = alert.toJson();
        body.put("text", alert.summary());
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
        CompletableFuture<Void> future = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> {
                    if (error == null && response.statusCode() / 100 == 2) {
                        delivered.incrementAndGet();
                    } else {
                        long n = failed.incrementAndGet();
                        String why = error != null ? error.toString() : "HTTP status " + response.statusCode();
                        LOG.log(System.Logger.Level.WARNING, "drift alert webhook delivery failed (" + n
                                + " failed so far): " + why + "; alert was: " + alert.summary());
                    }
                    return null;
                });
        pending.add(future);
        future.whenComplete((v, e) -> pending.remove(future));
    }

    /**
     * Waits until every delivery started so far has finished (for shutdown and tests).
     *
     * @param timeout how long to wait at most
     * @return true if all finished, false if some were still in flight
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitDeliveries(Duration timeout) throws InterruptedException {
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0]))
                    .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            // Each future handles its own failure, so none completes exceptionally.
            throw new IllegalStateException("webhook delivery future failed unexpectedly", e.getCause());
        }
    }

    /** @return deliveries answered with a 2xx status */
    public long deliveredCount() {
        return delivered.get();
    }

    /** @return deliveries that failed (error, timeout or non-2xx) */
    public long failedDeliveryCount() {
        return failed.get();
    }

    /** @return deliveries still in flight */
    public int pendingCount() {
        return pending.size();
    }
}
