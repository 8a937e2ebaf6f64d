package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.mammography.BreastMaskThresholdMethod;
import org.dicomguard.core.task.mammography.ChestWallSide;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Validation, strict JSON and fingerprint of the mammography preprocessing config. */
class MammographyPreprocessingConfigTest {

    private static final MammographyPreprocessingConfig DEFAULTS = MammographyPreprocessingConfig.defaults();

    /** One edit per field: the fingerprint test fails if a new field is added without an entry here. */
    private static final List<UnaryOperator<MammographyPreprocessingConfig>> EDITS = List.of(
            c -> c.toBuilder().breastMaskThresholdMethod(BreastMaskThresholdMethod.OTSU).build(),
            c -> c.withBreastMaskBinarizationThresholdFraction(0.16),
            c -> c.toBuilder().cropMarginFraction(0.03).build(),
            c -> c.toBuilder().modelInputWidthPixels(104).build(),
            c -> c.toBuilder().modelInputHeightPixels(128).build(),
            c -> c.toBuilder().normalizationLowPercentile(2).build(),
            c -> c.toBuilder().normalizationHighPercentile(98).build(),
            c -> c.toBuilder().canonicalChestWallSide(ChestWallSide.RIGHT).build());

    @Test
    void fingerprint_everyFieldEdit_changesFingerprint() {
        assertEquals(MammographyPreprocessingConfig.class.getRecordComponents().length, EDITS.size(),
                "every record component needs an edit in EDITS");
        String base = DEFAULTS.sha256Fingerprint();
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(base);
        for (UnaryOperator<MammographyPreprocessingConfig> edit : EDITS) {
            MammographyPreprocessingConfig edited = edit.apply(DEFAULTS);
            assertNotEquals(DEFAULTS, edited);
            assertTrue(seen.add(edited.sha256Fingerprint()), "fingerprint unchanged or repeated for " + edited);
        }
    }

    @Test
    void fingerprint_equalConfigsAndKeyOrder_unchanged() {
        String json = DEFAULTS.toCanonicalJson();
        String reordered = "{\"canonicalChestWallSide\":\"LEFT\",\"normalizationHighPercentile\":99.9,"
                + "\"modelInputHeightPixels\":256,\"modelInputWidthPixels\":208,\"cropMarginFraction\":0.02,"
                + "\"normalizationLowPercentile\":1.0,\"breastMaskBinarizationThresholdFraction\":0.15,"
                + "\"breastMaskThresholdMethod\":\"FIXED_FRACTION\"}";
        MammographyPreprocessingConfig fromReordered = MammographyPreprocessingConfig.fromJson(reordered);
        assertEquals(DEFAULTS, fromReordered);
        assertEquals(DEFAULTS.sha256Fingerprint(), fromReordered.sha256Fingerprint());
        assertEquals(DEFAULTS.sha256Fingerprint(), MammographyPreprocessingConfig.fromJson(json).sha256Fingerprint());
        assertEquals(DEFAULTS.sha256Fingerprint(), MammographyPreprocessingConfig.defaults().sha256Fingerprint());
    }

    @Test
    void fromJson_historicalBinThresholdKey_isRejected() {
        String json = DEFAULTS.toCanonicalJson().replace("}", ",\"bin_threshold\":0.5}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MammographyPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("bin_threshold"), e.getMessage());
    }

    @Test
    void fromJson_misspelledKey_isRejected() {
        String json = DEFAULTS.toCanonicalJson().replace("cropMarginFraction", "cropMarginFractoin");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MammographyPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("cropMarginFractoin"), e.getMessage());
    }

    @Test
    void fromJson_missingKey_isRejected() {
        String json = DEFAULTS.toCanonicalJson().replace("\"cropMarginFraction\":0.02,", "");
        assertThrows(IllegalArgumentException.class, () -> MammographyPreprocessingConfig.fromJson(json));
    }

    @Test
    void fromJson_outOfRangeValue_messageNamesFieldValueAndRange() {
        String json = DEFAULTS.toCanonicalJson().replace("0.15", "1.5");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MammographyPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("breastMaskBinarizationThresholdFraction must be in (0, 1), got 1.5"),
                e.getMessage());
    }

    @Test
    void constructor_invalidValues_messagesNameFieldValueAndRange() {
        assertMessage(() -> DEFAULTS.toBuilder().cropMarginFraction(-0.1).build(), "cropMarginFraction must be in [0, 0.5], got -0.1");
        assertMessage(() -> DEFAULTS.toBuilder().modelInputWidthPixels(4).build(), "modelInputWidthPixels must be in [8, 4096], got 4");
        assertMessage(() -> DEFAULTS.toBuilder().modelInputHeightPixels(5000).build(), "modelInputHeightPixels must be in [8, 4096], got 5000");
        assertMessage(() -> DEFAULTS.toBuilder().normalizationLowPercentile(60).build(), "normalizationLowPercentile must be in [0, 50), got 60");
        assertMessage(() -> DEFAULTS.toBuilder().normalizationHighPercentile(Double.NaN).build(), "normalizationHighPercentile must be in (50, 100], got NaN");
        assertMessage(() -> DEFAULTS.withBreastMaskBinarizationThresholdFraction(0), "breastMaskBinarizationThresholdFraction must be in (0, 1), got 0");
        assertMessage(() -> DEFAULTS.toBuilder().breastMaskThresholdMethod(null).build(), "breastMaskThresholdMethod");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable executable, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
