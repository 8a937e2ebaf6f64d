package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Outcome of {@link PackEvaluation#evaluate}: per-pathology AUC against the reference, labelled
 * studies that got no prediction, and out-of-distribution rejection by kind and reason code.
 *
 * @param bundleId                    the evaluated bundle
 * @param evaluations                 pathologies that could be scored, in label-file order
 * @param curves                      ROC curve per evaluated pathology
 * @param labelledStudies             studies listed in labels.csv
 * @param unscored                    labelled studies without a prediction (excluded from AUC)
 * @param maxUnscoredLabelledFraction largest allowed share of {@code unscored}, in [0, 1]
 * @param ood                         per ood.csv kind: counts and reason codes
 * @param unreadableFiles             files that could not be read far enough to know their study
 * @param unlistedStudies             studies found in the pack but in neither labels.csv nor ood.csv
 * @param problems                    reasons a pathology could not be evaluated; any fails the run
 * @param occlusion                   where the model looks ({@link OcclusionReport}); when present, its
 *                                    failure fails the run
 */
public record PackEvaluationResult(String bundleId, List<PathologyEvaluation> evaluations, Map<String, RocCurve> curves,
                                   int labelledStudies, List<Unscored> unscored, double maxUnscoredLabelledFraction,
                                   Map<String, OodKind> ood, int unreadableFiles, int unlistedStudies,
                                   List<String> problems, Optional<OcclusionReport> occlusion) {

    /** Copies the collections. */
    public PackEvaluationResult {
        evaluations = List.copyOf(evaluations);
        curves = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(curves));
        unscored = List.copyOf(unscored);
        ood = java.util.Collections.unmodifiableMap(new TreeMap<>(ood));
        problems = List.copyOf(problems);
    }

    /**
     * A result without an occlusion test.
     *
     * @param bundleId                    the evaluated bundle
     * @param evaluations                 evaluated pathologies
     * @param curves                      ROC curves
     * @param labelledStudies             studies in labels.csv
     * @param unscored                    labelled studies without a prediction
     * @param maxUnscoredLabelledFraction largest allowed share of them
     * @param ood                         per ood.csv kind
     * @param unreadableFiles             unreadable files
     * @param unlistedStudies             studies in neither csv
     * @param problems                    reasons a pathology could not be evaluated
     */
    public PackEvaluationResult(String bundleId, List<PathologyEvaluation> evaluations, Map<String, RocCurve> curves,
                                int labelledStudies, List<Unscored> unscored, double maxUnscoredLabelledFraction,
                                Map<String, OodKind> ood, int unreadableFiles, int unlistedStudies,
                                List<String> problems) {
        this(bundleId, evaluations, curves, labelledStudies, unscored, maxUnscoredLabelledFraction, ood,
                unreadableFiles, unlistedStudies, problems, Optional.empty());
    }

    /**
     * @param report the occlusion test of the same run
     * @return this result with the occlusion test added
     */
    public PackEvaluationResult withOcclusion(OcclusionReport report) {
        return new PackEvaluationResult(bundleId, evaluations, curves, labelledStudies, unscored,
                maxUnscoredLabelledFraction, ood, unreadableFiles, unlistedStudies, problems, Optional.of(report));
    }

    /** @return the verdict's reason codes besides AUC and coverage: the occlusion test's, empty when it passed */
    public List<String> verdictReasonCodes() {
        return occlusion.map(OcclusionReport::reasonCodes).orElse(List.of());
    }

    /**
     * A labelled study that got no prediction.
     *
     * @param studyInstanceUid the study
     * @param status           "rejected", "failed" or "missing" (no file of it in the pack)
     * @param codes            rejection reason codes, the error code, or NOT_IN_PACK
     */
    public record Unscored(String studyInstanceUid, String status, List<String> codes) {
        /** Copies the codes. */
        public Unscored {
            codes = List.copyOf(codes);
        }
    }

    /**
     * Out-of-distribution studies of one kind.
     *
     * @param studies        listed in ood.csv
     * @param rejected       answered Rejected
     * @param failed         answered Failed
     * @param predicted      answered Prediction (missed by every guardrail)
     * @param studiesByCode  number of studies per rejection reason or error code
     */
    public record OodKind(int studies, int rejected, int failed, int predicted, Map<String, Integer> studiesByCode) {
        /** Copies the map. */
        public OodKind {
            studiesByCode = java.util.Collections.unmodifiableMap(new TreeMap<>(studiesByCode));
        }

        /** @return (rejected + failed) / studies, 0 when there are none */
        public double rejectionRate() {
            return studies == 0 ? 0 : (rejected + failed) / (double) studies;
        }
    }

    /** @return share of labelled studies without a prediction, 0 when there are none */
    public double unscoredLabelledFraction() {
        return labelledStudies == 0 ? 0 : unscored.size() / (double) labelledStudies;
    }

    /**
     * @return true when every pathology passed, none had a problem, few enough studies went unscored
     *         and the occlusion test, when run, passed
     */
    public boolean passed() {
        return EvaluationReport.allPassed(evaluations) && problems.isEmpty()
                && unscoredLabelledFraction() <= maxUnscoredLabelledFraction
                && occlusion.map(OcclusionReport::passed).orElse(true);
    }

    /** @return metrics.json: {@link EvaluationReport#metricsJson} plus coverage, ood and problems */
    public ObjectNode metricsJson() {
        ObjectNode root = EvaluationReport.metricsJson(evaluations);
        root.put("passed", passed());
        root.put("bundleId", bundleId);
        ObjectNode coverage = root.putObject("labelledCoverage");
        coverage.put("labelledStudies", labelledStudies).put("scoredStudies", labelledStudies - unscored.size())
                .put("unscoredStudies", unscored.size()).put("unscoredFraction", unscoredLabelledFraction())
                .put("maxUnscoredFraction", maxUnscoredLabelledFraction)
                .put("rule", "labelled studies without a prediction are excluded from AUC; the run fails when their"
                        + " share exceeds maxUnscoredFraction");
        ArrayNode list = coverage.putArray("unscored");
        for (Unscored u : unscored) {
            ObjectNode n = list.addObject().put("studyInstanceUid", u.studyInstanceUid()).put("status", u.status());
            u.codes().forEach(n.putArray("codes")::add);
        }
        ObjectNode oodNode = root.putObject("ood");
        ood.forEach((kind, k) -> {
            ObjectNode n = oodNode.putObject(kind).put("studies", k.studies()).put("rejected", k.rejected())
                    .put("failed", k.failed()).put("predicted", k.predicted()).put("rejectionRate", k.rejectionRate());
            ObjectNode codes = n.putObject("studiesByCode");
            k.studiesByCode().forEach(codes::put);
        });
        root.put("unreadableFiles", unreadableFiles).put("unlistedStudies", unlistedStudies);
        problems.forEach(root.putArray("problems")::add);
        occlusion.ifPresent(o -> root.set("occlusion", o.json()));
        verdictReasonCodes().forEach(root.putArray("verdictReasonCodes")::add);
        return root;
    }

    /**
     * Writes {@value EvaluationReport#METRICS_FILE} and {@value EvaluationReport#HTML_FILE}.
     *
     * @param directory created if absent; both files are replaced
     * @param title     report title
     * @throws IOException when a file cannot be written
     */
    public void write(Path directory, String title) throws IOException {
        Files.createDirectories(directory);
        String html = EvaluationReport.html(title, evaluations, curves);
        // The run verdict also counts coverage and problems, so it leads; the AUC verdict follows as a part of it.
        html = html.replaceFirst("</h1>\n", "</h1>\n" + verdictHtml())
                .replace("<p>Overall: ", "<p>AUC non-inferiority: ")
                .replace("</body>", extraHtml() + "</body>");
        Files.writeString(directory.resolve(EvaluationReport.HTML_FILE), html, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(EvaluationReport.METRICS_FILE),
                StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metricsJson()) + "\n",
                StandardCharsets.UTF_8);
    }

    private String verdictHtml() {
        StringBuilder h = new StringBuilder();
        h.append("<h2>Run verdict: ").append(passed() ? "<span class=\"pass\">PASSED" : "<span class=\"fail\">FAILED")
                .append("</span></h2>\n");
        problems.forEach(p -> h.append("<p class=\"fail\">").append(RocSvg.escape(p)).append("</p>\n"));
        occlusion.ifPresent(o -> o.problems().forEach(p -> h.append("<p class=\"fail\">").append(RocSvg.escape(p))
                .append("</p>\n")));
        return java.util.regex.Matcher.quoteReplacement(h.toString());
    }

    private String extraHtml() {
        StringBuilder h = new StringBuilder();
        h.append(String.format(Locale.ROOT, "<h2>Labelled studies without a prediction</h2>\n<p>%d of %d (%.1f%%, "
                        + "allowed %.1f%%); excluded from AUC.</p>\n", unscored.size(), labelledStudies,
                100 * unscoredLabelledFraction(), 100 * maxUnscoredLabelledFraction));
        if (!unscored.isEmpty()) {
            h.append("<table>\n<tr><th>study</th><th>status</th><th>codes</th></tr>\n");
            for (Unscored u : unscored) {
                h.append("<tr><td>").append(RocSvg.escape(u.studyInstanceUid())).append("</td><td>")
                        .append(u.status()).append("</td><td>").append(RocSvg.escape(String.join(", ", u.codes())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<h2>Out-of-distribution studies</h2>\n<table>\n<tr><th>kind</th><th>studies</th><th>rejected</th>"
                + "<th>failed</th><th>predicted</th><th>rejection rate</th><th>codes</th></tr>\n");
        ood.forEach((kind, k) -> h.append(String.format(Locale.ROOT,
                "<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td><td>%d</td><td>%.3f</td><td>%s</td></tr>\n",
                RocSvg.escape(kind), k.studies(), k.rejected(), k.failed(), k.predicted(), k.rejectionRate(),
                RocSvg.escape(k.studiesByCode().toString()))));
        h.append("</table>\n");
        occlusion.ifPresent(o -> h.append(o.html()));
        return h.toString();
    }
}
