package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How well a bundle's OOD gate separates each OOD kind from held-out in-distribution studies, and
 * how many in-distribution studies it refuses under small global acquisition changes.
 *
 * <p>Per OOD kind: ROC-AUC of the gate score (OOD positive) and the false-positive rate at 95%
 * true-positive rate, i.e. the share of in-distribution studies scoring at or above the score
 * that still catches 95% of that kind (the 5th percentile of the kind's scores, lower end). The
 * rejection rate of each kind under the calibrated threshold is given too. Per shift: the share of
 * in-distribution studies the gate refuses. Immutable.
 *
 * @param task              the task code
 * @param inDistributionCount held-out in-distribution studies
 * @param inDistributionRejectedFraction share of them the gate refuses
 * @param oodKinds          one row per OOD kind, sorted by kind
 * @param shifts            one row per acquisition shift, in the given order
 */
public record GateReport(String task, int inDistributionCount, double inDistributionRejectedFraction,
                         List<OodKindRow> oodKinds, List<ShiftRow> shifts) {

    /**
     * @param kind             the OOD kind code
     * @param count            studies of that kind
     * @param auroc            ROC-AUC of the gate score, OOD positive
     * @param fprAt95Tpr       false-positive rate at 95% true-positive rate
     * @param rejectedFraction share of the kind's studies the gate refuses
     */
    public record OodKindRow(String kind, int count, double auroc, double fprAt95Tpr, double rejectedFraction) {
    }

    /**
     * @param name             e.g. {@code detector gain x1.02}
     * @param count            in-distribution studies under the shift
     * @param rejectedFraction share of them the gate refuses
     */
    public record ShiftRow(String name, int count, double rejectedFraction) {
    }

    /** Copies the lists. */
    public GateReport {
        oodKinds = List.copyOf(oodKinds);
        shifts = List.copyOf(shifts);
    }

    /**
     * @param task           the task code
     * @param inDistribution held-out in-distribution studies, not empty
     * @param ood            OOD studies of one or more kinds
     * @param shifted        per shift name, its in-distribution studies (insertion order kept by the caller's map)
     * @return the report
     */
    public static GateReport of(String task, List<GateStudyScores.StudyScore> inDistribution,
                                List<GateStudyScores.StudyScore> ood,
                                Map<String, List<GateStudyScores.StudyScore>> shifted) {
        Objects.requireNonNull(task, "task");
        if (inDistribution.isEmpty()) {
            throw new IllegalArgumentException("inDistribution must not be empty");
        }
        double[] negatives = inDistribution.stream().mapToDouble(GateStudyScores.StudyScore::score).toArray();
        Map<String, List<GateStudyScores.StudyScore>> byKind = new TreeMap<>();
        for (GateStudyScores.StudyScore s : ood) {
            byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s);
        }
        List<OodKindRow> rows = new ArrayList<>();
        byKind.forEach((kind, studies) -> {
            double[] positives = studies.stream().mapToDouble(GateStudyScores.StudyScore::score).toArray();
            rows.add(new OodKindRow(kind, positives.length, auroc(positives, negatives),
                    fprAtTpr(positives, negatives, 0.95), rejectedFraction(studies)));
        });
        List<ShiftRow> shiftRows = new ArrayList<>();
        shifted.forEach((name, studies) -> shiftRows.add(new ShiftRow(name, studies.size(), rejectedFraction(studies))));
        return new GateReport(task, inDistribution.size(), rejectedFraction(inDistribution), rows, shiftRows);
    }

    /**
     * @param positives scores of cases that should be caught
     * @param negatives scores of cases that should pass
     * @return P(positive &gt; negative) + P(tie) / 2
     */
    static double auroc(double[] positives, double[] negatives) {
        double[] scores = new double[positives.length + negatives.length];
        boolean[] labels = new boolean[scores.length];
        System.arraycopy(positives, 0, scores, 0, positives.length);
        System.arraycopy(negatives, 0, scores, positives.length, negatives.length);
        Arrays.fill(labels, 0, positives.length, true);
        return RocAuc.auc(scores, labels).auc();
    }

    /**
     * @param positives scores of cases that should be caught, not empty
     * @param negatives scores of cases that should pass, not empty
     * @param tpr       the true-positive rate to reach, in (0, 1]
     * @return the share of negatives at or above the highest threshold that flags at least {@code tpr} of the positives
     */
    static double fprAtTpr(double[] positives, double[] negatives, double tpr) {
        double[] sorted = positives.clone();
        Arrays.sort(sorted);
        int needed = (int) Math.ceil(tpr * sorted.length - 1e-9);
        double threshold = sorted[sorted.length - needed];
        long falsePositives = Arrays.stream(negatives).filter(v -> v >= threshold).count();
        return (double) falsePositives / negatives.length;
    }

    private static double rejectedFraction(List<GateStudyScores.StudyScore> studies) {
        return studies.isEmpty() ? 0 : studies.stream().filter(GateStudyScores.StudyScore::rejected).count()
                / (double) studies.size();
    }

    /** @return the two tables as GitHub Markdown */
    public String toMarkdown() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s: %d held-out in-distribution studies, %.1f%% rejected%n%n", task,
                inDistributionCount, 100 * inDistributionRejectedFraction));
        b.append("| OOD kind | n | AUROC | FPR at 95% TPR | rejected |\n|---|---|---|---|---|\n");
        for (OodKindRow r : oodKinds) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.4f | %.3f | %.1f%% |%n", r.kind(), r.count(), r.auroc(),
                    r.fprAt95Tpr(), 100 * r.rejectedFraction()));
        }
        b.append("\n| acquisition shift (in-distribution studies) | n | rejected |\n|---|---|---|\n");
        for (ShiftRow r : shifts) {
            b.append(String.format(Locale.ROOT, "| %s | %d | %.1f%% |%n", r.name(), r.count(), 100 * r.rejectedFraction()));
        }
        return b.toString();
    }
}
