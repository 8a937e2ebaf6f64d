package org.dicomguard.ood.rules;

import org.dicomguard.ood.GateReason;
import org.dicomguard.ood.GateReasonCode;
import org.dicomguard.ood.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderRuleSetTest {

    static HeaderFacts.Builder goodMammogram() {
        return HeaderFacts.builder().modality("MG").sopClassUid("1.2.840.10008.5.1.4.1.1.1.2")
                .bodyPartExamined("BREAST").viewPosition("CC").photometricInterpretation("MONOCHROME2")
                .bitsStored(12).pixelSpacingMm(new PixelSpacingMm(0.07, 0.07)).rows(3328).columns(2560);
    }

    @Test
    void evaluate_goodMammogram_noReasons() {
        assertEquals(List.of(), HeaderRuleSet.mammography().evaluate(goodMammogram().build()));
    }

    @Test
    void evaluate_paddedLowerCaseCodes_areNormalized() {
        HeaderFacts facts = goodMammogram().modality("mg ").bodyPartExamined(" Breast").build();
        assertEquals(List.of(), HeaderRuleSet.mammography().evaluate(facts));
    }

    @Test
    void evaluate_chestRadiographSentToMammography_collectsEveryFailingRule() {
        HeaderFacts facts = HeaderFacts.builder().modality("DX").sopClassUid("1.2.840.10008.5.1.4.1.1.1.1")
                .bodyPartExamined("CHEST").viewPosition("PA").photometricInterpretation("RGB").bitsStored(17)
                .pixelSpacingMm(new PixelSpacingMm(0.5, 0.14)).rows(20).columns(20_000).build();
        List<GateReason> reasons = HeaderRuleSet.mammography().evaluate(facts);
        assertEquals(List.of(GateReasonCode.WRONG_MODALITY, GateReasonCode.WRONG_SOP_CLASS,
                        GateReasonCode.WRONG_BODY_PART, GateReasonCode.WRONG_VIEW_POSITION,
                        GateReasonCode.WRONG_PHOTOMETRIC_INTERPRETATION, GateReasonCode.WRONG_BITS_STORED,
                        GateReasonCode.PIXEL_SPACING_OUT_OF_RANGE, GateReasonCode.IMAGE_SIZE_OUT_OF_RANGE,
                        GateReasonCode.IMAGE_SIZE_OUT_OF_RANGE),
                reasons.stream().map(GateReason::code).toList());
        GateReason modality = reasons.get(0);
        assertEquals("DX", modality.observedValue());
        assertEquals(Severity.HARD, modality.severity());
        assertEquals("Modality is 'DX'; expected one of [MG]", modality.message());
        assertEquals("0.5\\0.14", reasons.get(6).observedValue());
        assertEquals("20", reasons.get(7).observedValue());
    }

    @Test
    void evaluate_missingBodyPart_isSoftWithAbsentValue() {
        List<GateReason> reasons = HeaderRuleSet.mammography().evaluate(goodMammogram().bodyPartExamined("  ").build());
        assertEquals(1, reasons.size());
        assertEquals(GateReasonCode.WRONG_BODY_PART, reasons.get(0).code());
        assertEquals(Severity.SOFT, reasons.get(0).severity());
        assertEquals(GateReason.ABSENT, reasons.get(0).observedValue());
    }

    @Test
    void evaluate_missingModalityAndSize_areHard() {
        List<GateReason> reasons = HeaderRuleSet.mammography().evaluate(goodMammogram().modality(null).rows(null).build());
        assertEquals(List.of(GateReasonCode.WRONG_MODALITY, GateReasonCode.IMAGE_SIZE_OUT_OF_RANGE),
                reasons.stream().map(GateReason::code).toList());
        assertTrue(reasons.stream().allMatch(r -> r.severity() == Severity.HARD));
        assertTrue(reasons.get(1).message().startsWith("Rows is absent"), reasons.get(1).message());
    }

    @Test
    void evaluate_acceptAll_acceptsAnEmptyHeaderExceptSize() {
        List<GateReason> reasons = HeaderRuleSet.acceptAll().evaluate(HeaderFacts.builder().rows(1).columns(1).build());
        assertEquals(List.of(), reasons);
    }

    @Test
    void evaluate_bitsStoredRule_listsAllowedValuesInNumericOrder() {
        HeaderRuleSet rules = HeaderRuleSet.acceptAll().withAllowedBitsStored(Set.of(16, 8, 12));
        GateReason r = rules.evaluate(HeaderFacts.builder().bitsStored(10).rows(1).columns(1).build()).get(0);
        assertEquals("one of [8, 12, 16]", r.expected());
    }

    @Test
    void evaluate_chestCtPreset_acceptsTypicalSlice() {
        HeaderFacts facts = HeaderFacts.builder().modality("CT").sopClassUid("1.2.840.10008.5.1.4.1.1.2")
                .bodyPartExamined("CHEST").photometricInterpretation("MONOCHROME2").bitsStored(12)
                .pixelSpacingMm(new PixelSpacingMm(0.7, 0.7)).rows(512).columns(512).build();
        assertEquals(List.of(), HeaderRuleSet.chestCt().evaluate(facts));
    }

    @Test
    void constructor_invertedSpacingRange_namesBothBounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeaderRuleSet.acceptAll().withPixelSpacingRangeMm(0.5, 0.1));
        assertEquals("maxPixelSpacingMm 0.1 is below minPixelSpacingMm 0.5 set before", e.getMessage());
    }

    @Test
    void pixelSpacingMm_nonPositive_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PixelSpacingMm(0, 0.1));
    }
}
