package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the model looks, over a sample of studies ({@link OcclusionProbe}): per pathology, the
 * mean absolute change of the probability when everything outside the organ is replaced by a
 * donor study's, and when the organ is, and the outside-organ share of the evidence,
 * {@code sum|p - p(outside swapped)| / (sum|p - p(outside swapped)| + sum|p - p(organ swapped)|)}:
 * 0 when only the organ moves the output, 1 when only what lies outside it does.
 *
 * <p>Rule: the occlusion test fails ({@value #REASON_CODE}) when any pathology's outside-organ
 * share exceeds {@code maxOutsideShare} (default {@value #DEFAULT_MAX_OUTSIDE_SHARE}, README
 * "Where the model looks" says how it was chosen). A pathology whose output moves under neither
 * occlusion has no share (NaN, {@code null} in JSON) and does not fail; its AUC test speaks for it.
 *
 * @param organ           the organ of the masks, e.g. "lung"
 * @param studiesProbed   studies in the sample
 * @param studiesSkipped  sampled studies that gave no summary (not preparable, empty mask)
 * @param meanOrganFraction mean share of the model input inside the organ mask, NaN without summaries
 * @param maxOutsideShare the threshold, in (0, 1]
 * @param pathologies     per pathology, in the bundle's order; copied
 */
public record OcclusionReport(String organ, int studiesProbed, int studiesSkipped, double meanOrganFraction,
                              double maxOutsideShare, List<PathologyOcclusion> pathologies) {

    /** Default largest outside-organ share of a pathology's evidence. */
    public static final double DEFAULT_MAX_OUTSIDE_SHARE = 0.5;
    /** Default number of predicted labelled studies probed by {@code evaluate}. */
    public static final int DEFAULT_SAMPLE_STUDIES = 100;
    /** Stable code of a failed occlusion test (a verdict reason of {@code evaluate}). */
    public static final String REASON_CODE = "EVIDENCE_OUTSIDE_ORGAN";
    /** Stable code when no sampled study gave a summary: the test could not run, so the run fails. */
    public static final String NOT_MEASURED_CODE = "OCCLUSION_NOT_MEASURED";

    /** Validates the threshold and copies the list. */
    public OcclusionReport {
        if (!(maxOutsideShare > 0 && maxOutsideShare <= 1)) {
            throw new IllegalArgumentException("maxOutsideShare must be in (0, 1], got " + maxOutsideShare);
        }
        pathologies = List.copyOf(pathologies);
    }

    /**
     * One pathology's occlusion numbers.
     *
     * @param code                    pathology code
     * @param studies                 studies measured
     * @param meanChangeOutsideSwapped mean |p - p(outside swapped)|
     * @param meanChangeOrganSwapped   mean |p - p(organ swapped)|
     * @param outsideShare            see the class comment; NaN when neither moved the output
     * @param passed                  share is NaN or at most the threshold
     */
    public record PathologyOcclusion(String code, int studies, double meanChangeOutsideSwapped,
                                     double meanChangeOrganSwapped, double outsideShare, boolean passed) {
    }

    /**
     * @param changeOutsideSwapped summed or mean |p - p(outside swapped)|
     * @param changeOrganSwapped   summed or mean |p - p(organ swapped)|, same scale
     * @return the outside-organ share in [0, 1]; NaN when both are below 1e-6
     */
    public static double outsideShare(double changeOutsideSwapped, double changeOrganSwapped) {
        double total = changeOutsideSwapped + changeOrganSwapped;
        return total < 1e-6 ? Double.NaN : changeOutsideSwapped / total;
    }

    /**
     * @param organ           organ name for the report when no summary came back
     * @param pathologyCodes  the bundle's pathology codes, in order
     * @param summaries       one per study that gave one
     * @param skipped         sampled studies without a summary
     * @param maxOutsideShare the threshold, in (0, 1]
     * @return the aggregate
     */
    public static OcclusionReport of(String organ, List<String> pathologyCodes, List<OcclusionSummary> summaries,
                                     int skipped, double maxOutsideShare) {
        List<PathologyOcclusion> list = new ArrayList<>();
        for (String code : pathologyCodes) {
            double outside = 0;
            double inside = 0;
            int n = 0;
            for (OcclusionSummary s : summaries) {
                OcclusionSummary.Shift shift = s.pathologies().get(code);
                if (shift != null) {
                    outside += shift.changeOutsideSwapped();
                    inside += shift.changeOrganSwapped();
                    n++;
                }
            }
            double meanOutside = n == 0 ? Double.NaN : outside / n;
            double meanInside = n == 0 ? Double.NaN : inside / n;
            double share = n == 0 ? Double.NaN : outsideShare(meanOutside, meanInside);
            list.add(new PathologyOcclusion(code, n, meanOutside, meanInside, share,
                    Double.isNaN(share) || share <= maxOutsideShare));
        }
        String name = summaries.isEmpty() ? organ : summaries.get(0).organ();
        double organFraction = summaries.stream().mapToDouble(OcclusionSummary::organFraction).average()
                .orElse(Double.NaN);
        return new OcclusionReport(name, summaries.size() + skipped, skipped, organFraction, maxOutsideShare, list);
    }

    /** @return studies that gave a summary */
    public int studiesMeasured() {
        return studiesProbed - studiesSkipped;
    }

    /** @return true when at least one study was measured and every pathology passed */
    public boolean passed() {
        return studiesMeasured() > 0 && pathologies.stream().allMatch(PathologyOcclusion::passed);
    }

    /** @return the verdict reason codes: empty when passed */
    public List<String> reasonCodes() {
        if (studiesMeasured() == 0) {
            return List.of(NOT_MEASURED_CODE);
        }
        return passed() ? List.of() : List.of(REASON_CODE);
    }

    /** @return one sentence per failing pathology (or one for an unmeasured test), each led by its code */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (studiesMeasured() == 0) {
            problems.add(NOT_MEASURED_CODE + ": none of " + studiesProbed + " sampled studies gave an occlusion"
                    + " measurement (no organ mask or not preparable)");
        }
        for (PathologyOcclusion p : pathologies) {
            if (!p.passed()) {
                problems.add(String.format(Locale.ROOT, "%s: %s: %.0f%% of the output's change comes from outside the"
                                + " %s (allowed %.0f%%): the model looks outside the organ", REASON_CODE, p.code(),
                        100 * p.outsideShare(), organ, 100 * maxOutsideShare));
            }
        }
        return problems;
    }

    /** @return the {@code occlusion} object of metrics.json */
    public ObjectNode json() {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("passed", passed()).put("organ", organ).put("studiesProbed", studiesProbed)
                .put("studiesSkipped", studiesSkipped).put("maxOutsideShare", maxOutsideShare)
                .put("rule", "outsideShare = mean|p - p(outside swapped)| / (mean|p - p(outside swapped)| + mean|p -"
                        + " p(organ swapped)|), each region swapped with another study's; the run fails when a"
                        + " pathology's share exceeds maxOutsideShare");
        putFinite(node, "meanOrganFraction", meanOrganFraction);
        reasonCodes().forEach(node.putArray("reasonCodes")::add);
        ArrayNode list = node.putArray("pathologies");
        for (PathologyOcclusion p : pathologies) {
            ObjectNode n = list.addObject().put("code", p.code()).put("studies", p.studies());
            putFinite(n, "meanChangeOutsideSwapped", p.meanChangeOutsideSwapped());
            putFinite(n, "meanChangeOrganSwapped", p.meanChangeOrganSwapped());
            putFinite(n, "outsideShare", p.outsideShare());
            n.put("passed", p.passed());
        }
        return node;
    }

    private static void putFinite(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** @return the lines {@code evaluate} prints: a header, one per pathology and the verdict */
    public List<String> textLines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "where the model looks (%d studies, %s mask = %.0f%% of the input; fails"
                + " above %.0f%% outside):", studiesMeasured(), organ, 100 * meanOrganFraction, 100 * maxOutsideShare));
        lines.add(String.format(Locale.ROOT, "%-16s %16s %16s %14s  %s", "pathology", "d(outside swap)",
                "d(organ swap)", "outside share", "verdict"));
        for (PathologyOcclusion p : pathologies) {
            lines.add(String.format(Locale.ROOT, "%-16s %16.4f %16.4f %14s  %s", p.code(), p.meanChangeOutsideSwapped(),
                    p.meanChangeOrganSwapped(), Double.isNaN(p.outsideShare()) ? "n/a"
                            : String.format(Locale.ROOT, "%.3f", p.outsideShare()), p.passed() ? "pass" : "FAIL"));
        }
        return lines;
    }

    /** @return the report.html section */
    public String html() {
        StringBuilder h = new StringBuilder();
        h.append(String.format(Locale.ROOT, "<h2>Where the model looks</h2>\n<p>%d studies; each run on its own input,"
                        + " with everything outside the %s taken from another study, and with the %s taken from"
                        + " it. The outside share is the part of the output's change that comes from outside the"
                        + " %s; the test fails above %.0f%%: <span class=\"%s\">%s</span>.</p>\n", studiesMeasured(),
                RocSvg.escape(organ), RocSvg.escape(organ), RocSvg.escape(organ), 100 * maxOutsideShare,
                passed() ? "pass" : "fail", passed() ? "PASSED" : "FAILED"));
        h.append("<table>\n<tr><th>pathology</th><th>studies</th><th>mean |change|, outside swapped</th>"
                + "<th>mean |change|, organ swapped</th><th>outside share</th><th>result</th></tr>\n");
        for (PathologyOcclusion p : pathologies) {
            h.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.4f</td><td>%.4f</td><td>%s</td>"
                            + "<td class=\"%s\">%s</td></tr>\n", RocSvg.escape(p.code()), p.studies(),
                    p.meanChangeOutsideSwapped(), p.meanChangeOrganSwapped(), Double.isNaN(p.outsideShare()) ? "n/a"
                            : String.format(Locale.ROOT, "%.3f", p.outsideShare()), p.passed() ? "pass" : "fail",
                    p.passed() ? "pass" : "FAIL"));
        }
        h.append("</table>\n");
        return h.toString();
    }
}
