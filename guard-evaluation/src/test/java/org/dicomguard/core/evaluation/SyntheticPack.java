package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Seeded synthetic test pack for the diagnosis tests: 8 pathologies, each with 50 positives in
 * 100 studies, our probabilities binormal on the logit scale with a shift giving AUC about 0.85.
 */
final class SyntheticPack {

    static final List<String> CODES = List.of("mass", "calcification", "asymmetry", "distortion",
            "skinThickening", "nippleRetraction", "lymphNode", "density");
    static final double DECISION_THRESHOLD = 0.31;

    final List<String> studies = new ArrayList<>();
    final double[][] ours;
    final double[][] labels;

    SyntheticPack(long seed, int studyCount) {
        Random random = new Random(seed);
        ours = new double[studyCount][CODES.size()];
        labels = new double[studyCount][CODES.size()];
        for (int s = 0; s < studyCount; s++) {
            studies.add("1.2.826.0.1.3680043.10." + (1000 + s));
        }
        for (int c = 0; c < CODES.size(); c++) {
            List<Integer> rows = new ArrayList<>();
            for (int s = 0; s < studyCount; s++) {
                rows.add(s);
            }
            Collections.shuffle(rows, random);
            for (int k = 0; k < studyCount / 2; k++) {
                labels[rows.get(k)][c] = 1;
            }
            for (int s = 0; s < studyCount; s++) {
                // Binormal with separation 1.466 on the logit scale: AUC = Phi(1.466/sqrt 2) = 0.85.
                double logit = -1.2 + 1.466 * labels[s][c] + random.nextGaussian();
                // float precision, as the contract writes probabilities
                ours[s][c] = (float) (1.0 / (1.0 + Math.exp(-logit)));
            }
        }
    }

    OurScores ourScores() {
        return new OurScores(new StudyTable(CODES, studies, ours), anyMax(), "max",
                thresholds(), 0, 0);
    }

    double[] anyMax() {
        double[] any = new double[ours.length];
        for (int s = 0; s < ours.length; s++) {
            any[s] = java.util.Arrays.stream(ours[s]).max().orElseThrow();
        }
        return any;
    }

    Map<String, Double> thresholds() {
        Map<String, Double> thresholds = new HashMap<>();
        for (String code : CODES) {
            thresholds.put(code, DECISION_THRESHOLD);
        }
        return thresholds;
    }

    StudyTable labelTable() {
        return new StudyTable(CODES, studies, labels);
    }

    /** @return theirs = transform applied to each of our rows (a row holds every pathology) */
    StudyTable theirs(UnaryOperator<double[]> rowTransform) {
        double[][] values = new double[ours.length][];
        for (int s = 0; s < ours.length; s++) {
            values[s] = rowTransform.apply(ours[s].clone());
        }
        return new StudyTable(CODES, studies, values);
    }

    StudyTable theirsPerValue(java.util.function.DoubleUnaryOperator valueTransform) {
        return theirs(row -> {
            for (int c = 0; c < row.length; c++) {
                row[c] = valueTransform.applyAsDouble(row[c]);
            }
            return row;
        });
    }

    /** Writes our scores as contract JSON lines, with one rejected and one failed line in between. */
    void writeContractLines(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (int s = 0; s < ours.length; s++) {
            ObjectNode node = mapper.createObjectNode();
            node.put("contractVersion", "1.0");
            node.put("status", "prediction");
            node.put("studyInstanceUid", studies.get(s));
            node.put("bundleId", "b");
            node.put("modelSha256", "0".repeat(64));
            ArrayNode pathologies = node.putArray("pathologies");
            double max = 0;
            for (int c = 0; c < CODES.size(); c++) {
                ObjectNode p = pathologies.addObject();
                p.put("code", CODES.get(c));
                p.put("probability", (float) ours[s][c]);
                p.put("decisionThresholdProbability", DECISION_THRESHOLD);
                p.put("positive", ours[s][c] >= DECISION_THRESHOLD);
                max = Math.max(max, ours[s][c]);
            }
            ObjectNode any = node.putObject("anyPathology");
            any.put("rule", "max");
            any.put("probability", (float) max);
            any.put("positive", max >= DECISION_THRESHOLD);
            node.putObject("ood").put("score", 3.2).put("threshold", 7.9);
            node.putObject("provenance").put("libraryVersion", "0.1.0");
            lines.add(mapper.writeValueAsString(node));
            if (s == 3) {
                lines.add("{\"contractVersion\":\"1.0\",\"status\":\"rejected\",\"studyInstanceUid\":\"9.9.1\","
                        + "\"reasons\":[{\"code\":\"MODALITY\",\"message\":\"m\"}]}");
                lines.add("{\"contractVersion\":\"1.0\",\"status\":\"failed\",\"studyInstanceUid\":\"9.9.2\","
                        + "\"errorCode\":\"X\",\"message\":\"m\"}");
            }
        }
        Files.write(file, lines);
    }

    static void writeCsv(Path file, StudyTable table, boolean integers) throws IOException {
        StringBuilder text = new StringBuilder("studyInstanceUid," + String.join(",", table.pathologyCodes()) + "\n");
        for (int r = 0; r < table.size(); r++) {
            text.append(table.studyInstanceUids().get(r));
            for (int c = 0; c < table.pathologyCodes().size(); c++) {
                double v = table.value(r, c);
                text.append(',').append(integers ? Integer.toString((int) v) : Double.toString(v));
            }
            text.append('\n');
        }
        Files.writeString(file, text);
    }
}
