package org.dicomguard.ood.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.ood.SyntheticStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceProfileJsonTest {

    private static ReferenceProfile sampleProfile() {
        SyntheticStudies data = new SyntheticStudies(5);
        return ProfileFitter.fit(SyntheticStudies.SPECS, data.inDistribution(300), data.inDistribution(200), 0.05);
    }

    @Test
    void fromJson_writtenProfile_readsBackBitExact(@TempDir Path dir) throws Exception {
        ReferenceProfile profile = sampleProfile();
        Path file = dir.resolve("ood-profile.json");
        ReferenceProfileJson.write(profile, file);
        ReferenceProfile back = ReferenceProfileJson.read(file);
        assertEquals(profile.sha256(), back.sha256());
        assertArrayEquals(profile.mean(), back.mean());
        for (int i = 0; i < profile.covariance().length; i++) {
            assertArrayEquals(profile.covariance()[i], back.covariance()[i]);
        }
        assertEquals(profile.thresholdDistance(), back.thresholdDistance());
        assertEquals(profile.featureSpecs(), back.featureSpecs());
        assertEquals(profile.driftReference(), back.driftReference());
        assertEquals(profile.calibrationSummary(), back.calibrationSummary());
    }

    @Test
    void fromJson_awkwardDoubles_roundTripExactly() throws Exception {
        SplittableRandom random = new SplittableRandom(3);
        ReferenceProfile base = sampleProfile();
        double[] mean = base.mean();
        mean[0] = 0.1 + 0.2;
        mean[1] = Double.MIN_VALUE;
        mean[2] = -0.0;
        mean[3] = 1e300 * random.nextDouble();
        mean[4] = Math.nextUp(1.0);
        ReferenceProfile p = ReferenceProfile.create(base.featureSpecs(), mean, base.covariance(),
                base.shrinkageIntensity(), base.thresholdDistance(), base.targetFalseRejectRate(), base.fitCount(),
                base.calibrationCount(), base.calibrationSummary(), base.driftReference());
        ReferenceProfile back = ReferenceProfileJson.fromJson(ReferenceProfileJson.toJson(p));
        for (int i = 0; i < mean.length; i++) {
            assertEquals(Double.doubleToRawLongBits(mean[i]), Double.doubleToRawLongBits(back.mean()[i]), "mean " + i);
        }
    }

    @Test
    void fromJson_sha256_isTheCanonicalContentWithoutTheHashField() throws Exception {
        ReferenceProfile profile = sampleProfile();
        ObjectNode tree = (ObjectNode) OodJson.mapper().readTree(ReferenceProfileJson.toJson(profile));
        String recorded = tree.remove("sha256").asText();
        assertEquals(OodJson.sha256Hex(OodJson.canonicalJson(tree)), recorded);
        assertEquals(64, recorded.length());
    }

    @Test
    void fromJson_newerVersion_failsNamingBothVersions() throws Exception {
        ObjectNode tree = (ObjectNode) OodJson.mapper().readTree(ReferenceProfileJson.toJson(sampleProfile()));
        tree.put("schemaVersion", 7);
        tree.put("someFutureField", true);
        ProfileFormatException e = assertThrows(ProfileFormatException.class,
                () -> ReferenceProfileJson.fromJson(tree.toString()));
        assertEquals("unknown version 7, this reader supports at most 1", e.getMessage());
    }

    @Test
    void fromJson_editedThreshold_failsOnHash() throws Exception {
        ObjectNode tree = (ObjectNode) OodJson.mapper().readTree(ReferenceProfileJson.toJson(sampleProfile()));
        tree.put("thresholdDistance", tree.get("thresholdDistance").asDouble() * 2);
        ProfileFormatException e = assertThrows(ProfileFormatException.class,
                () -> ReferenceProfileJson.fromJson(tree.toString()));
        assertTrue(e.getMessage().contains("sha256 does not match"), e.getMessage());
    }

    @Test
    void fromJson_unknownField_fails() throws Exception {
        ObjectNode tree = (ObjectNode) OodJson.mapper().readTree(ReferenceProfileJson.toJson(sampleProfile()));
        tree.put("binThreshold", 0.5);
        ProfileFormatException e = assertThrows(ProfileFormatException.class,
                () -> ReferenceProfileJson.fromJson(tree.toString()));
        assertTrue(e.getMessage().contains("binThreshold"), e.getMessage());
    }

    @Test
    void fromJson_missingField_failsNamingIt() throws Exception {
        ObjectNode tree = (ObjectNode) OodJson.mapper().readTree(ReferenceProfileJson.toJson(sampleProfile()));
        tree.remove("calibrationSummary");
        ProfileFormatException e = assertThrows(ProfileFormatException.class,
                () -> ReferenceProfileJson.fromJson(tree.toString()));
        assertTrue(e.getMessage().contains("calibrationSummary"), e.getMessage());
    }

    @Test
    void fromJson_missingVersion_fails() {
        ProfileFormatException e = assertThrows(ProfileFormatException.class,
                () -> ReferenceProfileJson.fromJson("{\"mean\":[1]}"));
        assertTrue(e.getMessage().contains("schemaVersion"), e.getMessage());
    }

    @Test
    void fromJson_trailingGarbage_fails() {
        assertThrows(ProfileFormatException.class,
                () -> ReferenceProfileJson.fromJson(ReferenceProfileJson.toJson(sampleProfile()) + "{}"));
    }

    @Test
    void read_writtenFile_isHumanReadableWithUnits(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.json");
        ReferenceProfileJson.write(sampleProfile(), file);
        String text = Files.readString(file);
        assertTrue(text.contains("\"unit\" : \"HU\""), text.substring(0, 200));
        assertTrue(text.contains("\"targetFalseRejectRate\" : 0.05"));
    }
}
