package org.dicomguard.core.task.chestxray;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChestXrayPreprocessingConfigTest {

    @Test
    void fromJson_canonicalJson_roundTrips() {
        ChestXrayPreprocessingConfig c = ChestXrayPreprocessingConfig.defaults().withModelInputPixels(128, 128);
        assertEquals(c, ChestXrayPreprocessingConfig.fromJson(c.toCanonicalJson()));
        assertEquals(64, c.sha256Fingerprint().length());
        assertEquals("chest-xray", c.taskName());
    }

    @Test
    void sha256Fingerprint_changesWithAnyValue() {
        ChestXrayPreprocessingConfig c = ChestXrayPreprocessingConfig.defaults();
        assertNotEquals(c.sha256Fingerprint(), c.withLateralViewAccepted(true).sha256Fingerprint());
        assertNotEquals(c.sha256Fingerprint(), c.withModelInputPixels(256, 255).sha256Fingerprint());
    }

    @Test
    void fromJson_unknownKey_rejected() {
        String json = ChestXrayPreprocessingConfig.defaults().toCanonicalJson().replace("{", "{\"bin_threshold\":0.5,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChestXrayPreprocessingConfig.fromJson(json));
        assertTrue(e.getMessage().contains("bin_threshold"), e.getMessage());
    }

    @Test
    void constructor_outOfRange_namesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChestXrayPreprocessingConfig.defaults().withModelInputPixels(4, 128));
        assertTrue(e.getMessage().contains("modelInputWidthPixels"), e.getMessage());
    }
}
