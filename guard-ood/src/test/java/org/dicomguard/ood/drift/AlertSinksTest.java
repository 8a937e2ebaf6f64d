package org.dicomguard.ood.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.dicomguard.ood.profile.OodJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertSinksTest {

    private static DriftAlert alert(String stream, DriftAlert.State state) {
        return new DriftAlert(stream, state, 0.31, 1e-9, 8e-9, 0.42, 500, 2000, 3100,
                MultipleTestingCorrection.BONFERRONI, Instant.parse("2026-01-01T10:00:00Z"));
    }

    @Test
    void jsonLines_twoAlerts_writesTwoParsableLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("alerts.jsonl");
        try (JsonLinesAlertSink sink = JsonLinesAlertSink.append(file)) {
            sink.send(alert("meanIntensityInMaskHu", DriftAlert.State.RAISED));
            sink.send(alert("meanIntensityInMaskHu", DriftAlert.State.CLEARED));
            assertEquals(2, sink.writtenCount());
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        JsonNode first = OodJson.mapper().readTree(lines.get(0));
        assertEquals("meanIntensityInMaskHu", first.get("stream").asText());
        assertEquals("RAISED", first.get("state").asText());
        assertEquals(0.42, first.get("psi").asDouble());
        assertEquals("2026-01-01T10:00:00Z", first.get("time").asText());
        assertEquals(3100, first.get("observationIndex").asLong());
    }

    @Test
    void jsonLines_brokenWriter_countsFailureInsteadOfThrowing() {
        Writer broken = new StringWriter() {
            @Override
            public void write(String str) {
                throw new UncheckedBoom();
            }
        };
        Writer failing = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        JsonLinesAlertSink sink = new JsonLinesAlertSink(failing);
        sink.send(alert("a", DriftAlert.State.RAISED));
        assertEquals(1, sink.failedWriteCount());
        assertEquals(0, sink.writtenCount());
        assertThrows(UncheckedBoom.class, () -> new JsonLinesAlertSink(broken).send(alert("a", DriftAlert.State.RAISED)),
                "only I/O failures are absorbed; programming errors still surface");
    }

    @Test
    void webhook_localServer_receivesJsonPostWithText() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> contentTypes = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type") + " " + exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
            WebhookAlertSink sink = WebhookAlertSink.create(uri, Duration.ofSeconds(5));
            sink.send(alert("intensityP95Hu", DriftAlert.State.RAISED));
            sink.send(alert("probability:mass", DriftAlert.State.RAISED));
            sink.send(alert("intensityP95Hu", DriftAlert.State.CLEARED));
            assertTrue(sink.awaitDeliveries(Duration.ofSeconds(10)));
            assertEquals(3, sink.deliveredCount());
            assertEquals(0, sink.failedDeliveryCount());
            assertEquals(3, bodies.size());
            JsonNode any = OodJson.mapper().readTree(bodies.stream().filter(b -> b.contains("probability:mass"))
                    .findFirst().orElseThrow());
            assertEquals("RAISED", any.get("state").asText());
            assertTrue(any.get("text").asText().startsWith("drift RAISED on 'probability:mass'"), any.toString());
            assertTrue(contentTypes.get(0).startsWith("application/json") && contentTypes.get(0).endsWith("POST"),
                    contentTypes.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void webhook_serverError_countsFailedDelivery() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try {
            WebhookAlertSink sink = WebhookAlertSink.create(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), Duration.ofSeconds(5));
            sink.send(alert("a", DriftAlert.State.RAISED));
            assertTrue(sink.awaitDeliveries(Duration.ofSeconds(10)));
            assertEquals(1, sink.failedDeliveryCount());
            assertEquals(0, sink.deliveredCount());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void webhook_nobodyListening_countsFailedDeliveryWithoutThrowing() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int port = server.getAddress().getPort();
        server.stop(0); // the port is now closed
        WebhookAlertSink sink = WebhookAlertSink.create(URI.create("http://127.0.0.1:" + port + "/"),
                Duration.ofMillis(500));
        sink.send(alert("a", DriftAlert.State.RAISED));
        assertTrue(sink.awaitDeliveries(Duration.ofSeconds(10)));
        assertEquals(1, sink.failedDeliveryCount());
        assertEquals(0, sink.pendingCount());
    }

    @Test
    void webhook_nonHttpEndpoint_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> WebhookAlertSink.create(URI.create("file:///tmp/x"), Duration.ofSeconds(1)));
    }

    @Test
    void all_twoSinks_bothReceive() {
        DriftScenario.RecordingSink a = new DriftScenario.RecordingSink();
        DriftScenario.RecordingSink b = new DriftScenario.RecordingSink();
        AlertSink.all(List.of(a, b, new LogAlertSink())).send(alert("x", DriftAlert.State.RAISED));
        assertEquals(1, a.alerts.size());
        assertEquals(1, b.alerts.size());
    }

    private static final class UncheckedBoom extends RuntimeException {
    }
}
