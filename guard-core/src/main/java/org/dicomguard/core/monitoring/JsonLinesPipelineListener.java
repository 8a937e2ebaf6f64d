package org.dicomguard.core.monitoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Writes each {@link PipelineEvent} as one JSON line, for log shippers and offline drift
 * analysis. Thread-safe: lines from concurrent studies never interleave. Who closes what: the
 * caller closes this listener, which closes the writer it was given.
 */
public final class JsonLinesPipelineListener implements PipelineListener, Closeable {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final Writer out;

    /** @param out where lines go; flushed after each line */
    public JsonLinesPipelineListener(Writer out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void onResult(PipelineEvent event) {
        String line = toJson(event);
        synchronized (out) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write pipeline event", e);
            }
        }
    }

    /**
     * @param event the event
     * @return its one-line JSON form; a NaN OOD score is written as null
     */
    public static String toJson(PipelineEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("timestamp", event.timestamp().toString());
        node.put("bundleId", event.bundleId());
        node.put("studyInstanceUid", event.studyInstanceUid());
        node.put("status", event.status());
        node.set("codes", JSON.valueToTree(event.codes()));
        node.set("stageNanos", JSON.valueToTree(event.stageNanos()));
        node.set("inputStatistics", JSON.valueToTree(event.inputStatistics()));
        ObjectNode probabilities = node.putObject("probabilities");
        event.probabilities().forEach((k, v) -> probabilities.put(k, v.floatValue()));
        if (Double.isNaN(event.oodScore())) {
            node.putNull("oodScore");
        } else {
            node.put("oodScore", event.oodScore());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialized", e);
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (out) {
            out.close();
        }
    }
}
