package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dicomguard.core.json.StrictJson;

/**
 * Writes the metric test report: {@code metrics.json} (machine-readable, one entry per pathology
 * plus the overall verdict) and {@code report.html} (self-contained: inline CSS and inline SVG
 * ROC curves, no scripts or external files, so it can be attached to a release ticket).
 *
 * <p>Stateless and thread-safe; each call writes its own files.
 */
public final class EvaluationReport {

    /** File name of the machine-readable metrics. */
    public static final String METRICS_FILE = "metrics.json";
    /** File name of the HTML report. */
    public static final String HTML_FILE = "report.html";

    private EvaluationReport() {
    }

    /**
     * @param evaluations per-pathology results, in display order
     * @return {@code {"passed":…,"pathologies":[{code,n,positives,auc,auc95Low,auc95High,referenceAuc,
     *         nonInferiorityMargin,passed},…]}}
     */
    public static ObjectNode metricsJson(List<PathologyEvaluation> evaluations) {
        ObjectMapper mapper = StrictJson.mapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("passed", allPassed(evaluations));
        ArrayNode list = root.putArray("pathologies");
        for (PathologyEvaluation e : evaluations) {
            list.addObject().put("code", e.code()).put("n", e.n()).put("positives", e.positives())
                    .put("auc", e.auc()).put("auc95Low", e.auc95Low()).put("auc95High", e.auc95High())
                    .put("referenceAuc", e.referenceAuc()).put("nonInferiorityMargin", e.nonInferiorityMargin())
                    .put("passed", e.passed());
        }
        return root;
    }

    /**
     * @param evaluations per-pathology results
     * @return true when every pathology passed (and there is at least one)
     */
    public static boolean allPassed(List<PathologyEvaluation> evaluations) {
        return !evaluations.isEmpty() && evaluations.stream().allMatch(PathologyEvaluation::passed);
    }

    /**
     * @param directory   created if absent; {@value #METRICS_FILE} and {@value #HTML_FILE} are replaced
     * @param title       report title (bundle id, pack name), escaped
     * @param evaluations per-pathology results, not empty
     * @param curves      ROC curve per pathology code; a pathology without a curve gets no plot
     * @throws IOException when a file cannot be written
     * @throws IllegalArgumentException when evaluations is empty
     */
    public static void write(Path directory, String title, List<PathologyEvaluation> evaluations,
                             Map<String, RocCurve> curves) throws IOException {
        if (evaluations.isEmpty()) {
            throw new IllegalArgumentException("evaluations must not be empty");
        }
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(METRICS_FILE),
                StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metricsJson(evaluations)) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(HTML_FILE), html(title, evaluations, curves), StandardCharsets.UTF_8);
    }

    /**
     * @param title       report title, escaped
     * @param evaluations per-pathology results
     * @param curves      ROC curve per code
     * @return the complete HTML document
     */
    public static String html(String title, List<PathologyEvaluation> evaluations, Map<String, RocCurve> curves) {
        boolean passed = allPassed(evaluations);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(RocSvg.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}")
                .append("td:first-child,th:first-child{text-align:left}.pass{color:#176f2c}.fail{color:#b00020;font-weight:bold}")
                .append(".plots{display:flex;flex-wrap:wrap;gap:1em}\n</style>\n</head>\n<body>\n");
        html.append("<h1>").append(RocSvg.escape(title)).append("</h1>\n");
        html.append("<p>Overall: <span class=\"").append(passed ? "pass\">PASSED" : "fail\">FAILED").append("</span>. ")
                .append("A pathology passes when the lower end of its DeLong 95% interval is at least the reference AUC")
                .append(" minus the non-inferiority margin.</p>\n");
        html.append("<table>\n<tr><th>pathology</th><th>n</th><th>positives</th><th>AUC</th><th>95% CI</th>")
                .append("<th>reference</th><th>margin</th><th>result</th></tr>\n");
        for (PathologyEvaluation e : evaluations) {
            html.append(String.format(Locale.ROOT,
                    "<tr><td>%s</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.3f-%.3f</td><td>%.3f</td><td>%.3f</td>"
                            + "<td class=\"%s\">%s</td></tr>%n",
                    RocSvg.escape(e.code()), e.n(), e.positives(), e.auc(), e.auc95Low(), e.auc95High(), e.referenceAuc(),
                    e.nonInferiorityMargin(), e.passed() ? "pass" : "fail", e.passed() ? "pass" : "FAIL"));
        }
        html.append("</table>\n<div class=\"plots\">\n");
        for (PathologyEvaluation e : evaluations) {
            RocCurve curve = curves.get(e.code());
            if (curve != null) {
                html.append("<figure>").append(RocSvg.render(e, curve)).append("</figure>\n");
            }
        }
        html.append("</div>\n</body>\n</html>\n");
        return html.toString();
    }
}
