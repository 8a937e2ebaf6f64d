package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DiscrepancyDiagnoserTest {

    private final SyntheticPack pack = new SyntheticPack(42, 100);
    private final DiscrepancyDiagnoser diagnoser = new DiscrepancyDiagnoser(DiagnosisSettings.defaults());

    private DiscrepancyDiagnosis diagnose(StudyTable theirs) {
        return diagnoser.diagnose(pack.ourScores(), theirs, pack.labelTable());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> perPathology(DiscrepancyExplanation e, String code) {
        return (Map<String, Object>) ((Map<String, Object>) e.evidence().get("perPathology")).get(code);
    }

    @Test
    void syntheticPack_hasAucNear085() {
        for (String code : SyntheticPack.CODES) {
            int c = SyntheticPack.CODES.indexOf(code);
            double[] scores = new double[100];
            int[] labels = new int[100];
            for (int s = 0; s < 100; s++) {
                scores[s] = pack.ours[s][c];
                labels[s] = (int) pack.labels[s][c];
            }
            AucResult r = RocAuc.auc(scores, labels);
            assertEquals(50, r.positiveCount());
            assertTrue(r.auc() > 0.75 && r.auc() < 0.95, code + " auc " + r.auc());
        }
    }

    @Test
    void diagnose_integerPercentRounding_topIsRoundingWithStep001() {
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> Math.round(p * 100) / 100.0));
        DiscrepancyExplanation top = d.top();
        assertEquals(DiscrepancyCause.ROUNDING, top.cause(), d.explanations().toString());
        assertEquals("*", top.pathology());
        assertEquals(0.01, top.evidence().get("step"));
        assertEquals(1.0, top.evidence().get("factor"));
        assertEquals(1.0, top.explainedFraction(), 0.0);
        Map<String, Object> mass = perPathology(top, "mass");
        assertTrue(mass.containsKey("aucOurs") && mass.containsKey("aucTheirs") && mass.containsKey("aucPredictedByHypothesis"));
        assertEquals((double) mass.get("aucTheirs"), (double) mass.get("aucPredictedByHypothesis"), 1e-12);
    }

    @Test
    void diagnose_integerPercentAsWholeNumbers_roundingWithFactor100() {
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> Math.round(p * 100)));
        assertEquals(DiscrepancyCause.ROUNDING, d.top().cause(), d.explanations().toString());
        assertEquals(100.0, d.top().evidence().get("factor"));
        assertEquals(0.01, d.top().evidence().get("step"));
    }

    @Test
    void diagnose_maxSubstitutionOver8_topIsAggregateMax() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> {
            double max = java.util.Arrays.stream(row).max().orElseThrow();
            java.util.Arrays.fill(row, max);
            return row;
        }));
        DiscrepancyExplanation top = d.top();
        assertEquals(DiscrepancyCause.AGGREGATE_SUBSTITUTION, top.cause(), d.explanations().toString());
        assertEquals("max", top.evidence().get("aggregate"));
        assertEquals("*", top.pathology());
        assertEquals(1.0, top.explainedFraction(), 0.0);
        int nearChance = 0;
        for (String code : SyntheticPack.CODES) {
            double theirAuc = (double) perPathology(top, code).get("aucTheirs");
            nearChance += theirAuc < 0.7 ? 1 : 0;
        }
        assertTrue(nearChance >= 5, "most pathologies fall towards chance: " + nearChance);
    }

    @Test
    void diagnose_noisyOrSubstitution_topIsAggregateNoisyOr() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> {
            double none = 1;
            for (double p : row) {
                none *= 1 - p;
            }
            java.util.Arrays.fill(row, 1 - none);
            return row;
        }));
        assertEquals(DiscrepancyCause.AGGREGATE_SUBSTITUTION, d.top().cause());
        assertEquals("noisyOr", d.top().evidence().get("aggregate"));
    }

    @Test
    void diagnose_times100_topIsRescaling() {
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> p * 100));
        assertEquals(DiscrepancyCause.RESCALING, d.top().cause(), d.explanations().toString());
        assertEquals(100.0, d.top().evidence().get("factor"));
        Map<String, Object> mass = perPathology(d.top(), "mass");
        assertEquals((double) mass.get("aucOurs"), (double) mass.get("aucCorrected"), 1e-12);
    }

    @Test
    void diagnose_swappedColumns_topIsColumnSwapWithMapping() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> {
            double mass = row[0];
            row[0] = row[1];
            row[1] = mass;
            return row;
        }));
        DiscrepancyExplanation top = d.top();
        assertEquals(DiscrepancyCause.COLUMN_SWAP, top.cause(), d.explanations().toString());
        assertEquals("*", top.pathology());
        assertEquals(Map.of("mass", "calcification", "calcification", "mass"),
                top.evidence().get("theirColumnCarriesOurColumn"));
        assertEquals(List.of("mass", "calcification"), d.summary().get("discrepantPathologies"));
    }

    @Test
    void diagnose_binarizedAtDecisionThreshold_topIsBinarization() {
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> p >= SyntheticPack.DECISION_THRESHOLD ? 1 : 0));
        assertEquals(DiscrepancyCause.BINARIZATION, d.top().cause(), d.explanations().toString());
        assertEquals(SyntheticPack.DECISION_THRESHOLD, d.top().evidence().get("threshold"));
        assertEquals(true, d.top().evidence().get("matchesDecisionThresholdProbability"));
    }

    @Test
    void diagnose_binarizedAtOtherThreshold_findsThreshold() {
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> p >= 0.5 ? 1 : 0));
        assertEquals(DiscrepancyCause.BINARIZATION, d.top().cause());
        double threshold = (double) d.top().evidence().get("threshold");
        assertTrue(threshold >= 0.5 && threshold < 0.6, "threshold " + threshold);
    }

    @Test
    void diagnose_inverted_topIsInversion() {
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> 1 - p));
        assertEquals(DiscrepancyCause.INVERSION, d.top().cause(), d.explanations().toString());
        Map<String, Object> mass = perPathology(d.top(), "mass");
        assertEquals(1.0 - (double) mass.get("aucOurs"), (double) mass.get("aucTheirs"), 1e-12);
    }

    @Test
    void diagnose_offByOneRows_topIsRowMisalignmentWithShift() {
        double[][] shifted = new double[100][];
        for (int s = 0; s < 100; s++) {
            shifted[s] = pack.ours[(s + 1) % 100].clone();
        }
        DiscrepancyDiagnosis d = diagnose(new StudyTable(SyntheticPack.CODES, pack.studies, shifted));
        DiscrepancyExplanation top = d.top();
        assertEquals(DiscrepancyCause.ROW_MISALIGNMENT, top.cause(), d.explanations().toString());
        assertEquals(1, top.evidence().get("shift"));
        assertEquals(1.0, top.explainedFraction(), 0.0);
        @SuppressWarnings("unchecked")
        Map<String, Object> mass = (Map<String, Object>) ((Map<String, Object>) top.evidence().get("perPathology")).get("mass");
        assertEquals((double) mass.get("aucOurs"), (double) mass.get("aucCorrected"), 1e-12);
    }

    @Test
    void diagnose_studyIdsSortedDifferently_topIsRowMisalignment() {
        List<String> reversed = new java.util.ArrayList<>(pack.studies);
        java.util.Collections.reverse(reversed);
        // their file lists the studies in another order but kept our values in our order
        DiscrepancyDiagnosis d = diagnose(new StudyTable(SyntheticPack.CODES, reversed, pack.ours));
        assertEquals(DiscrepancyCause.ROW_MISALIGNMENT, d.top().cause(), d.explanations().toString());
        assertEquals(0, d.top().evidence().get("shift"));
    }

    @Test
    void diagnose_identical_noneFoundOnly() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> row));
        assertEquals(1, d.explanations().size());
        assertEquals(DiscrepancyCause.NONE_FOUND, d.top().cause());
        assertEquals(SyntheticPack.CODES, d.summary().get("consistentPathologies"));
    }

    @Test
    void diagnose_unrelatedNoise_noneFound() {
        Random random = new Random(5);
        DiscrepancyDiagnosis d = diagnose(pack.theirsPerValue(p -> random.nextDouble()));
        assertEquals(DiscrepancyCause.NONE_FOUND, d.top().cause(), d.explanations().toString());
        assertEquals("*", d.top().pathology());
    }

    @Test
    void diagnose_oneColumnRoundedToThousandths_namesThatPathology() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> {
            row[2] = Math.floor(row[2] * 1000) / 1000;
            return row;
        }));
        assertEquals(DiscrepancyCause.ROUNDING, d.top().cause(), d.explanations().toString());
        assertEquals("asymmetry", d.top().pathology());
        assertEquals(0.001, d.top().evidence().get("step"));
        assertEquals("floor", d.top().evidence().get("roundingMode"));
    }

    @Test
    void diagnose_roundingAndSwapTogether_bothExplained() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> {
            double mass = row[0];
            row[0] = row[1];
            row[1] = mass;
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.round(row[c] * 100) / 100.0;
            }
            return row;
        }));
        List<DiscrepancyCause> causes = d.explanations().stream().map(DiscrepancyExplanation::cause).toList();
        assertEquals(List.of(DiscrepancyCause.ROUNDING, DiscrepancyCause.COLUMN_SWAP), causes, d.explanations().toString());
        DiscrepancyExplanation swap = d.explanations().get(1);
        assertEquals(Map.of("mass", "calcification", "calcification", "mass"),
                swap.evidence().get("theirColumnCarriesOurColumn"));
        assertTrue(((String) swap.evidence().get("afterTransform")).startsWith("ROUNDING"), swap.toString());
        assertEquals("mass,calcification", swap.pathology());
    }

    @Test
    void diagnose_roundingAndMaxSubstitutionTogether_namesBothCauses() {
        DiscrepancyDiagnosis d = diagnose(pack.theirs(row -> {
            double max = java.util.Arrays.stream(row).max().orElseThrow();
            java.util.Arrays.fill(row, Math.round(max * 100) / 100.0);
            return row;
        }));
        List<DiscrepancyCause> causes = d.explanations().stream().map(DiscrepancyExplanation::cause).toList();
        assertEquals(List.of(DiscrepancyCause.ROUNDING, DiscrepancyCause.AGGREGATE_SUBSTITUTION), causes,
                d.explanations().toString());
        DiscrepancyExplanation rounding = d.explanations().get(0);
        DiscrepancyExplanation substitution = d.explanations().get(1);
        assertEquals("*", rounding.pathology());
        assertEquals("*", substitution.pathology());
        assertEquals(0.01, rounding.evidence().get("step"));
        assertEquals(1.0, rounding.evidence().get("factor"));
        assertEquals("halfUp", rounding.evidence().get("roundingMode"));
        assertEquals("max", substitution.evidence().get("aggregate"));
        assertEquals(1.0, rounding.explainedFraction(), 0.0);
        assertEquals(1.0, substitution.explainedFraction(), 0.0);
        assertTrue(((String) substitution.evidence().get("combinedWith")).startsWith("ROUNDING"), substitution.toString());
        Map<String, Object> mass = perPathology(substitution, "mass");
        assertEquals((double) mass.get("aucTheirs"), (double) mass.get("aucPredictedByHypothesis"), 1e-12);
    }

    @Test
    void diagnose_maxSubstitutedOn30PercentOfStudies_namesPartialSubstitutionWithAffectedFraction() {
        List<Integer> order = new java.util.ArrayList<>();
        for (int s = 0; s < 100; s++) {
            order.add(s);
        }
        java.util.Collections.shuffle(order, new Random(11));
        java.util.Set<Integer> substituted = new java.util.HashSet<>(order.subList(0, 30));
        double[][] theirs = new double[100][];
        for (int s = 0; s < 100; s++) {
            theirs[s] = pack.ours[s].clone();
            if (substituted.contains(s)) {
                java.util.Arrays.fill(theirs[s], java.util.Arrays.stream(pack.ours[s]).max().orElseThrow());
            }
        }
        DiscrepancyDiagnosis d = diagnose(new StudyTable(SyntheticPack.CODES, pack.studies, theirs));
        DiscrepancyExplanation top = d.top();
        assertEquals(DiscrepancyCause.AGGREGATE_SUBSTITUTION, top.cause(), d.explanations().toString());
        assertEquals("*", top.pathology());
        assertEquals("max", top.evidence().get("aggregate"));
        assertEquals("partOfRows", top.evidence().get("scope"));
        assertEquals(1.0, top.explainedFraction(), 0.0);
        assertEquals(0.30, (double) top.evidence().get("affectedRowFraction"), 1e-12);
        assertEquals(30, top.evidence().get("affectedStudyCount"));
        // Per pathology: substituted rows where our own value was not already the row maximum.
        int c = SyntheticPack.CODES.indexOf("mass");
        int massAffected = 0;
        for (int s : substituted) {
            massAffected += pack.ours[s][c] != theirs[s][c] ? 1 : 0;
        }
        assertEquals(massAffected / 100.0, (double) perPathology(top, "mass").get("affectedRowFraction"), 1e-12);
        assertTrue(massAffected < 30, "some substituted rows already held the maximum: " + massAffected);
    }

    @Test
    void diagnose_unknownStudyInTheirs_reportedInSummary() {
        List<String> studies = new java.util.ArrayList<>(pack.studies);
        studies.set(7, "9.9.9.unknown");
        DiscrepancyDiagnosis d = diagnose(new StudyTable(SyntheticPack.CODES, studies, pack.ours));
        assertEquals(1, d.summary().get("unknownStudyIdsInTheirsCount"));
        assertEquals(List.of("9.9.9.unknown"), d.summary().get("unknownStudyIdsInTheirs"));
        assertEquals(DiscrepancyCause.NONE_FOUND, d.top().cause());
    }

    @Test
    void diagnose_noSharedStudies_throws() {
        StudyTable other = new StudyTable(List.of("mass"), List.of("x"), new double[][] {{0.5}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> diagnose(other));
        assertTrue(e.getMessage().contains("0 studies"), e.getMessage());
    }
}
