package org.dicomguard.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The versioning rule of {@link ContractJson} ("Versioning"): a 1.x reader reads older minors
 * strictly, newer minors ignoring what it does not know, and refuses another major.
 */
class ContractVersioningTest {

    private static Prediction withImages() {
        Prediction p = Fixtures.prediction();
        return new Prediction(p.studyInstanceUid(), p.bundleId(), p.modelSha256(), p.pathologies(), p.anyPathology(),
                p.ood(), p.provenance(), Optional.of("msg-42:a"),
                List.of(new ImageUsed("L-CC", "1.2.3.1"), new ImageUsed("R-MLO", "1.2.3.4")),
                List.of(new ImageIgnored("1.2.3.9", "REPEATED_EXPOSURE")));
    }

    @Test
    void write_prediction_listsImagesUsedIgnoredAndRequestKeyLast() {
        String json = ContractJson.write(withImages());
        assertTrue(json.startsWith("{\"contractVersion\":\"1.2\","), json);
        assertTrue(json.endsWith(",\"imagesUsed\":[{\"label\":\"L-CC\",\"sopInstanceUid\":\"1.2.3.1\"},"
                + "{\"label\":\"R-MLO\",\"sopInstanceUid\":\"1.2.3.4\"}],"
                + "\"imagesIgnored\":[{\"sopInstanceUid\":\"1.2.3.9\",\"reason\":\"REPEATED_EXPOSURE\"}],"
                + "\"requestKey\":\"msg-42:a\"}"), json);
        assertEquals(withImages(), ContractJson.read(json));
    }

    @Test
    void read_failedWithRequestKeyAndNullUid_roundTrips() {
        Failed failed = new Failed(Optional.empty(), "b", "INVALID_STUDY_INSTANCE_UID", "not a UID",
                Optional.of("job-7"));
        String json = ContractJson.write(failed);
        assertTrue(json.contains("\"studyInstanceUid\":null") && json.endsWith("\"requestKey\":\"job-7\"}"), json);
        assertEquals(failed, ContractJson.read(json));
        assertEquals(Optional.of("job-7"), ContractJson.read(json).requestKey());
    }

    @Test
    void read_version10Line_readWithoutImagesOrKey() {
        String v10 = "{\"contractVersion\":\"1.0\",\"status\":\"failed\",\"studyInstanceUid\":\"1.2\","
                + "\"bundleId\":\"b\",\"errorCode\":\"E\",\"message\":\"m\"}";
        assertEquals(new Failed(Optional.of("1.2"), "b", "E", "m"), ContractJson.read(v10));
        String prediction10 = ContractJson.write(Fixtures.prediction()).replace("\"contractVersion\":\"1.2\"",
                "\"contractVersion\":\"1.0\"").replace(",\"imagesUsed\":[],\"imagesIgnored\":[]", "")
                .replace(Fixtures.PROVENANCE_1_2_JSON, "");
        assertEquals(withOldProvenance(Fixtures.prediction()), ContractJson.read(prediction10));
    }

    /** The prediction as a 1.0 or 1.1 document carries it: provenance fields of 1.2 are "unknown". */
    private static Prediction withOldProvenance(Prediction p) {
        return new Prediction(p.studyInstanceUid(), p.bundleId(), p.modelSha256(), p.pathologies(), p.anyPathology(),
                p.ood(), new Provenance(p.provenance().libraryVersion(), p.provenance().preprocessingFingerprint()),
                p.requestKey(), p.imagesUsed(), p.imagesIgnored());
    }

    @Test
    void read_version11Prediction_provenanceBeyondItsTwoFieldsIsUnknown() {
        String v11 = ContractJson.write(withImages()).replace("\"contractVersion\":\"1.2\"",
                "\"contractVersion\":\"1.1\"").replace(Fixtures.PROVENANCE_1_2_JSON, "");
        Prediction read = (Prediction) ContractJson.read(v11);
        assertEquals(withOldProvenance(withImages()), read);
        assertEquals(Provenance.UNKNOWN, read.provenance().javaVersion());
        assertEquals(Provenance.UNKNOWN, read.provenance().behaviourFingerprint());
    }

    @Test
    void read_version11LineWith12ProvenanceField_refusedAsUnknownField() {
        String v11 = ContractJson.write(withImages()).replace("\"contractVersion\":\"1.2\"",
                "\"contractVersion\":\"1.1\"");
        ContractFormatException e = assertThrows(ContractFormatException.class, () -> ContractJson.read(v11));
        assertEquals(ContractFormatException.Code.UNKNOWN_FIELD, e.code());
    }

    @Test
    void read_version12PredictionWithoutJavaVersion_refusedAsMissingField() {
        String json = ContractJson.write(withImages()).replace(",\"javaVersion\":\"17.0.13+11\"", "");
        ContractFormatException e = assertThrows(ContractFormatException.class, () -> ContractJson.read(json));
        assertEquals(ContractFormatException.Code.MISSING_FIELD, e.code());
        assertEquals("provenance.javaVersion", e.path());
    }

    @Test
    void provenance_fingerprintNeitherSha256NorUnknown_refusedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Provenance("0.1.0",
                Fixtures.FINGERPRINT, "n/a", Provenance.UNKNOWN, "1.29.0", "17", "Linux", "amd64"));
        assertTrue(e.getMessage().startsWith("provenance.behaviourFingerprint"), e.getMessage());
    }

    @Test
    void read_version10LineWith11Field_refusedAsUnknownField() {
        String json = "{\"contractVersion\":\"1.0\",\"status\":\"failed\",\"studyInstanceUid\":\"1.2\","
                + "\"bundleId\":\"b\",\"errorCode\":\"E\",\"message\":\"m\",\"requestKey\":\"k\"}";
        ContractFormatException e = assertThrows(ContractFormatException.class, () -> ContractJson.read(json));
        assertEquals(ContractFormatException.Code.UNKNOWN_FIELD, e.code());
    }

    @Test
    void read_newerMinorWithExtraFields_readByThis1xReader() {
        String json = ContractJson.write(withImages()).replace("\"contractVersion\":\"1.2\"",
                "\"contractVersion\":\"1.7\",\"calibration\":{\"method\":\"isotonic\"}")
                .replace("\"positive\":false}", "\"positive\":false,\"calibratedProbability\":0.1}");
        assertEquals(withImages(), ContractJson.read(json));
    }

    @Test
    void read_newerMinor_stillChecksKnownFields() {
        String json = ContractJson.write(withImages()).replace("\"contractVersion\":\"1.2\"",
                "\"contractVersion\":\"1.3\"").replace("\"probability\":0.0731", "\"probability\":7.31");
        assertEquals(ContractFormatException.Code.LOOKS_LIKE_PERCENT,
                assertThrows(ContractFormatException.class, () -> ContractJson.read(json)).code());
    }

    @Test
    void read_version11PredictionWithoutImages_refusedAsMissingField() {
        String json = ContractJson.write(Fixtures.prediction()).replace(",\"imagesUsed\":[]", "");
        ContractFormatException e = assertThrows(ContractFormatException.class, () -> ContractJson.read(json));
        assertEquals(ContractFormatException.Code.MISSING_FIELD, e.code());
        assertEquals("imagesUsed", e.path());
    }

    @Test
    void read_major2_refusedWithClearError() {
        for (String version : List.of("2.0", "0.9", "1", "1.x", "10.0")) {
            String json = ContractJson.write(withImages()).replace("\"contractVersion\":\"1.2\"",
                    "\"contractVersion\":\"" + version + "\"");
            ContractFormatException e = assertThrows(ContractFormatException.class, () -> ContractJson.read(json),
                    version);
            assertEquals(ContractFormatException.Code.UNKNOWN_VERSION, e.code(), version);
            assertTrue(e.getMessage().contains("unknown version " + version + ", this reader supports at most 1.2"),
                    e.getMessage());
        }
    }

    @Test
    void requestKey_patientLikeValue_refusedWithoutEcho() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Failed(Optional.empty(),
                "b", "E", "m", Optional.of("DOE^JANE 1970")));
        assertTrue(!e.getMessage().contains("DOE"), e.getMessage());
    }
}
