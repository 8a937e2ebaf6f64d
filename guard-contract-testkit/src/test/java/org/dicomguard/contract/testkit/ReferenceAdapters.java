package org.dicomguard.contract.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.core.JsonProcessingException;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;

/**
 * Reference backend adapters: a faithful one, and the broken ones from the incidents, written the
 * way a backend would write them. Each translates a result into the backend's own client JSON
 * ({@code {"state":…,"scores":[{"name":…,"score":…}],"overall":…,"codes":[…]}}) and reads it back.
 */
final class ReferenceAdapters {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferenceAdapters() {
    }

    /** Faithful: reads our JSON with the strict reader and passes each float on unchanged. */
    static ConsumerTestKit faithful() {
        return ConsumerTestKit.forJsonAdapter(json -> clientJson(ContractJson.read(json), PathologyFinding::probability),
                ReferenceAdapters::readClientJson);
    }

    /** Faithful, from the objects instead of the JSON. */
    static ConsumerTestKit faithfulFromObjects() {
        return ConsumerTestKit.forResultAdapter(r -> clientJson(r, PathologyFinding::probability),
                ReferenceAdapters::readClientJson);
    }

    /** Incident 1: "the client shows whole percent", so Math.round(p * 100); the client divides by 100. */
    static ConsumerTestKit integerPercent() {
        return ConsumerTestKit.forJsonAdapter(
                json -> clientJson(ContractJson.read(json), f -> Math.round(f.probability() * 100)),
                message -> percentToFraction(readClientJson(message)));
    }

    /** Incident 2: the one number the old UI had a field for, anyPathology, written for every pathology. */
    static ConsumerTestKit maxSubstitution() {
        return ConsumerTestKit.forResultAdapter(r -> {
            float aggregate = r instanceof Prediction p ? p.anyPathology().probability() : 0f;
            return clientJson(r, f -> aggregate);
        }, ReferenceAdapters::readClientJson);
    }

    /** Incident 3: a CSV whose header is sorted by code while the values stay in bundle order. */
    static ConsumerTestKit columnSwap() {
        return ConsumerTestKit.forResultAdapter(ReferenceAdapters::csv, ReferenceAdapters::readCsv);
    }

    /** Percent without rounding: {@code p * 100}, read back as is. */
    static ConsumerTestKit rescaling() {
        return ConsumerTestKit.forResultAdapter(r -> clientJson(r, f -> f.probability() * 100.0),
                ReferenceAdapters::readClientJson);
    }

    /** {@code String.format("%.2f")} for display, parsed back. */
    static ConsumerTestKit twoDecimalFormat() {
        return ConsumerTestKit.forResultAdapter(r -> clientJson(r,
                f -> Double.parseDouble(String.format(java.util.Locale.ROOT, "%.2f", f.probability()))),
                ReferenceAdapters::readClientJson);
    }

    /** Drops "negligible" values below 0.01 to declutter the UI. */
    static ConsumerTestKit droppingSmallValues() {
        return ConsumerTestKit.forResultAdapter(r -> {
            ObjectNode json = (ObjectNode) tree(clientJson(r, PathologyFinding::probability));
            ArrayNode kept = MAPPER.createArrayNode();
            json.withArray("scores").forEach(s -> {
                if (s.get("score").asDouble() >= 0.01) {
                    kept.add(s);
                }
            });
            json.set("scores", kept);
            return json.toString();
        }, ReferenceAdapters::readClientJson);
    }

    /** Sorts pathologies by code; values stay with their codes. */
    static ConsumerTestKit sortingByCode() {
        return ConsumerTestKit.forResultAdapter(r -> clientJson(r, PathologyFinding::probability),
                message -> {
                    ClientView view = readClientJson(message);
                    List<ClientView.ReportedValue> sorted = new ArrayList<>(view.pathologies());
                    sorted.sort(java.util.Comparator.comparing(ClientView.ReportedValue::code));
                    return new ClientView(view.status(), sorted, view.anyPathologyProbability(), view.codes());
                });
    }

    /** Turns every rejection into a prediction of 0.0 ("nothing found"). */
    static ConsumerTestKit rejectedAsZero() {
        return ConsumerTestKit.forResultAdapter(r -> r, r -> r instanceof Rejected
                ? ClientView.prediction(Map.of("mass", 0.0), 0.0)
                : readClientJson(clientJson(r, PathologyFinding::probability)));
    }

    /** Cannot handle failed results at all. */
    static ConsumerTestKit throwingOnFailed() {
        return ConsumerTestKit.forResultAdapter(r -> {
            if (r instanceof Failed) {
                throw new IllegalStateException("no mapping for status failed");
            }
            return clientJson(r, PathologyFinding::probability);
        }, ReferenceAdapters::readClientJson);
    }

    static String clientJson(GuardResult result, ToDoubleFunction<PathologyFinding> score) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("study", result.studyInstanceUidIfKnown().orElse(null));
        ArrayNode scores = json.putArray("scores");
        ArrayNode codes = json.putArray("codes");
        if (result instanceof Prediction p) {
            json.put("state", "ok");
            for (PathologyFinding f : p.pathologies()) {
                ObjectNode s = scores.addObject().put("name", f.code());
                double value = score.applyAsDouble(f);
                // A float passed on as float: Jackson writes its shortest form.
                if (value == f.probability()) {
                    s.put("score", f.probability());
                } else {
                    s.put("score", value);
                }
            }
            json.put("overall", p.anyPathology().probability());
        } else if (result instanceof Rejected r) {
            json.put("state", "rejected");
            r.reasons().stream().map(RejectionReason::code).forEach(codes::add);
        } else {
            json.put("state", "error");
            codes.add(((Failed) result).errorCode());
        }
        return json.toString();
    }

    private static JsonNode tree(String message) {
        try {
            return MAPPER.readTree(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ClientView readClientJson(String message) {
        JsonNode json = tree(message);
        List<String> codes = new ArrayList<>();
        json.get("codes").forEach(c -> codes.add(c.asText()));
        switch (json.get("state").asText()) {
            case "rejected":
                return ClientView.rejected(codes);
            case "error":
                return ClientView.failed(codes.get(0));
            default:
                Map<String, Double> scores = new LinkedHashMap<>();
                json.get("scores").forEach(s -> scores.put(s.get("name").asText(), s.get("score").asDouble()));
                return ClientView.prediction(scores, json.get("overall").asDouble());
        }
    }

    private static ClientView percentToFraction(ClientView view) {
        List<ClientView.ReportedValue> values = new ArrayList<>();
        view.pathologies().forEach(v -> values.add(new ClientView.ReportedValue(v.code(), v.probability() / 100.0)));
        return new ClientView(view.status(), values, view.anyPathologyProbability(), view.codes());
    }

    private static String csv(GuardResult result) {
        if (!(result instanceof Prediction p)) {
            String code = result instanceof Rejected r
                    ? String.join(";", r.reasons().stream().map(RejectionReason::code).toList())
                    : ((Failed) result).errorCode();
            return "status,code\n" + result.status().jsonName() + "," + code + "\n";
        }
        List<String> header = new ArrayList<>();
        p.pathologies().forEach(f -> header.add(f.code()));
        header.sort(null); // the bug: the header is sorted, the values below are not
        StringBuilder csv = new StringBuilder("status,").append(String.join(",", header)).append(",anyPathology\n")
                .append("prediction");
        p.pathologies().forEach(f -> csv.append(',').append(f.probability()));
        return csv.append(',').append(p.anyPathology().probability()).append('\n').toString();
    }

    private static ClientView readCsv(String csv) {
        String[] lines = csv.split("\n");
        String[] header = lines[0].split(",");
        String[] row = lines[1].split(",");
        if (!"prediction".equals(row[0])) {
            return "rejected".equals(row[0]) ? ClientView.rejected(List.of(row[1].split(";"))) : ClientView.failed(row[1]);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 1; i < header.length - 1; i++) {
            values.put(header[i], Double.parseDouble(row[i]));
        }
        return new ClientView(GuardResult.Status.PREDICTION, ClientView.prediction(values).pathologies(),
                OptionalDouble.of(Double.parseDouble(row[header.length - 1])), List.of());
    }
}
