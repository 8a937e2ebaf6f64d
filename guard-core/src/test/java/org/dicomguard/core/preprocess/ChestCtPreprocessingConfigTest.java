package org.dicomguard.core.preprocess;

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
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLungWindow(-600, 0.5));
        assertTrue(e.getMessage().startsWith("lungWindowWidthHu must be in [1, 5000], got 0.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withCropMarginMm(Double.NaN));
        assertTrue(e.getMessage().startsWith("cropMarginMm must be in"), e.getMessage());
    }

    @Test
    void constructor_lowerBoundNotBelowUpper_refused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DEFAULTS.withLungMaskUpperBoundHu(-900).withLungMaskLowerBoundHu(-950)
                        .withLungMaskUpperBoundHu(-960));
        assertTrue(e.getMessage().contains("lungMaskUpperBoundHu"), e.getMessage());
    }

    @Test
    void fromJson_roundTrip_equalConfig() {
        assertEquals(DEFAULTS, ChestCtPreprocessingConfig.fromJson(DEFAULTS.toJson()));
    }

    @Test
    void fromJson_unknownKey_refused() {
        String json = DEFAULTS.toJson().replace("\"bodyThresholdHu\"", "\"binThreshold\":1,\"bodyThresholdHu\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChestCtPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("binThreshold"), e.getMessage());
    }

    @Test
    void fromJson_missingKey_refused() {
        String json = DEFAULTS.toJson().replace("\"bodyThresholdHu\":-300,", "");
        assertThrows(IllegalArgumentException.class, () -> ChestCtPreprocessingConfig.fromJson(json));
    }

    @Test
    void fromJson_valueOutOfRange_messageNamesField() {
        String json = DEFAULTS.toJson().replace("\"minSliceCount\":16", "\"minSliceCount\":1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChestCtPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("minSliceCount must be in [2, 4096], got 1"), e.getMessage());
    }

    @Test
    void fingerprint_anyFieldChange_changesFingerprintAndOnlyThen() {
        List<ChestCtPreprocessingConfig> variants = List.of(
                DEFAULTS.withLungMaskUpperBoundHu(-401),
                DEFAULTS.withLungMaskLowerBoundHu(-1101),
                DEFAULTS.withBodyThresholdHu(-301),
                DEFAULTS.withMinLungComponentVolumeMl(20.5),
                DEFAULTS.withAirwaySeparationRadiusMm(6.5),
                DEFAULTS.withLungMaskClosingRadiusMm(3.5),
                DEFAULTS.withCropMarginMm(10.5),
                DEFAULTS.withTargetGridVoxels(33, 64, 64),
                DEFAULTS.withTargetGridVoxels(32, 65, 64),
                DEFAULTS.withTargetGridVoxels(32, 64, 65),
                DEFAULTS.withLungWindow(-601, 1500),
                DEFAULTS.withLungWindow(-600, 1501),
                DEFAULTS.withMaxSliceSpacingDeviationFraction(0.11),
                DEFAULTS.withMinSliceCount(17));
        assertEquals(14, ChestCtPreprocessingConfig.class.getRecordComponents().length,
                "a new component needs a variant here");
        Set<String> fingerprints = new HashSet<>();
        fingerprints.add(DEFAULTS.fingerprint());
        for (ChestCtPreprocessingConfig variant : variants) {
            assertTrue(fingerprints.add(variant.fingerprint()), "fingerprint unchanged for " + variant);
        }
        assertEquals(DEFAULTS.fingerprint(), ChestCtPreprocessingConfig.fromJson(DEFAULTS.toJson()).fingerprint());
        assertEquals(DEFAULTS.fingerprint(), DEFAULTS.withCropMarginMm(11).withCropMarginMm(10).fingerprint());
        assertNotEquals(DEFAULTS.fingerprint(), DEFAULTS.withCropMarginMm(11).fingerprint());
        assertEquals(64, DEFAULTS.fingerprint().length());
    }
}
