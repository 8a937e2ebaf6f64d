package org.dicomguard.ood.gate;

import org.dicomguard.ood.GateReason;
import org.dicomguard.ood.GateReasonCode;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.Severity;
import org.dicomguard.ood.SyntheticStudies;
import org.dicomguard.ood.SyntheticStudies.OodKind;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.rules.HeaderFacts;
import org.dicomguard.ood.rules.HeaderRuleSet;
import org.dicomguard.ood.rules.PixelSpacingMm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OodGateTest {

    private static final SyntheticStudies DATA = new SyntheticStudies(17);
    private static final OodGate GATE = new OodGate(HeaderRuleSet.mammography(),
            ProfileFitter.fit(SyntheticStudies.SPECS, DATA.inDistribution(500), DATA.inDistribution(500), 0.01).toGate());

    private static HeaderFacts.Builder header() {
        return HeaderFacts.builder().modality("MG").sopClassUid("1.2.840.10008.5.1.4.1.1.1.2")
                .bodyPartExamined("BREAST").viewPosition("MLO").photometricInterpretation("MONOCHROME1")
                .bitsStored(14).pixelSpacingMm(new PixelSpacingMm(0.1, 0.1)).rows(2294).columns(1914);
    }

    private static InputStatistics stats(double[] row) {
        return InputStatistics.of(SyntheticStudies.SPECS, row);
    }

    private static double[] typicalRow() {
        // The generator's expected values: as in-distribution as it gets.
        return new double[] {40, 0.30, 8.5, 113, 0.12, 0.8, 350, 0.2};
    }

    @Test
    void decide_missingBodyPartButTypicalPixels_acceptsWithSoftWarning() {
        OodDecision d = GATE.decide(header().bodyPartExamined(null).build(), stats(typicalRow()));
        OodDecision.Accepted a = assertInstanceOf(OodDecision.Accepted.class, d);
        assertEquals(1, a.warnings().size());
        assertEquals(GateReasonCode.WRONG_BODY_PART, a.warnings().get(0).code());
    }

    @Test
    void decide_correctBodyPartButPhantomPixels_rejectsOnStatistics() {
        OodDecision d = GATE.decide(header().build(), stats(DATA.outOfDistribution(OodKind.PHANTOM_BOTTLE)));
        OodDecision.Rejected r = assertInstanceOf(OodDecision.Rejected.class, d);
        assertEquals(List.of(GateReasonCode.STATISTICS_OUT_OF_DISTRIBUTION),
                r.reasons().stream().map(GateReason::code).toList());
        GateDecision s = r.statistics().orElseThrow();
        assertTrue(s.score() > s.threshold());
        assertTrue(r.reasons().get(0).message().contains("z = "), r.reasons().get(0).message());
    }

    @Test
    void decide_wrongBodyPartAndOodPixels_rejectsWithBothReasonsStatisticsFirst() {
        OodDecision d = GATE.decide(header().bodyPartExamined("KNEE").build(),
                stats(DATA.outOfDistribution(OodKind.OTHER_BODY_PART)));
        OodDecision.Rejected r = assertInstanceOf(OodDecision.Rejected.class, d);
        assertEquals(List.of(GateReasonCode.STATISTICS_OUT_OF_DISTRIBUTION, GateReasonCode.WRONG_BODY_PART),
                r.reasons().stream().map(GateReason::code).toList());
        assertEquals("KNEE", r.reasons().get(1).observedValue());
    }

    @Test
    void checkHeader_wrongModality_rejectsBeforeStatisticsHardFirst() {
        OodDecision.Rejected r = GATE.checkHeader(header().modality("CR").viewPosition(null).build()).orElseThrow();
        assertTrue(r.statistics().isEmpty());
        assertEquals(Severity.HARD, r.reasons().get(0).severity());
        assertEquals(GateReasonCode.WRONG_MODALITY, r.reasons().get(0).code());
        assertEquals(GateReasonCode.WRONG_VIEW_POSITION, r.reasons().get(1).code());
    }

    @Test
    void checkHeader_onlySoftReasons_doesNotReject() {
        assertTrue(GATE.checkHeader(header().bodyPartExamined("CHEST").viewPosition("LAT").build()).isEmpty());
    }
}
