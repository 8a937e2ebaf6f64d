package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChestCtPreprocessingConfigTest {

    private static final ChestCtPreprocessingConfig DEFAULTS = ChestCtPreprocessingConfig.defaults();

    @Test
    void constructor_valueOutOfRange_messageNamesFieldValueAndRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withLungMaskUpperBoundHu(50));
        assertEquals("lungMaskUpperBoundHu must be in [-900, -100], got 50", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.toBuilder().lungWindow(-600, 0.5).build());
        assertTrue(e.getMessage().startsWith("lungWindowWidthHu must be in [1, 5000], got 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.toBuilder().cropMarginMm(Double.NaN).build());
        assertTrue(e.getMessage().startsWith("cropMarginMm must be in"), e.getMessage());
    }

    @Test
    void builder_valueOutOfRange_refusedWhenSetNotAtBuild() {
        ChestCtPreprocessingConfig.Builder builder = ChestCtPreprocessingConfig.builder();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.minSliceCount(1));
        assertEquals("minSliceCount must be in [2, 4096], got 1", e.getMessage());
        assertEquals(DEFAULTS, builder.build(), "the refused value left the builder unchanged");
    }

    @Test
    void builder_everySetter_sameConfigAsTheCanonicalConstructor() {
        ChestCtPreprocessingConfig expected = new ChestCtPreprocessingConfig(-500, -1000, -250, 30, 5, 2, 12, 16, 32, 48,
                -650, 1400, 0.2, 8);
        ChestCtPreprocessingConfig built = ChestCtPreprocessingConfig.builder().lungMaskUpperBoundHu(-500)
                .lungMaskLowerBoundHu(-1000).bodyThresholdHu(-250).minLungComponentVolumeMl(30)
                .airwaySeparationRadiusMm(5).lungMaskClosingRadiusMm(2).cropMarginMm(12).targetGridVoxels(16, 32, 48)
                .lungWindow(-650, 1400).maxSliceSpacingDeviationFraction(0.2).minSliceCount(8).build();
        assertEquals(expected, built);
        assertEquals(expected, expected.toBuilder().build());
        assertEquals(expected.sha256Fingerprint(), built.sha256Fingerprint());
    }

    @Test
    void constructor_lowerBoundNotBelowUpper_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withLungMaskUpperBoundHu(-900).toBuilder().lungMaskLowerBoundHu(-950).build()
                        .withLungMaskUpperBoundHu(-960));
        assertTrue(e.getMessage().contains("lungMaskUpperBoundHu"), e.getMessage());
    }

    @Test
    void fromJson_roundTrip_equalConfig() {
        assertEquals(DEFAULTS, ChestCtPreprocessingConfig.fromJson(DEFAULTS.toCanonicalJson()));
    }

    @Test
    void fromJson_unknownKey_refused() {
        String json = DEFAULTS.toCanonicalJson().replace("\"bodyThresholdHu\"", "\"binThreshold\":1,\"bodyThresholdHu\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChestCtPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("binThreshold"), e.getMessage());
    }

    @Test
    void fromJson_missingKey_refused() {
        String json = DEFAULTS.toCanonicalJson().replace("\"bodyThresholdHu\":-300,", "");
        assertThrows(IllegalArgumentException.class, () -> ChestCtPreprocessingConfig.fromJson(json));
    }

    @Test
    void fromJson_valueOutOfRange_messageNamesField() {
        String json = DEFAULTS.toCanonicalJson().replace("\"minSliceCount\":16", "\"minSliceCount\":1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChestCtPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("minSliceCount must be in [2, 4096], got 1"), e.getMessage());
    }

    @Test
    void fingerprint_anyFieldChange_changesFingerprintAndOnlyThen() {
        List<ChestCtPreprocessingConfig> variants = List.of(
                DEFAULTS.withLungMaskUpperBoundHu(-401),
                DEFAULTS.toBuilder().lungMaskLowerBoundHu(-1101).build(),
                DEFAULTS.toBuilder().bodyThresholdHu(-301).build(),
                DEFAULTS.toBuilder().minLungComponentVolumeMl(20.5).build(),
                DEFAULTS.toBuilder().airwaySeparationRadiusMm(6.5).build(),
                DEFAULTS.toBuilder().lungMaskClosingRadiusMm(3.5).build(),
                DEFAULTS.toBuilder().cropMarginMm(10.5).build(),
                DEFAULTS.toBuilder().targetGridVoxels(33, 64, 64).build(),
                DEFAULTS.toBuilder().targetGridVoxels(32, 65, 64).build(),
                DEFAULTS.toBuilder().targetGridVoxels(32, 64, 65).build(),
                DEFAULTS.toBuilder().lungWindow(-601, 1500).build(),
                DEFAULTS.toBuilder().lungWindow(-600, 1501).build(),
                DEFAULTS.toBuilder().maxSliceSpacingDeviationFraction(0.11).build(),
                DEFAULTS.toBuilder().minSliceCount(17).build());
        assertEquals(14, ChestCtPreprocessingConfig.class.getRecordComponents().length,
                "a new component needs a variant here");
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(DEFAULTS.sha256Fingerprint());
        for (ChestCtPreprocessingConfig variant : variants) {
            assertTrue(fingerprints.add(variant.sha256Fingerprint()), "fingerprint unchanged for " + variant);
        }
        assertEquals(DEFAULTS.sha256Fingerprint(), ChestCtPreprocessingConfig.fromJson(DEFAULTS.toCanonicalJson()).sha256Fingerprint());
        assertEquals(DEFAULTS.sha256Fingerprint(), DEFAULTS.toBuilder().cropMarginMm(11).cropMarginMm(10).build().sha256Fingerprint());
        assertNotEquals(DEFAULTS.sha256Fingerprint(), DEFAULTS.toBuilder().cropMarginMm(11).build().sha256Fingerprint());
        assertEquals(64, DEFAULTS.sha256Fingerprint().length());
    }
}
