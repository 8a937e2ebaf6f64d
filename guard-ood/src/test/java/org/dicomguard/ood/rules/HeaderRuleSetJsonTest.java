package org.dicomguard.ood.rules;

import org.dicomguard.ood.profile.OodJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule set is part of a task's typed configuration, so it must survive strict JSON unchanged. */
class HeaderRuleSetJsonTest {

    @Test
    void json_presets_roundTripEqual() throws Exception {
        for (HeaderRuleSet rules : new HeaderRuleSet[] {HeaderRuleSet.mammography(), HeaderRuleSet.chestCt(),
                HeaderRuleSet.acceptAll()}) {
            String json = OodJson.mapper().writeValueAsString(rules);
            assertEquals(rules, OodJson.mapper().readValue(json, HeaderRuleSet.class), json);
        }
    }

    @Test
    void json_keysAreTheSelfExplainingComponentNames() throws Exception {
        String json = OodJson.mapper().writeValueAsString(HeaderRuleSet.mammography());
        assertTrue(json.contains("\"allowedBodyPartsExamined\":[\"BREAST\"]"), json);
        assertTrue(json.contains("\"minPixelSpacingMm\":0.02"), json);
    }

    @Test
    void json_unknownKey_isRefused() throws Exception {
        String json = OodJson.mapper().writeValueAsString(HeaderRuleSet.mammography())
                .replace("\"minRows\"", "\"binThreshold\":1,\"minRows\"");
        assertThrows(Exception.class, () -> OodJson.mapper().readValue(json, HeaderRuleSet.class));
    }
}
