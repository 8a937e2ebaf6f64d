package org.dicomguard.ood;

import org.dicomguard.ood.drift.StudyObservation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputStatisticsTest {

    @Test
    void builder_keepsOrderUnitsAndValues() {
        InputStatistics s = InputStatistics.builder().add("b", "HU", 2).add("a", "mm", 1).build();
        assertEquals(List.of(new FeatureSpec("b", "HU"), new FeatureSpec("a", "mm")), s.featureSpecs());
        assertEquals(List.of("b", "a"), List.copyOf(s.asMap().keySet()));
        assertEquals(1.0, s.value("a").orElseThrow());
        assertTrue(s.value("c").isEmpty());
    }

    @Test
    void of_nonFiniteValue_namesTheFeature() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputStatistics.builder().add("noiseHu", "HU", Double.NaN).build());
        assertEquals("value of feature 'noiseHu' must be finite, got NaN", e.getMessage());
    }

    @Test
    void of_duplicateName_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> InputStatistics.builder().add("a", "1", 1).add("a", "1", 2).build());
    }

    @Test
    void values_isACopy() {
        InputStatistics s = InputStatistics.builder().add("a", "1", 1).build();
        s.values()[0] = 99;
        assertEquals(1.0, s.values()[0]);
    }

    @Test
    void featureSpec_badName_isRefusedWithThePattern() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeatureSpec("a b", "1"));
        assertTrue(e.getMessage().contains("'a b'"), e.getMessage());
    }

    @Test
    void featureSpec_namesAndUnits_acceptExactlyTheDocumentedCharactersAndLengths() {
        new FeatureSpec("A-z_0.9:x", "HU");
        new FeatureSpec("n".repeat(100), "u".repeat(40));
        new FeatureSpec("n", " ~");
        for (String bad : new String[] {"", "n".repeat(101), "a/b", "caf\u00e9", "a\nb", "a+b"}) {
            assertThrows(IllegalArgumentException.class, () -> new FeatureSpec(bad, "1"), bad);
        }
        for (String bad : new String[] {"", "u".repeat(41), "tab\t", "\u00b5m", "\u007f"}) {
            assertThrows(IllegalArgumentException.class, () -> new FeatureSpec("n", bad), bad);
        }
    }

    @Test
    void observation_probabilityOutsideUnitInterval_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new StudyObservation(Instant.EPOCH, "prediction", Map.of(),
                Map.of("mass", 1.5f), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new StudyObservation(Instant.EPOCH, "prediction",
                Map.of("a", Double.POSITIVE_INFINITY), Map.of(), List.of()));
    }
}
