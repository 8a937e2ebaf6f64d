package org.dicomguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ContractJsonWriteTest {

    @Test
    void write_prediction_exactDocumentedShape() {
        assertEquals("{\"contractVersion\":\"1.2\",\"status\":\"prediction\",\"studyInstanceUid\":\"1.2.3\","
                + "\"bundleId\":\"demo-mammography-1\",\"modelSha256\":\"" + Fixtures.MODEL_SHA256 + "\","
                + "\"pathologies\":[{\"code\":\"mass\",\"probability\":0.0731,\"decisionThresholdProbability\":0.31,"
                + "\"positive\":false},{\"code\":\"calcification\",\"probability\":0.41,"
                + "\"decisionThresholdProbability\":0.25,\"positive\":true}],"
                + "\"anyPathology\":{\"rule\":\"max\",\"probability\":0.41,\"positive\":true},"
                + "\"ood\":{\"score\":3.2,\"threshold\":7.9},"
                + "\"provenance\":{\"libraryVersion\":\"0.1.0\",\"preprocessingFingerprint\":\"" + Fixtures.FINGERPRINT
                + "\"" + Fixtures.PROVENANCE_1_2_JSON + "},\"imagesUsed\":[],\"imagesIgnored\":[]}", Fixtures.predictionJson());
    }

    @Test
    void write_rejected_evidenceOmitsAbsentThresholdAndUnit() {
        String json = ContractJson.write(Fixtures.rejected());
        assertTrue(json.contains("{\"name\":\"mahalanobisDistance\",\"value\":12.5,\"threshold\":7.9}"), json);
        assertTrue(json.contains("{\"name\":\"pixelSpacingMm\",\"value\":0.9,\"threshold\":0.2,\"unit\":\"mm\"}"), json);
        assertTrue(json.contains("{\"name\":\"meanIntensity\",\"value\":0.93}"), json);
    }

    @Test
    void write_unknownUid_explicitNull() {
        assertEquals("{\"contractVersion\":\"1.2\",\"status\":\"failed\",\"studyInstanceUid\":null,"
                + "\"bundleId\":\"demo-mammography-1\",\"errorCode\":\"UNREADABLE_FILE\",\"message\":\"not a DICOM file\"}",
                ContractJson.write(Fixtures.failedUnknownUid()));
    }

    @Test
    void write_anyResult_oneLine() {
        Failed failed = new Failed(Optional.empty(), "b", "E", "quote \" and backslash \\ and unicode é");
        String json = ContractJson.write(failed);
        assertFalse(json.contains("\n") || json.contains("\r"), json);
        assertEquals(failed, ContractJson.read(json));
    }

    @Test
    void writeThenRead_everyKind_equalResult() {
        for (GuardResult result : List.of(Fixtures.prediction(), Fixtures.rejected(), Fixtures.failedUnknownUid())) {
            assertEquals(result, ContractJson.read(ContractJson.write(result)));
        }
    }

    /** The integer-percent incident cannot come from the writer: every float reads back bit-identical. */
    @Test
    void writeThenRead_seededRandomFloats_bitIdenticalAndShortest() {
        SplittableRandom random = new SplittableRandom(20261123L);
        float[] edges = {0f, 1f, Float.MIN_VALUE, Float.MIN_NORMAL, Math.nextDown(1f), 0.0731f, 0.004f, 0.995f,
                1.0E-5f, 1f / 3f, 0.1f, 0.7f};
        int checked = 0;
        for (int i = 0; i < 5_000 + edges.length; i++) {
            float p = i < edges.length ? edges[i]
                    : i % 2 == 0 ? random.nextInt(1 << 24) / (float) (1 << 24) : Float.intBitsToFloat(
                            random.nextInt(Float.floatToRawIntBits(1f) + 1));
            Prediction sent = single(p);
            String json = ContractJson.write(sent);
            float back = ((Prediction) ContractJson.read(json)).pathologies().get(0).probability();
            assertEquals(Float.floatToRawIntBits(p), Float.floatToRawIntBits(back), json);
            String written = json.substring(json.indexOf("\"probability\":") + 14, json.indexOf(",\"decision"));
            // Shortest: one digit fewer would no longer parse back to the same float (or it is 0.0/1.0).
            assertTrue(written.length() <= Float.toString(p).length(), written + " vs " + Float.toString(p));
            checked++;
        }
        assertEquals(5_012, checked);
    }

    @Test
    void write_probability_neverDoubleWidened() {
        String json = ContractJson.write(single(0.0731f));
        assertTrue(json.contains("\"probability\":0.0731,"), json);
        assertFalse(json.contains("0.07310000061988831"), json);
    }

    private static Prediction single(float p) {
        return new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256, List.of(PathologyFinding.of("mass", p, 0.5f)),
                new AnyPathology(AnyPathologyRule.MODEL_OUTPUT, p, p >= 0.5f), new OodAssessment(0, 1),
                new Provenance("0.1.0", Fixtures.FINGERPRINT));
    }
}
