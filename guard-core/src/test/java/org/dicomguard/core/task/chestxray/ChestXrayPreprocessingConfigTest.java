package org.dicomguard.core.task.chestxray;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChestXrayPreprocessingConfigTest {

    @Test
    void fromJson_canonicalJson_roundTrips() {
        ChestXrayPreprocessingConfig c = ChestXrayPreprocessingConfig.defaults().toBuilder().modelInputPixels(128, 128).build();
        assertEquals(c, ChestXrayPreprocessingConfig.fromJson(c.toCanonicalJson()));
        assertEquals(64, c.sha256Fingerprint().length());
        assertEquals("chest-xray", c.taskName());
    }

    @Test
    void sha256Fingerprint_changesWithAnyValue() {
        ChestXrayPreprocessingConfig c = ChestXrayPreprocessingConfig.defaults();
        assertNotEquals(c.sha256Fingerprint(), c.toBuilder().lateralViewAccepted(true).build().sha256Fingerprint());
        assertNotEquals(c.sha256Fingerprint(), c.toBuilder().modelInputPixels(256, 255).build().sha256Fingerprint());
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
                () -> ChestXrayPreprocessingConfig.defaults().toBuilder().modelInputPixels(4, 128).build());
        assertTrue(e.getMessage().contains("modelInputWidthPixels"), e.getMessage());
    }
}
