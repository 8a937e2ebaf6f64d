package org.dicomguard.contract.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import java.util.Set;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.junit.jupiter.api.Test;

/** Every result the kit feeds an adapter is a valid contract document: the published schema accepts it as written. */
class CraftedResultsSchemaTest {

    @Test
    void craftedResults_writtenAsJson_validateAgainstSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(ContractJson.schema());
        ObjectMapper plain = new ObjectMapper();
        assertTrue(ConsumerTestKit.craftedResults().size() >= 3, "crafted results: " + ConsumerTestKit.craftedResults().size());
        for (GuardResult result : ConsumerTestKit.craftedResults().values()) {
            String json = ContractJson.write(result);
            assertEquals(Set.of(), schema.validate(plain.readTree(json)), json);
        }
    }
}
