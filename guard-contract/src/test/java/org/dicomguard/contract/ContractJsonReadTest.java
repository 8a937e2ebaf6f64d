package org.dicomguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.dicomguard.contract.ContractFormatException.Code;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ContractJsonReadTest {

    static List<BrokenDocuments.Broken> broken() {
        return BrokenDocuments.all();
    }

    private static ContractFormatException refused(String json) {
        return assertThrows(ContractFormatException.class, () -> ContractJson.read(json));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void read_brokenDocument_refusedWithStableCodeAndPath(BrokenDocuments.Broken broken) {
        ContractFormatException e = refused(broken.json());
        assertEquals(broken.code(), e.code(), e.getMessage());
        assertEquals(broken.path(), e.path(), e.getMessage());
    }

    @Test
    void read_integerPercent_messageSaysLooksLikePercent() {
        String json = Fixtures.predictionJson().replace("\"probability\":0.0731", "\"probability\":7");
        String message = refused(json).getMessage();
        assertTrue(message.contains("7 looks like a percent") && message.contains("0.07"), message);
    }

    @Test
    void read_newerVersion_messageNamesBothVersions() {
        String json = Fixtures.predictionJson().replace("\"contractVersion\":\"1.2\"", "\"contractVersion\":\"2.0\"");
        String message = refused(json).getMessage();
        assertTrue(message.contains("unknown version 2.0, this reader supports at most 1.2"), message);
    }

    @Test
    void read_newerMajorWithNewFields_reportsVersionNotField() {
        String json = Fixtures.predictionJson().replace("{\"contractVersion\":\"1.2\",",
                "{\"contractVersion\":\"2.0\",\"calibration\":{},");
        assertEquals(Code.UNKNOWN_VERSION, refused(json).code());
    }

    @Test
    void read_integerZeroAndOne_acceptedAsExactProbabilities() {
        Prediction sent = new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256,
                List.of(PathologyFinding.of("mass", 0f, 0.5f), PathologyFinding.of("calcification", 1f, 0.5f)),
                new AnyPathology(AnyPathologyRule.MAX, 1f, true), new OodAssessment(0, 1),
                new Provenance("0.1.0", Fixtures.FINGERPRINT));
        String javascriptStyle = ContractJson.write(sent).replace(":0.0,", ":0,").replace(":1.0,", ":1,");
        assertTrue(javascriptStyle.contains("\"probability\":0,") && javascriptStyle.contains("\"probability\":1,"),
                javascriptStyle);
        assertEquals(sent, ContractJson.read(javascriptStyle));
    }

    @Test
    void read_patientNameInUidField_notEchoed() {
        String json = Fixtures.predictionJson().replace("\"studyInstanceUid\":\"1.2.3\"",
                "\"studyInstanceUid\":\"DOE^JOHN\"");
        String message = refused(json).getMessage();
        assertTrue(message.contains("a string of 8 characters (not echoed)") && !message.contains("DOE"), message);
        String wrongType = refused(Fixtures.predictionJson().replace("\"probability\":0.0731",
                "\"probability\":\"DOE^JOHN\"")).getMessage();
        assertTrue(!wrongType.contains("DOE"), wrongType);
        String asString = refused(Fixtures.predictionJson().replace("\"probability\":0.0731",
                "\"probability\":\"0.0731\"")).getMessage();
        assertTrue(asString.contains("must be a JSON number, got the string \"0.0731\""), asString);
    }

    @Test
    void read_tinyAboveOne_refusedNotRounded() {
        String json = Fixtures.predictionJson().replace("\"probability\":0.0731", "\"probability\":1.00000001");
        assertEquals(Code.PROBABILITY_OUT_OF_RANGE, refused(json).code());
    }

    @Test
    void read_doubleWidenedFloat_readsBackToSameFloat() {
        String json = Fixtures.predictionJson().replace("\"probability\":0.0731", "\"probability\":0.07310000061988831");
        assertEquals(0.0731f, ((Prediction) ContractJson.read(json)).pathologies().get(0).probability());
    }

    @Test
    void read_surroundingWhitespace_accepted() {
        assertEquals(Fixtures.prediction(), ContractJson.read("\n  " + Fixtures.predictionJson() + " \n"));
    }

    @Test
    void read_notAnObject_wrongType() {
        assertEquals(Code.WRONG_TYPE, refused("[]").code());
        assertEquals(Code.WRONG_TYPE, refused("null").code());
        assertEquals(Code.MALFORMED_JSON, refused("").code());
        assertEquals(Code.MALFORMED_JSON, refused(null).code());
        assertEquals(Code.MALFORMED_JSON, refused("{\"contractVersion\":").code());
    }

    @Test
    void read_deepNesting_tooLarge() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertEquals(Code.TOO_LARGE, refused(deep).code());
    }

    @Test
    void read_hugeExponent_notFinite() {
        String json = ContractJson.write(Fixtures.rejected()).replace("\"value\":12.5", "\"value\":1e400");
        assertEquals(Code.NOT_FINITE, refused(json).code());
    }

    @Test
    void read_validDocuments_acceptedWithoutChange() {
        for (GuardResult result : List.of(Fixtures.prediction(), Fixtures.rejected(), Fixtures.failedUnknownUid())) {
            String json = ContractJson.write(result);
            assertEquals(json, ContractJson.write(ContractJson.read(json)));
        }
    }
}
