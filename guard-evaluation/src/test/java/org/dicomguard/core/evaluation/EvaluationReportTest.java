package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationReportTest {

    @TempDir
    Path dir;

    @Test
    void passes_usesLowerConfidenceBound() {
        assertTrue(NonInferiority.passes(0.80, 0.85, 0.05));
        assertFalse(NonInferiority.passes(0.7999, 0.85, 0.05));
        assertThrows(IllegalArgumentException.class, () -> NonInferiority.passes(0.8, 1.2, 0.05));
    }

    @Test
    void pathologyEvaluation_contradictoryPassed_throws() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PathologyEvaluation("mass", 10, 5, 0.8, 0.6, 0.9, 0.85, 0.05, true));
        assertTrue(e.getMessage().contains("passed = true"), e.getMessage());
    }

    @Test
    void write_twoPathologies_metricsJsonAndSelfContainedHtml() throws Exception {
        Random random = new Random(3);
        boolean[] labels = RocAucTest.randomLabels(random, 400, 0.5);
        double[] good = RocAucTest.randomScores(random, labels, 1.5, 0);
        double[] weak = RocAucTest.randomScores(random, labels, 0.3, 0);
        PathologyEvaluation mass = PathologyEvaluation.of("mass", RocAuc.auc(good, labels), 0.80, 0.05);
        PathologyEvaluation calc = PathologyEvaluation.of("calc<&>", RocAuc.auc(weak, labels), 0.80, 0.05);
        assertTrue(mass.passed());
        assertFalse(calc.passed());
        EvaluationReport.write(dir.resolve("out"), "demo & pack", List.of(mass, calc),
                Map.of("mass", RocCurve.of(good, labels), "calc<&>", RocCurve.of(weak, labels)));

        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("out/metrics.json").toFile());
        assertFalse(metrics.get("passed").asBoolean());
        assertEquals("mass", metrics.get("pathologies").get(0).get("code").asText());
        assertEquals(mass.auc(), metrics.get("pathologies").get(0).get("auc").asDouble(), 0.0);
        assertEquals(400, metrics.get("pathologies").get(1).get("n").asInt());

        String html = Files.readString(dir.resolve("out/report.html"));
        assertEquals(2, html.split("<svg ", -1).length - 1);
        assertFalse(html.contains("<script") || html.contains("src=") || html.contains("href="));
        assertTrue(html.contains("calc&lt;&amp;&gt;") && html.contains("demo &amp; pack"));
        // each SVG is well-formed XML
        Matcher svg = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL).matcher(html);
        while (svg.find()) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(svg.group().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    @Test
    void rocSvg_largeCurve_thinnedAndLegendCarriesAuc() {
        Random random = new Random(4);
        boolean[] labels = RocAucTest.randomLabels(random, 20_000, 0.5);
        double[] scores = RocAucTest.randomScores(random, labels, 1.0, 0);
        AucResult result = RocAuc.auc(scores, labels);
        String svg = RocSvg.render("mass", RocCurve.of(scores, labels), result);
        String points = svg.substring(svg.indexOf("points=\"") + 8, svg.indexOf("\"/>", svg.indexOf("points=\"")));
        int count = points.strip().split(" ").length;
        assertTrue(count <= RocSvg.MAX_POINTS + 1 && count > 100, "points " + count);
        assertTrue(points.startsWith("40.0,280.0") && points.strip().endsWith("280.0,40.0"), points.substring(0, 20));
        assertTrue(svg.contains(String.format(java.util.Locale.ROOT, "AUC %.3f (95%% CI %.3f-%.3f)",
                result.auc(), result.auc95Low(), result.auc95High())), svg);
        assertTrue(svg.contains("stroke-dasharray"), "chance diagonal");
    }

    @Test
    void write_empty_throws() {
        assertThrows(IllegalArgumentException.class, () -> EvaluationReport.write(dir, "t", List.of(), Map.of()));
    }

    @Test
    void rocCurve_points_startAtOriginEndAtOneAndMatchAuc() {
        RocCurve curve = RocCurve.of(new double[] {0.1, 0.4, 0.35, 0.8}, new int[] {0, 0, 1, 1});
        assertEquals(5, curve.size());
        assertEquals(0.0, curve.falsePositiveRates()[0], 0.0);
        assertEquals(1.0, curve.truePositiveRates()[4], 0.0);
        assertEquals(0.75, curve.trapezoidArea(), 1e-15);
        assertEquals(Double.POSITIVE_INFINITY, curve.thresholds()[0], 0.0);
        assertEquals(0.8, curve.thresholds()[1], 0.0);
    }
}
