package org.dicomguard.ood.profile;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.drift.DriftReference;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A committed version-1 profile must stay readable: if the canonical form or the record changes,
 * this fails, and the change needs a new schema version (and a reader for version 1).
 * Regenerate the file only deliberately: {@code -Dood.golden.regenerate=true}.
 */
class GoldenProfileTest {

    private static final String RESOURCE = "/golden/ood-profile-v1.json";

    static ReferenceProfile handMade() {
        double[] sample = new double[20];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = i * 0.5;
        }
        return ReferenceProfile.create(List.of(new FeatureSpec("meanIntensityInMaskHu", "HU"),
                        new FeatureSpec("maskAreaFraction", "fraction")), new double[] {40.25, 0.3},
                new double[][] {{100.0, 0.4}, {0.4, 0.0025}}, 0.125, 3.5, 0.05, 400, 200,
                new CalibrationSummary(200, 0.1, 1.2, 2.1, 3.9, 4.4),
                DriftReference.empty().with("meanIntensityInMaskHu", sample));
    }

    @Test
    void read_committedVersionOneProfile_stillReadsWithSameContent() throws Exception {
        if (Boolean.getBoolean("ood.golden.regenerate")) {
            ReferenceProfileJson.write(handMade(), Path.of("src/test/resources" + RESOURCE));
        }
        try (InputStream in = GoldenProfileTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE);
            ReferenceProfile profile = ReferenceProfileJson.read(in);
            assertEquals(handMade().sha256(), profile.sha256());
            assertEquals(3.5, profile.thresholdDistance());
            assertEquals(1, profile.schemaVersion());
        }
        assertEquals(ReferenceProfileJson.toJson(handMade()),
                Files.readString(Path.of("src/test/resources" + RESOURCE)));
    }
}
