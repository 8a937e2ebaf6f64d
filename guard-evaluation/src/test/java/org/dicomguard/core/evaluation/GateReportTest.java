package org.dicomguard.core.evaluation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateReportTest {

    @Test
    void fprAtTpr_handComputedCase_isTheShareOfNegativesAtOrAboveTheFifthPercentileOfPositives() {
        // 20 positives 1..20: 95% TPR needs 19 of them, threshold 2; negatives at or above 2: {2, 3} of 10.
        double[] positives = new double[20];
        for (int i = 0; i < 20; i++) {
            positives[i] = i + 1;
        }
        double[] negatives = {0, 0.5, 1, 1.5, 1.9, 2, 3, 0.1, 0.2, 0.3};
        assertEquals(0.2, GateReport.fprAtTpr(positives, negatives, 0.95), 0);
        assertEquals(0.0, GateReport.fprAtTpr(new double[] {5, 6}, negatives, 0.95), 0);
    }

    @Test
    void auroc_separatedAndTied_isOneAndOneHalf() {
        assertEquals(1.0, GateReport.auroc(new double[] {GateStudyScores.CERTAIN_REJECTION, 3}, new double[] {0.5, 1}), 0);
        assertEquals(0.5, GateReport.auroc(new double[] {1, 1}, new double[] {1, 1}), 0);
    }

    @Test
    void of_kindsAndShifts_givesOneRowEachWithRejectionShares() {
        List<GateStudyScores.StudyScore> in = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            in.add(new GateStudyScores.StudyScore("in" + i, "breast", false, i / 60.0 + (i == 49 ? 1 : 0), i == 49));
        }
        List<GateStudyScores.StudyScore> ood = List.of(
                new GateStudyScores.StudyScore("a", "blank", true, GateStudyScores.CERTAIN_REJECTION, true),
                new GateStudyScores.StudyScore("b", "blank", true, 7, true),
                new GateStudyScores.StudyScore("c", "ct-slice", true, 0.5, false));
        Map<String, List<GateStudyScores.StudyScore>> shifts = new LinkedHashMap<>();
        shifts.put("gain", in.subList(0, 10));
        GateReport report = GateReport.of("mammography", in, ood, shifts);
        assertEquals(0.02, report.inDistributionRejectedFraction(), 1e-12);
        assertEquals(List.of("blank", "ct-slice"), report.oodKinds().stream().map(GateReport.OodKindRow::kind).toList());
        assertEquals(1.0, report.oodKinds().get(0).auroc(), 0);
        assertEquals(1.0, report.oodKinds().get(0).rejectedFraction(), 0);
        assertTrue(report.oodKinds().get(1).auroc() < 0.99);
        assertEquals(0.0, report.shifts().get(0).rejectedFraction(), 0);
        assertTrue(report.toMarkdown().contains("| blank | 2 | 1.0000 | 0.000 | 100.0% |"), report.toMarkdown());
    }
}
