package org.dicomguard.ood.profile;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the profile reader: any text either reads as a verified profile or fails with
 * {@link ProfileFormatException}. Without {@code JAZZER_FUZZ=1} this runs the seeds only
 * (regression mode); with it, Jazzer fuzzes for {@code maxDuration}.
 */
class ReferenceProfileJsonFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void fromJson_anyText_onlyProfileFormatException(byte[] data) {
        if (data == null) {
            return; // the reader's contract starts at non-null text
        }
        try {
            ReferenceProfileJson.fromJson(new String(data, StandardCharsets.UTF_8));
        } catch (ProfileFormatException expected) {
            // the one permitted failure
        }
    }
}
