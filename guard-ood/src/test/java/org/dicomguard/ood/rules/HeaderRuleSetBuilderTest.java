package org.dicomguard.ood.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class HeaderRuleSetBuilderTest {

    @Test
    void build_presetsByName_equalThePositionalRecords() {
        assertEquals(new HeaderRuleSet(Set.of("MG"),
                Set.of("1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.2.1"),
                Set.of("BREAST"), Set.of("CC", "MLO"), Set.of("MONOCHROME1", "MONOCHROME2"),
                Set.of(8, 9, 10, 11, 12, 13, 14, 15, 16), 0.02, 0.3, 64, 10_000, 64, 10_000), HeaderRuleSet.mammography());
        assertEquals(new HeaderRuleSet(Set.of("CT"), Set.of("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1"),
                Set.of("CHEST", "LUNG", "THORAX", "CHESTABDOMEN", "CHESTABDPELVIS"), Set.of(), Set.of("MONOCHROME2"),
                Set.of(8, 9, 10, 11, 12, 13, 14, 15, 16), 0.2, 2.0, 64, 2048, 64, 2048), HeaderRuleSet.chestCt());
    }

    @Test
    void setter_setTwice_namesThePropertyAndTheFirstValue() {
        HeaderRuleSetBuilder b = HeaderRuleSet.builder().minRows(64);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> b.minRows(128));
        assertEquals("minRows was already set to 64", e.getMessage());
    }

    @Test
    void setter_badValue_refusedWhereItIsSet() {
        HeaderRuleSetBuilder b = HeaderRuleSet.builder();
        assertEquals("allowedBitsStored values must be in [1, 32], got 40",
                assertThrows(IllegalArgumentException.class, () -> b.allowedBitsStored(Set.of(12, 40))).getMessage());
        assertEquals("minPixelSpacingMm must be finite and >= 0, got -0.1",
                assertThrows(IllegalArgumentException.class, () -> b.minPixelSpacingMm(-0.1)).getMessage());
        assertEquals("maxColumns must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> b.maxColumns(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.allowedModalities(Set.of(" ")));
    }

    @Test
    void setter_boundContradictingOtherBoundSetBefore_namesBoth() {
        HeaderRuleSetBuilder b = HeaderRuleSet.builder().maxPixelSpacingMm(0.3);
        assertEquals("minPixelSpacingMm 0.5 exceeds maxPixelSpacingMm 0.3 set before",
                assertThrows(IllegalArgumentException.class, () -> b.minPixelSpacingMm(0.5)).getMessage());
        HeaderRuleSetBuilder rows = HeaderRuleSet.builder().minRows(512);
        assertEquals("maxRows 256 is below minRows 512 set before",
                assertThrows(IllegalArgumentException.class, () -> rows.maxRows(256)).getMessage());
    }

    @Test
    void build_boundContradictingInheritedBound_namesBothAndWhereItCameFrom() {
        HeaderRuleSetBuilder b = HeaderRuleSet.mammography().toBuilder().minRows(20_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertEquals("minRows 20000 exceeds maxRows 10000 (from the starting rule set)", e.getMessage());
    }

    @Test
    void toBuilder_replaceOneProperty_keepsTheOthers() {
        HeaderRuleSet widened = HeaderRuleSet.mammography().toBuilder().maxPixelSpacingMm(0.5).build();
        assertEquals(0.5, widened.maxPixelSpacingMm());
        assertEquals(HeaderRuleSet.mammography().withPixelSpacingRangeMm(0.02, 0.5), widened);
        assertTrue(widened.allowedModalities().contains("MG"));
    }
}
