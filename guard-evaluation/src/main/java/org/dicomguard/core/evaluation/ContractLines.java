package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dicomguard.core.json.StrictJson;

/**
 * Reads output-contract JSON lines (the {@code score} command's output) with Jackson's tree
 * model, on purpose without the contract module's classes: diagnosis must work on files written
 * by any version of the producer, and it only needs a handful of fields.
 */
public final class ContractLines {

    private ContractLines() {
    }

    /**
     * Reads every line as a JSON object.
     *
     * @param file JSON lines, UTF-8
     * @return the parsed objects, one per line
     * @throws EvaluationInputException when unreadable, a line is empty or not a JSON object (names the line)
     */
    public static List<JsonNode> readObjects(Path file) throws EvaluationInputException {
        String source = file.toString();
        ObjectMapper mapper = StrictJson.mapper();
        List<JsonNode> nodes = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    throw new EvaluationInputException(source, lineNumber, "empty line");
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new EvaluationInputException(source, lineNumber, "not JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw new EvaluationInputException(source, lineNumber, "not a JSON object");
                }
                nodes.add(node);
            }
        } catch (IOException e) {
            throw new EvaluationInputException(source, "cannot read: " + e.getMessage(), e);
        }
        return nodes;
    }

    /**
     * Extracts per-pathology probabilities from prediction lines; rejected and failed lines are
     * counted and skipped.
     *
     * @param file contract JSON lines
     * @return our scores, rows in file order
     * @throws EvaluationInputException when a line is malformed, a study repeats, a status is
     *                                  unknown or predictions disagree on the pathology codes
     */
    public static OurScores readScores(Path file) throws EvaluationInputException {
        String source = file.toString();
        List<JsonNode> nodes = readObjects(file);
        List<String> codes = null;
        List<String> studies = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<Double> aggregates = new ArrayList<>();
        Map<String, Integer> lineByStudy = new HashMap<>();
        Map<String, Double> thresholds = new LinkedHashMap<>();
        String rule = "";
        int rejected = 0;
        int failed = 0;
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            int line = i + 1;
            String status = text(source, line, node, "status");
            if (status.equals("rejected")) {
                rejected++;
                continue;
            }
            if (status.equals("failed")) {
                failed++;
                continue;
            }
            if (!status.equals("prediction")) {
                throw new EvaluationInputException(source, line, "unknown status '" + status + "'");
            }
            String study = text(source, line, node, "studyInstanceUid");
            Integer previous = lineByStudy.putIfAbsent(study, line);
            if (previous != null) {
                throw new EvaluationInputException(source, line, "study " + study + " repeats line " + previous);
            }
            JsonNode pathologies = node.get("pathologies");
            if (pathologies == null || !pathologies.isArray() || pathologies.isEmpty()) {
                throw new EvaluationInputException(source, line, "prediction without a non-empty 'pathologies' array");
            }
            Map<String, Double> byCode = new LinkedHashMap<>();
            for (JsonNode pathology : pathologies) {
                String code = text(source, line, pathology, "code");
                double probability = number(source, line, pathology, "probability", code);
                if (byCode.put(code, probability) != null) {
                    throw new EvaluationInputException(source, line, "pathology " + code + " appears twice");
                }
                JsonNode threshold = pathology.get("decisionThresholdProbability");
                if (threshold != null && threshold.isNumber()) {
                    thresholds.putIfAbsent(code, threshold.asDouble());
                }
            }
            if (codes == null) {
                codes = List.copyOf(byCode.keySet());
            } else if (!new java.util.HashSet<>(codes).equals(byCode.keySet())) {
                throw new EvaluationInputException(source, line, "pathology codes " + byCode.keySet()
                        + " differ from the first prediction's " + codes);
            }
            double[] row = new double[codes.size()];
            for (int c = 0; c < codes.size(); c++) {
                row[c] = byCode.get(codes.get(c));
            }
            studies.add(study);
            rows.add(row);
            JsonNode any = node.get("anyPathology");
            if (any != null && any.isObject() && any.get("probability") != null) {
                aggregates.add(number(source, line, any, "probability", "anyPathology"));
                if (rule.isEmpty() && any.get("rule") != null) {
                    rule = any.get("rule").asText();
                }
            }
        }
        if (codes == null) {
            throw new EvaluationInputException(source, 0, "no prediction lines (" + rejected + " rejected, "
                    + failed + " failed)");
        }
        double[] any = new double[aggregates.size() == rows.size() ? rows.size() : 0];
        for (int r = 0; r < any.length; r++) {
            any[r] = aggregates.get(r);
        }
        return new OurScores(new StudyTable(codes, studies, rows.toArray(new double[0][])), any, rule,
                thresholds, rejected, failed);
    }

    private static String text(String source, int line, JsonNode node, String field) throws EvaluationInputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new EvaluationInputException(source, line, "missing or non-text '" + field + "'");
        }
        return value.asText();
    }

    private static double number(String source, int line, JsonNode node, String field, String owner)
            throws EvaluationInputException {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            throw new EvaluationInputException(source, line, owner + ": '" + field + "' must be a finite JSON number");
        }
        return value.asDouble();
    }
}
