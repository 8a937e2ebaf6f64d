package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Explains why an external party's metrics differ from ours, from our {@code score} output,
 * their per-study probabilities and the labels: ranked {@link DiscrepancyExplanation}s.
 *
 * <p>Design note. Two real incidents motivate this: a backend rounded probabilities to integer
 * percent (external ROC-AUC fell to 0.53), and another reported the any-pathology maximum in place
 * of each pathology's probability (AUC about 0.5 for 6 of 8 pathologies). Both are deterministic
 * transforms of our values, so each hypothesis (rounding to a step, rescaling, aggregate
 * substitution, column swap, binarization, inversion, row misalignment) is scored by the fraction
 * of their values it reproduces exactly (within {@link DiagnosisSettings#matchToleranceAbsolute()});
 * a hypothesis is reported when it reproduces at least {@link DiagnosisSettings#acceptExplainedFraction()}
 * and more than "nothing changed" does. Findings with the same cause and parameters on several
 * pathologies merge into one explanation. A pathology that no single hypothesis explains is tested
 * for two causes at once (an aggregate substitution then rounded: both causes are reported, each
 * naming the other under {@code combinedWith}) and for a substitution on part of the rows only
 * (each row reproduced by our own value or by the aggregate; {@code affectedRowFraction} in the
 * evidence is the fraction of compared studies only the aggregate reproduces). Ranking: explained fraction, then number of pathologies
 * covered, then {@link DiscrepancyCause} declaration order. Evidence carries the AUC of ours,
 * theirs, the AUC the hypothesis predicts for them, and (for invertible transforms) theirs after
 * undoing it, so a reader can check that the hypothesis accounts for the metric drop. AUCs are the
 * Mann-Whitney statistic (Hanley &amp; McNeil 1982).
 *
 * <p>Immutable and thread-safe.
 */
public final class DiscrepancyDiagnoser {

    private static final int LISTED_IDS_MAX = 20;

    private final DiagnosisSettings settings;

    /** @param settings tolerance and accept fraction, not null */
    public DiscrepancyDiagnoser(DiagnosisSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
    }

    /**
     * @param ours   our scores (from {@link ContractLines#readScores})
     * @param theirs their probabilities, one row per study
     * @param labels 0/1 labels per study and pathology (studies or codes may be missing: AUCs then
     *               use the rows that have labels)
     * @return ranked explanations and an input summary
     * @throws IllegalArgumentException when theirs shares no study or no pathology code with ours
     */
    public DiscrepancyDiagnosis diagnose(OurScores ours, StudyTable theirs, StudyTable labels) {
        Map<String, Integer> ourRowByStudy = ours.probabilities().rowIndexByStudy();
        List<String> ourCodes = ours.pathologyCodes();
        List<String> unknownStudies = new ArrayList<>();
        List<Integer> theirRows = new ArrayList<>();
        int[] ourRowOfTheirs = new int[theirs.size()];
        for (int t = 0; t < theirs.size(); t++) {
            Integer row = ourRowByStudy.get(theirs.studyInstanceUids().get(t));
            ourRowOfTheirs[t] = row == null ? -1 : row;
            if (row == null) {
                unknownStudies.add(theirs.studyInstanceUids().get(t));
            } else {
                theirRows.add(t);
            }
        }
        List<String> codes = new ArrayList<>();
        List<String> unknownCodes = new ArrayList<>();
        for (String code : theirs.pathologyCodes()) {
            (ourCodes.contains(code) ? codes : unknownCodes).add(code);
        }
        if (theirRows.isEmpty() || codes.isEmpty()) {
            throw new IllegalArgumentException("theirs shares " + theirRows.size() + " studies and " + codes.size()
                    + " pathology codes with ours; need at least one of each (their codes " + theirs.pathologyCodes()
                    + ", ours " + ourCodes + ")");
        }
        Aligned aligned = new Aligned(ours, theirs, labels, theirRows, ourRowOfTheirs);
        Hypotheses hypotheses = new Hypotheses(settings.matchToleranceAbsolute());

        List<String> consistent = new ArrayList<>();
        List<String> discrepant = new ArrayList<>();
        List<Finding> accepted = new ArrayList<>();
        List<Finding> partial = new ArrayList<>();
        Map<String, Double> identityFractions = new LinkedHashMap<>();
        for (String code : codes) {
            double[] o = aligned.ours(code);
            double[] t = aligned.theirs(code);
            double identity = hypotheses.fraction(t, o, 1);
            identityFractions.put(code, identity);
            if (identity == 1.0) {
                consistent.add(code);
                continue;
            }
            discrepant.add(code);
            List<Optional<Finding>> tested = List.of(
                    hypotheses.rounding(code, o, t),
                    hypotheses.rescaling(code, o, t),
                    hypotheses.aggregate(code, aligned.oursAllColumns(), aligned.oursAny(), ours.anyPathologyRule(), t),
                    hypotheses.columnSwap(code, ourCodes, aligned.oursByColumn(), t),
                    hypotheses.binarization(code, o, t, ours.decisionThresholdProbabilities().get(code)),
                    hypotheses.inversion(code, o, t));
            int acceptedBefore = accepted.size();
            for (Optional<Finding> finding : tested) {
                finding.ifPresent(f -> (isAccepted(f, identity) ? accepted : partial).add(f));
            }
            if (accepted.size() == acceptedBefore) {
                addCombinedAggregate(hypotheses, code, aligned, ours, identity, accepted, partial);
            }
        }

        addSwapsAfterTransforms(hypotheses, aligned, ourCodes, discrepant, accepted);
        List<DiscrepancyExplanation> explanations = new ArrayList<>(
                new ExplanationBuilder(aligned, discrepant).merge(accepted));
        if (!discrepant.isEmpty()) {
            alignmentExplanation(aligned, codes, ourRowOfTheirs, theirs).ifPresent(explanations::add);
        }
        explanations.sort(Comparator.comparingDouble(DiscrepancyExplanation::explainedFraction).reversed()
                .thenComparing(e -> -pathologyCount(e))
                .thenComparing(DiscrepancyExplanation::cause));
        addNoneFound(explanations, discrepant, partial);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("studiesCompared", theirRows.size());
        summary.put("oursPredictions", ours.probabilities().size());
        summary.put("oursSkippedRejected", ours.rejectedCount());
        summary.put("oursSkippedFailed", ours.failedCount());
        summary.put("oursStudiesMissingFromTheirs", ours.probabilities().size() - theirRows.size());
        summary.put("unknownStudyIdsInTheirsCount", unknownStudies.size());
        summary.put("unknownStudyIdsInTheirs", unknownStudies.subList(0, Math.min(LISTED_IDS_MAX, unknownStudies.size())));
        summary.put("studiesWithoutLabels", aligned.unlabelledCount());
        summary.put("unknownStudyIdsInLabelsCount", aligned.unknownLabelStudies(ourRowByStudy));
        summary.put("unknownPathologyCodesInTheirs", unknownCodes);
        summary.put("consistentPathologies", consistent);
        summary.put("discrepantPathologies", discrepant);
        summary.put("identityMatchFraction", identityFractions);
        summary.put("matchToleranceAbsolute", settings.matchToleranceAbsolute());
        return new DiscrepancyDiagnosis(explanations, summary);
    }

    private Optional<DiscrepancyExplanation> alignmentExplanation(Aligned aligned, List<String> codes,
                                                                  int[] ourRowOfTheirs, StudyTable theirs) {
        double[][] oursMatrix = aligned.oursMatrixAllRows(codes);
        double[][] theirsMatrix = new double[theirs.size()][codes.size()];
        for (int t = 0; t < theirs.size(); t++) {
            for (int c = 0; c < codes.size(); c++) {
                theirsMatrix[t][c] = theirs.value(t, theirs.pathologyCodes().indexOf(codes.get(c)));
            }
        }
        int[] matched = new int[theirs.size()];
        Optional<Map<String, Object>> found = new RowAlignment(settings.matchToleranceAbsolute())
                .test(oursMatrix, theirsMatrix, ourRowOfTheirs, matched);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>(found.get());
        double fraction = (double) evidence.get("explainedFraction");
        if (fraction < settings.acceptExplainedFraction()) {
            return Optional.empty();
        }
        evidence.put("description", "their rows carry the values of other studies; realigning them by value"
                + " restores our values");
        evidence.put("perPathology", aligned.realignedAucs(codes, theirsMatrix, matched));
        return Optional.of(new DiscrepancyExplanation(DiscrepancyCause.ROW_MISALIGNMENT, "*", fraction, evidence));
    }

    /**
     * Hypotheses for a pathology that no single cause explains: an aggregate substitution that was
     * then rounded (both causes are reported), else an aggregate substitution on part of the rows
     * only (the rows it affects are in the evidence).
     */
    private void addCombinedAggregate(Hypotheses hypotheses, String code, Aligned aligned, OurScores ours,
                                      double identity, List<Finding> accepted, List<Finding> partial) {
        double[] t = aligned.theirs(code);
        List<Finding> rounded = hypotheses.roundedAggregate(code, aligned.oursAllColumns(), aligned.oursAny(),
                ours.anyPathologyRule(), t);
        if (!rounded.isEmpty() && isAccepted(rounded.get(0), identity)) {
            accepted.addAll(rounded);
            return;
        }
        partial.addAll(rounded);
        hypotheses.partialAggregate(code, aligned.ours(code), aligned.oursAllColumns(), aligned.oursAny(),
                ours.anyPathologyRule(), t).ifPresent(f -> (isAccepted(f, identity) ? accepted : partial).add(f));
    }

    private boolean isAccepted(Finding f, double identity) {
        return f.fraction() >= settings.acceptExplainedFraction() && f.fraction() > identity;
    }

    /**
     * Second-order hypotheses: a pathology left unexplained may carry another pathology's values
     * after the same per-value transform (rounding, rescaling, inversion) that explains other
     * columns, e.g. integer-percent rounding and a column swap in one export.
     */
    private void addSwapsAfterTransforms(Hypotheses hypotheses, Aligned aligned, List<String> ourCodes,
                                         List<String> discrepant, List<Finding> accepted) {
        Map<String, Finding> transforms = new LinkedHashMap<>();
        List<String> explained = new ArrayList<>();
        for (Finding f : accepted) {
            explained.add(f.pathology());
            if (f.valueTransform().isPresent()) {
                transforms.putIfAbsent(f.groupKey(), f);
            }
        }
        for (String code : discrepant) {
            if (explained.contains(code)) {
                continue;
            }
            double[] t = aligned.theirs(code);
            for (Finding transform : transforms.values()) {
                hypotheses.columnSwapAfter(code, ourCodes, aligned.oursByColumn(), t, transform)
                        .filter(f -> f.fraction() >= settings.acceptExplainedFraction())
                        .ifPresent(accepted::add);
            }
        }
    }

    private static int pathologyCount(DiscrepancyExplanation e) {
        Object list = e.evidence().get("pathologies");
        return list instanceof List<?> l ? l.size() : 1;
    }

    private void addNoneFound(List<DiscrepancyExplanation> explanations, List<String> discrepant, List<Finding> partial) {
        List<String> unexplained = new ArrayList<>(discrepant);
        for (DiscrepancyExplanation e : explanations) {
            if (e.pathology().equals("*")) {
                unexplained.clear();
            } else if (e.evidence().get("pathologies") instanceof List<?> covered) {
                unexplained.removeAll(covered);
            }
        }
        if (!explanations.isEmpty() && unexplained.isEmpty()) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        if (discrepant.isEmpty()) {
            evidence.put("description", "their values equal ours within tolerance for every compared pathology");
        } else {
            evidence.put("description", "no tested hypothesis reproduces at least "
                    + settings.acceptExplainedFraction() + " of their values for these pathologies");
            evidence.put("pathologies", unexplained);
            List<Map<String, Object>> best = new ArrayList<>();
            partial.stream().filter(f -> unexplained.contains(f.pathology()))
                    .sorted(Comparator.comparingDouble(Finding::fraction).reversed()).limit(5)
                    .forEach(f -> best.add(Map.of("cause", f.cause().name(), "pathology", f.pathology(),
                            "explainedFraction", f.fraction())));
            evidence.put("bestPartialHypotheses", best);
        }
        String pathology = discrepant.isEmpty() || unexplained.size() == discrepant.size() ? "*" : String.join(",", unexplained);
        explanations.add(new DiscrepancyExplanation(DiscrepancyCause.NONE_FOUND, pathology, 0.0, evidence));
    }
}
