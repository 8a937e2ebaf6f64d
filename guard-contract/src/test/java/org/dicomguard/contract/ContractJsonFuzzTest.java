package org.dicomguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;

/**
 * {@link ContractJson#read} on any input returns a result or throws {@link ContractFormatException},
 * nothing else; an accepted document survives write and read unchanged.
 *
 * <p>During {@code mvn verify} this runs in Jazzer's regression mode over the committed seeds in
 * {@code src/test/resources/org/dicomguard/contract/ContractJsonFuzzTestInputs/}. Fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -o -pl guard-contract test -Dtest=ContractJsonFuzzTest}.
 */
class ContractJsonFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void read_anyDocument_resultOrContractFormatException(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        GuardResult result;
        try {
            result = ContractJson.read(json);
        } catch (ContractFormatException e) {
            assertNotNull(e.code());
            assertNotNull(e.path());
            return;
        }
        String written = ContractJson.write(result);
        assertEquals(result, ContractJson.read(written));
        assertEquals(written, ContractJson.write(ContractJson.read(written)));
    }
}
