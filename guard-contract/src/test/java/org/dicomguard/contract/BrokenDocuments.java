package org.dicomguard.contract;

import java.util.ArrayList;
import java.util.List;

import org.dicomguard.contract.ContractFormatException.Code;

/**
 * Broken documents, each named after what it breaks, with the code the strict reader must give
 * and whether JSON Schema can express the rule at all (see the schema's {@code $comment}).
 */
final class BrokenDocuments {

    /**
     * @param name what the document breaks
     * @param json the document
     * @param code the reader's expected code
     * @param path the reader's expected path
     * @param schemaCanRefuse false for rules JSON Schema cannot express (duplicate keys, trailing
     *        content, cross-field consistency); the schema test asserts those pass the schema, so
     *        the limitation stays documented and true
     */
    record Broken(String name, String json, Code code, String path, boolean schemaCanRefuse) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BrokenDocuments() {
    }

    static List<Broken> all() {
        String ok = Fixtures.predictionJson();
        String rejected = ContractJson.write(Fixtures.rejected());
        String failed = ContractJson.write(Fixtures.failedUnknownUid());
        List<Broken> broken = new ArrayList<>();
        broken.add(new Broken("probability-as-string", ok.replace("\"probability\":0.0731", "\"probability\":\"0.0731\""),
                Code.WRONG_TYPE, "pathologies[0].probability", true));
        broken.add(new Broken("probability-integer-percent", ok.replace("\"probability\":0.0731", "\"probability\":7"),
                Code.LOOKS_LIKE_PERCENT, "pathologies[0].probability", true));
        broken.add(new Broken("probability-decimal-percent", ok.replace("\"probability\":0.0731", "\"probability\":7.31"),
                Code.LOOKS_LIKE_PERCENT, "pathologies[0].probability", true));
        broken.add(new Broken("probability-above-one", ok.replace("\"probability\":0.0731", "\"probability\":1.5"),
                Code.PROBABILITY_OUT_OF_RANGE, "pathologies[0].probability", true));
        broken.add(new Broken("probability-above-hundred", ok.replace("\"probability\":0.0731", "\"probability\":731"),
                Code.PROBABILITY_OUT_OF_RANGE, "pathologies[0].probability", true));
        broken.add(new Broken("probability-negative", ok.replace("\"probability\":0.0731", "\"probability\":-0.0731"),
                Code.PROBABILITY_OUT_OF_RANGE, "pathologies[0].probability", true));
        broken.add(new Broken("threshold-percent", ok.replace("\"decisionThresholdProbability\":0.31",
                "\"decisionThresholdProbability\":31"), Code.LOOKS_LIKE_PERCENT,
                "pathologies[0].decisionThresholdProbability", true));
        broken.add(new Broken("aggregate-percent", ok.replace("\"rule\":\"max\",\"probability\":0.41",
                "\"rule\":\"max\",\"probability\":41"), Code.LOOKS_LIKE_PERCENT, "anyPathology.probability", true));
        broken.add(new Broken("nan-literal", ok.replace("\"probability\":0.0731", "\"probability\":NaN"),
                Code.MALFORMED_JSON, "$", true));
        broken.add(new Broken("unknown-field", ok.replace("\"positive\":false}", "\"positive\":false,\"probabilityPercent\":7}"),
                Code.UNKNOWN_FIELD, "pathologies[0].probabilityPercent", true));
        broken.add(new Broken("unknown-top-level-field", ok.replace("{\"contractVersion\":\"1.2\",",
                "{\"contractVersion\":\"1.2\",\"anyPathologyMax\":0.41,"), Code.UNKNOWN_FIELD, "anyPathologyMax", true));
        broken.add(new Broken("missing-probability", ok.replace("\"probability\":0.0731,", ""),
                Code.MISSING_FIELD, "pathologies[0].probability", true));
        broken.add(new Broken("missing-any-pathology", ok.replace(
                "\"anyPathology\":{\"rule\":\"max\",\"probability\":0.41,\"positive\":true},", ""),
                Code.MISSING_FIELD, "anyPathology", true));
        broken.add(new Broken("missing-uid-key", failed.replace("\"studyInstanceUid\":null,", ""),
                Code.MISSING_FIELD, "studyInstanceUid", true));
        broken.add(new Broken("unknown-version", ok.replace("\"contractVersion\":\"1.2\"", "\"contractVersion\":\"2.0\""),
                Code.UNKNOWN_VERSION, "contractVersion", true));
        broken.add(new Broken("unknown-status", ok.replace("\"status\":\"prediction\"", "\"status\":\"predicted\""),
                Code.UNKNOWN_STATUS, "status", true));
        broken.add(new Broken("unknown-rule", ok.replace("\"rule\":\"max\"", "\"rule\":\"mean\""),
                Code.INVALID_VALUE, "anyPathology.rule", true));
        broken.add(new Broken("empty-pathologies", ok.replaceAll("\"pathologies\":\\[.*?\\]", "\"pathologies\":[]"),
                Code.INVALID_VALUE, "$", true));
        broken.add(new Broken("uid-not-a-dicom-uid", ok.replace("\"studyInstanceUid\":\"1.2.3\"",
                "\"studyInstanceUid\":\"1.2.x\""), Code.INVALID_VALUE, "$", true));
        broken.add(new Broken("rejected-without-reasons", rejected.replaceAll("\"reasons\":\\[.*\\]", "\"reasons\":[]"),
                Code.INVALID_VALUE, "$", true));
        broken.add(new Broken("rejected-with-probability", rejected.replace("\"reasons\":",
                "\"pathologies\":[],\"reasons\":"), Code.UNKNOWN_FIELD, "pathologies", true));
        broken.add(new Broken("failed-error-code-lower-case", failed.replace("UNREADABLE_FILE", "unreadable"),
                Code.INVALID_VALUE, "$", true));
        broken.add(new Broken("evidence-threshold-null", rejected.replace("\"value\":12.5,\"threshold\":7.9",
                "\"value\":12.5,\"threshold\":null"), Code.WRONG_TYPE, "reasons[0].evidence[0].threshold", true));
        broken.add(new Broken("positive-inconsistent", ok.replace("\"positive\":false}", "\"positive\":true}"),
                Code.INVALID_VALUE, "pathologies[0]", false));
        broken.add(new Broken("duplicate-pathology-code", ok.replace("\"code\":\"calcification\"", "\"code\":\"mass\""),
                Code.INVALID_VALUE, "$", false));
        broken.add(new Broken("aggregate-not-the-max", ok.replace("\"rule\":\"max\",\"probability\":0.41",
                "\"rule\":\"max\",\"probability\":0.5"), Code.INVALID_VALUE, "$", false));
        broken.add(new Broken("duplicate-key", ok.replace("\"probability\":0.0731,",
                "\"probability\":0.0731,\"probability\":0.0731,"), Code.DUPLICATE_KEY, "pathologies[0].probability", false));
        broken.add(new Broken("trailing-garbage", ok + "x", Code.TRAILING_CONTENT, "$", false));
        broken.add(new Broken("two-documents", ok + ok, Code.TRAILING_CONTENT, "$", false));
        return broken;
    }
}
