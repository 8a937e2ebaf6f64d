package org.dicomguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schema is the documented contract: what the writer produces validates, and
 * each kind of broken document is refused by both the schema and the strict reader, except the
 * rules the schema's {@code $comment} lists as inexpressible.
 */
class ContractSchemaTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(ContractJson.schema());

    static List<BrokenDocuments.Broken> broken() {
        return BrokenDocuments.all();
    }

    /** @return schema errors; a document that is not even JSON counts as one error */
    private static Set<ValidationMessage> validate(String json) {
        JsonNode node;
        try {
            node = PLAIN.readTree(json);
        } catch (JsonProcessingException e) {
            return Set.of(ValidationMessage.builder().message("not JSON: " + e.getOriginalMessage()).build());
        }
        return SCHEMA.validate(node);
    }

    @Test
    void schema_resource_isDraft202012AtDocumentedPath() throws Exception {
        JsonNode schema = PLAIN.readTree(schemaResourceText());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertTrue(schema.get("$comment").asText().contains("positive == (probability >= decisionThresholdProbability)"));
    }

    private static String schemaResourceText() throws Exception {
        try (var in = ContractSchemaTest.class.getResourceAsStream("/org/dicomguard/contract/guard-result-v1.schema.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void writerOutput_everyFixtureResult_validatesAgainstSchema() {
        // The consumer test kit's crafted results are checked in guard-contract-testkit (CraftedResultsSchemaTest).
        List<GuardResult> results = List.of(Fixtures.prediction(), Fixtures.rejected(), Fixtures.failedUnknownUid(),
                new Failed(Optional.of("1.2.840.10008.5.1.4"), "b", "E", "m"));
        for (GuardResult result : results) {
            String json = ContractJson.write(result);
            assertEquals(Set.of(), validate(json), json);
        }
    }

    @Test
    void writerOutput_extremeFloats_validateAgainstSchema() {
        for (float p : new float[] {0f, 1f, Float.MIN_VALUE, Math.nextDown(1f), 1.0E-5f}) {
            Prediction prediction = new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256,
                    List.of(PathologyFinding.of("mass", p, 0.5f)),
                    new AnyPathology(AnyPathologyRule.MAX, p, p >= 0.5f), new OodAssessment(0, 1e-300),
                    new Provenance("0.1.0", Fixtures.FINGERPRINT));
            String json = ContractJson.write(prediction);
            assertEquals(Set.of(), validate(json), json);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void brokenDocument_refusedByReaderAndBySchemaWhereExpressible(BrokenDocuments.Broken broken) {
        assertThrows(ContractFormatException.class, () -> ContractJson.read(broken.json()));
        Set<ValidationMessage> errors = validate(broken.json());
        if (broken.schemaCanRefuse()) {
            assertFalse(errors.isEmpty(), broken.name() + " passed the schema");
        } else {
            // Documented in the schema's $comment: only the strict reader catches this one.
            assertEquals(Set.of(), errors, broken.name());
        }
    }

    @Test
    void schema_integerZeroAndOne_acceptedLikeTheReader() {
        String json = Fixtures.predictionJson().replace("\"decisionThresholdProbability\":0.31", "\"decisionThresholdProbability\":1");
        assertEquals(Set.of(), validate(json));
        ContractJson.read(json);
    }
}
