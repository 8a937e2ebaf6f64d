package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of a discrepancy diagnosis: explanations ranked most likely first (never empty: when
 * nothing explains the data the first is {@link DiscrepancyCause#NONE_FOUND}), and a summary of
 * the inputs (studies compared, skipped lines, unknown study ids, consistent pathologies).
 *
 * @param explanations ranked explanations, copied
 * @param summary      JSON-ready input summary, copied
 */
public record DiscrepancyDiagnosis(List<DiscrepancyExplanation> explanations, Map<String, Object> summary) {

    /** @throws IllegalArgumentException when explanations is empty or anything is null */
    public DiscrepancyDiagnosis {
        if (explanations == null || explanations.isEmpty() || summary == null) {
            throw new IllegalArgumentException("explanations must be non-empty and summary non-null");
        }
        explanations = List.copyOf(explanations);
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }

    /** @return the most likely explanation */
    public DiscrepancyExplanation top() {
        return explanations.get(0);
    }

    /**
     * @param mapper the mapper that builds the nodes
     * @return {@code {"explanations":[{"cause":…,"pathology":…,"evidence":{…}},…],"summary":{…}}}
     */
    public ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("explanations");
        for (DiscrepancyExplanation e : explanations) {
            ObjectNode node = list.addObject();
            node.put("cause", e.cause().name());
            node.put("pathology", e.pathology());
            node.set("evidence", mapper.valueToTree(e.evidence()));
        }
        root.set("summary", mapper.valueToTree(summary));
        return root;
    }
}
