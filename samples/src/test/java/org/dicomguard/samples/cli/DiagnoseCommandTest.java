package org.dicomguard.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class DiagnoseCommandTest {

    private static final String[] CODES = {"mass", "calcification", "asymmetry", "distortion",
        "skinThickening", "nippleRetraction", "lymphNode", "density"};
    private static final int STUDIES = 100;

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();
    private final double[][] ours = new double[STUDIES][CODES.length];
    private final int[][] labels = new int[STUDIES][CODES.length];

    @BeforeEach
    void writeOursAndLabels() throws IOException {
        Random random = new Random(7);
        ObjectMapper mapper = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        StringBuilder labelCsv = new StringBuilder("studyInstanceUid," + String.join(",", CODES) + "\n");
        for (int s = 0; s < STUDIES; s++) {
            ObjectNode node = mapper.createObjectNode().put("contractVersion", "1.0").put("status", "prediction")
                    .put("studyInstanceUid", uid(s)).put("bundleId", "b").put("modelSha256", "0".repeat(64));
            labelCsv.append(uid(s));
            double max = 0;
            for (int c = 0; c < CODES.length; c++) {
                labels[s][c] = (s + c) % 2;
                ours[s][c] = (float) (1 / (1 + Math.exp(1.2 - 1.466 * labels[s][c] - random.nextGaussian())));
                max = Math.max(max, ours[s][c]);
                node.withArray("pathologies").addObject().put("code", CODES[c]).put("probability", (float) ours[s][c])
                        .put("decisionThresholdProbability", 0.31).put("positive", ours[s][c] >= 0.31);
                labelCsv.append(',').append(labels[s][c]);
            }
            labelCsv.append('\n');
            node.putObject("anyPathology").put("rule", "max").put("probability", (float) max).put("positive", true);
            node.putObject("ood").put("score", 3.2).put("threshold", 7.9);
            lines.add(mapper.writeValueAsString(node));
        }
        lines.add("{\"contractVersion\":\"1.0\",\"status\":\"rejected\",\"studyInstanceUid\":\"9.1\",\"reasons\":[]}");
        Files.write(dir.resolve("ours.jsonl"), lines);
        Files.writeString(dir.resolve("labels.csv"), labelCsv);
    }

    private static String uid(int s) {
        return "1.2.3." + s;
    }

    private Path theirs(UnaryOperator<double[]> transform) throws IOException {
        StringBuilder csv = new StringBuilder("studyInstanceUid," + String.join(",", CODES) + "\n");
        for (int s = 0; s < STUDIES; s++) {
            csv.append(uid(s));
            for (double v : transform.apply(ours[s].clone())) {
                csv.append(',').append(v);
            }
            csv.append('\n');
        }
        Path file = dir.resolve("theirs.csv");
        Files.writeString(file, csv);
        return file;
    }

    private int run(Path theirs) {
        return cli.run("diagnose", "--ours", dir.resolve("ours.jsonl").toString(), "--theirs", theirs.toString(),
                "--labels", dir.resolve("labels.csv").toString());
    }

    @Test
    void diagnose_integerPercent_printsRoundingFirst() throws IOException {
        int exit = run(theirs(row -> {
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.round(row[c] * 100) / 100.0;
            }
            return row;
        }));
        assertEquals(0, exit, cli.stderr());
        JsonNode json = new ObjectMapper().readTree(cli.stdout());
        JsonNode top = json.get("explanations").get(0);
        assertEquals("ROUNDING", top.get("cause").asText(), cli.stdout());
        assertEquals(0.01, top.get("evidence").get("step").asDouble(), 0.0);
        assertEquals(1, json.get("summary").get("oursSkippedRejected").asInt());
        assertTrue(top.get("evidence").get("perPathology").get("mass").has("aucTheirs"));
    }

    @Test
    void diagnose_maxSubstitution_printsAggregateFirst() throws IOException {
        int exit = run(theirs(row -> {
            java.util.Arrays.fill(row, java.util.Arrays.stream(row).max().orElseThrow());
            return row;
        }));
        assertEquals(0, exit, cli.stderr());
        JsonNode top = new ObjectMapper().readTree(cli.stdout()).get("explanations").get(0);
        assertEquals("AGGREGATE_SUBSTITUTION", top.get("cause").asText());
        assertEquals("*", top.get("pathology").asText());
    }

    @Test
    void diagnose_roundedMaxSubstitution_printsBothCauses() throws IOException {
        int exit = run(theirs(row -> {
            double max = java.util.Arrays.stream(row).max().orElseThrow();
            java.util.Arrays.fill(row, Math.round(max * 100) / 100.0);
            return row;
        }));
        assertEquals(0, exit, cli.stderr());
        JsonNode explanations = new ObjectMapper().readTree(cli.stdout()).get("explanations");
        java.util.Set<String> causes = new java.util.HashSet<>();
        explanations.forEach(e -> causes.add(e.get("cause").asText()));
        assertEquals(java.util.Set.of("ROUNDING", "AGGREGATE_SUBSTITUTION"), causes, cli.stdout());
    }

    @Test
    void diagnose_maxSubstitutionOnEveryThirdStudy_printsAffectedFraction() throws IOException {
        int[] study = {0};
        int exit = run(theirs(row -> {
            if (study[0]++ % 3 == 0) {
                java.util.Arrays.fill(row, java.util.Arrays.stream(row).max().orElseThrow());
            }
            return row;
        }));
        assertEquals(0, exit, cli.stderr());
        JsonNode top = new ObjectMapper().readTree(cli.stdout()).get("explanations").get(0);
        assertEquals("AGGREGATE_SUBSTITUTION", top.get("cause").asText(), cli.stdout());
        assertEquals("partOfRows", top.get("evidence").get("scope").asText());
        int substituted = (STUDIES + 2) / 3;
        assertEquals(substituted, top.get("evidence").get("affectedStudyCount").asInt(), cli.stdout());
    }

    @Test
    void diagnose_identical_noneFound() throws IOException {
        assertEquals(0, run(theirs(row -> row)), cli.stderr());
        JsonNode top = new ObjectMapper().readTree(cli.stdout()).get("explanations").get(0);
        assertEquals("NONE_FOUND", top.get("cause").asText());
    }

    @Test
    void diagnose_badNumberInTheirs_exit2NamingLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "studyInstanceUid,mass\n1.2.3.0,0.5\n1.2.3.1,50%\n");
        assertEquals(2, run(bad));
        assertTrue(cli.stderr().contains("line 3") && cli.stderr().contains("50%"), cli.stderr());
        assertEquals(1, cli.stderr().strip().lines().count());
    }

    @Test
    void diagnose_malformedOurs_exit2NamingLine() throws IOException {
        Files.writeString(dir.resolve("ours.jsonl"), "{\"status\":\"prediction\"}\n");
        assertEquals(2, run(theirs(row -> row)));
        assertTrue(cli.stderr().contains("line 1"), cli.stderr());
    }

    @Test
    void diagnose_missingOption_exit2() {
        assertEquals(2, cli.run("diagnose", "--ours", "x"));
    }
}
