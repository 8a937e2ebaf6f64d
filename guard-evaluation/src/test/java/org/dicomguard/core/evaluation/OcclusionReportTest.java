package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OcclusionReportTest {

    static OcclusionSummary summary(double p, double outsideSwapped, double organSwapped) {
        Map<String, OcclusionSummary.Shift> shifts = new LinkedHashMap<>();
        shifts.put("nodule", new OcclusionSummary.Shift(p, outsideSwapped, organSwapped));
        return new OcclusionSummary("thorax", 0.8, shifts);
    }

    @Test
    void of_organOnlyEvidence_shareZeroAndPassed() {
        OcclusionReport report = OcclusionReport.of("organ", List.of("nodule"),
                List.of(summary(0.9, 0.9, 0.1), summary(0.2, 0.2, 0.6)), 0, 0.5);
        OcclusionReport.PathologyOcclusion p = report.pathologies().get(0);
        assertEquals(0.0, p.outsideShare(), 1e-12);
        assertEquals(0.6, p.meanChangeOrganSwapped(), 1e-12);
        assertTrue(report.passed());
        assertEquals(List.of(), report.reasonCodes());
        assertEquals("thorax", report.organ());
    }

    @Test
    void of_mostlyOutsideEvidence_failsWithReasonCode() {
        // Outside swap moves 0.3 and 0.1 (mean 0.2), organ swap 0.1 and 0.0 (mean 0.05): share 0.8.
        OcclusionReport report = OcclusionReport.of("organ", List.of("nodule"),
                List.of(summary(0.5, 0.8, 0.4), summary(0.5, 0.4, 0.5)), 1, 0.5);
        assertEquals(0.8, report.pathologies().get(0).outsideShare(), 1e-12);
        assertFalse(report.passed());
        assertEquals(List.of(OcclusionReport.REASON_CODE), report.reasonCodes());
        assertTrue(report.problems().get(0).startsWith(OcclusionReport.REASON_CODE + ": nodule: 80%"));
        assertEquals(3, report.studiesProbed());
        JsonNode json = report.json();
        assertEquals(0.8, json.get("pathologies").get(0).get("outsideShare").asDouble(), 1e-12);
        assertEquals(OcclusionReport.REASON_CODE, json.get("reasonCodes").get(0).asText());
    }

    @Test
    void of_outputNeverMoves_noShareAndNotFailed() {
        OcclusionReport report = OcclusionReport.of("organ", List.of("nodule"), List.of(summary(0.3, 0.3, 0.3)), 0, 0.5);
        assertTrue(Double.isNaN(report.pathologies().get(0).outsideShare()));
        assertTrue(report.passed());
        assertTrue(report.json().get("pathologies").get(0).get("outsideShare").isNull());
    }

    @Test
    void of_noStudyMeasured_failsAsNotMeasured() {
        OcclusionReport report = OcclusionReport.of("organ", List.of("nodule"), List.of(), 4, 0.5);
        assertFalse(report.passed());
        assertEquals(List.of(OcclusionReport.NOT_MEASURED_CODE), report.reasonCodes());
    }

    @Test
    void new_thresholdOutsideRange_rejected() {
        assertThrows(IllegalArgumentException.class, () -> OcclusionReport.of("organ", List.of(), List.of(), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> OcclusionReport.of("organ", List.of(), List.of(), 0, 1.5));
    }

    @Test
    void captionLines_oneStudy_sharePerPathology() {
        List<String> lines = summary(0.5, 0.8, 0.4).captionLines();
        assertTrue(lines.get(0).contains("thorax = 80% of the input"), lines.toString());
        assertEquals("nodule 75% outside thorax (p 0.500, outside swapped 0.800, thorax swapped 0.400)", lines.get(1));
    }
}
