package org.dicomguard.contract.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.junit.jupiter.api.Test;

/** The crafted results make every explanation certain: no transform of one value lands on another. */
class KitCorpusTest {

    @Test
    void craftedResults_everyStatusAndRule_covered() {
        Map<String, GuardResult> results = ConsumerTestKit.craftedResults();
        Set<GuardResult.Status> statuses = EnumSet.noneOf(GuardResult.Status.class);
        Set<AnyPathologyRule> rules = EnumSet.noneOf(AnyPathologyRule.class);
        boolean unknownUid = false;
        for (GuardResult result : results.values()) {
            statuses.add(result.status());
            unknownUid |= result.studyInstanceUidIfKnown().isEmpty();
            if (result instanceof Prediction p) {
                rules.add(p.anyPathology().rule());
            }
        }
        assertEquals(EnumSet.allOf(GuardResult.Status.class), statuses);
        assertEquals(EnumSet.allOf(AnyPathologyRule.class), rules);
        assertTrue(unknownUid);
    }

    @Test
    void craftedPredictions_noTransformOfOneValueEqualsAnother() {
        int pairs = 0;
        for (Map.Entry<String, GuardResult> entry : ConsumerTestKit.craftedResults().entrySet()) {
            if (!(entry.getValue() instanceof Prediction p)) {
                continue;
            }
            List<Float> values = p.pathologies().stream().map(PathologyFinding::probability).toList();
            float aggregate = p.anyPathology().probability();
            for (int i = 0; i < values.size(); i++) {
                float sent = values.get(i);
                for (int j = 0; j < values.size(); j++) {
                    if (i != j) {
                        assertNotEquals(sent, values.get(j), entry.getKey() + ": values must be distinct");
                        assertUnambiguous(entry.getKey(), sent, values.get(j));
                        pairs++;
                    }
                }
                if (!values.contains(aggregate)) {
                    assertUnambiguous(entry.getKey(), sent, aggregate);
                }
            }
        }
        assertTrue(pairs >= 120, "pairs checked: " + pairs);
    }

    private static void assertUnambiguous(String name, float sent, float other) {
        String where = name + ": " + sent + " vs " + other;
        assertTrue(KitJudge.roundingStep(sent, other).isEmpty(), where + " is a rounding");
        assertNotEquals(other, (float) (sent * 100d), where + " is a rescaling");
        assertNotEquals(other, 1f - sent, where + " is an inversion");
    }

    @Test
    void roundingStep_integerPercentForms_named() {
        assertEquals("rounded to 2 decimals (integer percent)", KitJudge.roundingStep(0.0731f, 0.07).orElseThrow());
        assertEquals("rescaled to percent (x100) and rounded to an integer (integer percent)",
                KitJudge.roundingStep(0.0731f, 7).orElseThrow());
        assertEquals("truncated to 3 decimals", KitJudge.roundingStep(0.87654f, 0.876).orElseThrow());
        assertTrue(KitJudge.roundingStep(0.0731f, 0.5).isEmpty());
    }
}
