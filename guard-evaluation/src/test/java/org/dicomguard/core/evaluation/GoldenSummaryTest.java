package org.dicomguard.core.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldenSummaryTest {

    private static GoldenDiff diff(String study, String path, GoldenDiff.Kind kind, String before, String after,
                                   double change) {
        return new GoldenDiff(study, path, kind, before, after, change);
    }

    @Test
    void of_onlyModelHashAndBundleId_isProvenanceOnly() {
        GoldenSummary s = GoldenSummary.of(List.of(
                diff("1", "modelSha256", GoldenDiff.Kind.VALUE_CHANGED, "\"a\"", "\"b\"", 0),
                diff("1", "bundleId", GoldenDiff.Kind.VALUE_CHANGED, "\"x\"", "\"y\"", 0),
                diff("2", "modelSha256", GoldenDiff.Kind.VALUE_CHANGED, "\"a\"", "\"b\"", 0)));
        assertEquals(2, s.provenanceOnlyStudies());
        assertEquals(Set.of("bundleId", "modelSha256"), s.provenanceFields());
        assertEquals(0, s.probabilityStudies());
        assertTrue(s.render().startsWith("cause: only provenance changed in 2 studies [bundleId, modelSha256]"),
                s.render());
    }

    @Test
    void of_movedProbabilitiesAndStatusFlip_namesCountLargestChangeAndTransition() {
        GoldenSummary s = GoldenSummary.of(List.of(
                diff("1", "pathologies[mass].probability", GoldenDiff.Kind.NUMBER_CHANGED, "0.1", "0.13", 0.03),
                diff("1", "modelSha256", GoldenDiff.Kind.VALUE_CHANGED, "\"a\"", "\"b\"", 0),
                diff("2", "anyPathology.probability", GoldenDiff.Kind.NUMBER_CHANGED, "0.5", "0.7", 0.2),
                diff("3", "status", GoldenDiff.Kind.VALUE_CHANGED, "\"prediction\"", "\"rejected\"", 0),
                diff("3", "reasons", GoldenDiff.Kind.FIELD_ADDED, GoldenDiff.ABSENT, "[]", 0)));
        assertEquals(0, s.provenanceOnlyStudies());
        assertEquals(2, s.probabilityStudies());
        assertEquals(0.2, s.largestProbabilityChange(), 0);
        assertEquals("anyPathology.probability", s.largestChangeField());
        assertEquals(Map.of("prediction -> rejected", 1), s.statusTransitions());
        String text = s.render();
        assertTrue(text.startsWith("cause: statuses changed: 1 x prediction -> rejected\n"), text);
        assertTrue(text.contains("cause: probabilities moved in 2 studies, largest |change| 0.200 (anyPathology.probability)"),
                text);
    }
}
