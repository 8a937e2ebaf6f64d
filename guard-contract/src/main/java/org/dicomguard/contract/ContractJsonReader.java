package org.dicomguard.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.dicomguard.contract.ContractFormatException.Code;

/**
 * Turns a parsed document into a {@link GuardResult}, field by field.
 *
 * <p>Design note: the version is checked before anything else, so that a document from a newer
 * writer says "unknown version" rather than "unknown field"; unknown fields are checked before
 * missing ones, so that a renamed key is named. Rules the records enforce (patterns, duplicate
 * codes, {@code positive} consistency, aggregate rule) surface as {@code INVALID_VALUE} with the
 * path of the object whose constructor refused it.
 */
final class ContractJsonReader {

    private static final Set<String> PREDICTION_FIELDS = Set.of("contractVersion", "status", "studyInstanceUid",
            "bundleId", "modelSha256", "pathologies", "anyPathology", "ood", "provenance");
    private static final Set<String> REJECTED_FIELDS = Set.of("contractVersion", "status", "studyInstanceUid",
            "bundleId", "reasons");
    private static final Set<String> FAILED_FIELDS = Set.of("contractVersion", "status", "studyInstanceUid",
            "bundleId", "errorCode", "message");
    private static final Set<String> FINDING_FIELDS = Set.of("code", "probability", "decisionThresholdProbability",
            "positive");
    private static final Set<String> ANY_FIELDS = Set.of("rule", "probability", "positive");
    private static final Set<String> OOD_FIELDS = Set.of("score", "threshold");
    private static final Set<String> PROVENANCE_FIELDS = Set.of("libraryVersion", "preprocessingFingerprint");
    private static final Set<String> REASON_FIELDS = Set.of("code", "message", "evidence");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("name", "value", "threshold", "unit");

    private ContractJsonReader() {
    }

    static GuardResult read(String json) {
        JsonNode root = JsonTree.parse(json);
        ObjectFields doc = ObjectFields.of(root, "$");
        String version = doc.text("contractVersion");
        if (!ContractJson.CONTRACT_VERSION.equals(version)) {
            throw new ContractFormatException(Code.UNKNOWN_VERSION, "contractVersion", "unknown version "
                    + Checks.echo(version) + ", this reader supports at most " + ContractJson.CONTRACT_VERSION);
        }
        String statusName = doc.text("status");
        GuardResult.Status status = GuardResult.Status.fromJsonName(statusName).orElseThrow(() ->
                new ContractFormatException(Code.UNKNOWN_STATUS, "status", "unknown status " + Checks.excerpt(statusName)
                        + "; contract v1 knows prediction, rejected, failed"));
        switch (status) {
            case PREDICTION:
                return prediction(doc);
            case REJECTED:
                return rejected(doc);
            case FAILED:
            default:
                return failed(doc);
        }
    }

    private static Prediction prediction(ObjectFields doc) {
        doc.allowOnly(PREDICTION_FIELDS);
        String uid = doc.text("studyInstanceUid");
        String bundleId = doc.text("bundleId");
        String modelSha256 = doc.text("modelSha256");
        List<PathologyFinding> findings = new ArrayList<>();
        for (ObjectFields f : doc.objects("pathologies")) {
            f.allowOnly(FINDING_FIELDS);
            String code = f.text("code");
            float probability = f.probability("probability");
            float threshold = f.probability("decisionThresholdProbability");
            boolean positive = f.bool("positive");
            findings.add(construct(f.path(), () -> new PathologyFinding(code, probability, threshold, positive)));
        }
        ObjectFields a = doc.object("anyPathology");
        a.allowOnly(ANY_FIELDS);
        String ruleName = a.text("rule");
        AnyPathologyRule rule = AnyPathologyRule.fromJsonName(ruleName).orElseThrow(() ->
                new ContractFormatException(Code.INVALID_VALUE, "anyPathology.rule", "unknown rule "
                        + Checks.excerpt(ruleName) + "; contract v1 knows max, noisyOr, modelOutput"));
        float anyProbability = a.probability("probability");
        boolean anyPositive = a.bool("positive");
        AnyPathology any = construct(a.path(), () -> new AnyPathology(rule, anyProbability, anyPositive));
        ObjectFields o = doc.object("ood");
        o.allowOnly(OOD_FIELDS);
        double score = o.finiteDouble("score");
        double oodThreshold = o.finiteDouble("threshold");
        OodAssessment ood = construct(o.path(), () -> new OodAssessment(score, oodThreshold));
        ObjectFields p = doc.object("provenance");
        p.allowOnly(PROVENANCE_FIELDS);
        String libraryVersion = p.text("libraryVersion");
        String fingerprint = p.text("preprocessingFingerprint");
        Provenance provenance = construct(p.path(), () -> new Provenance(libraryVersion, fingerprint));
        return construct("$", () -> new Prediction(uid, bundleId, modelSha256, findings, any, ood, provenance));
    }

    private static Rejected rejected(ObjectFields doc) {
        doc.allowOnly(REJECTED_FIELDS);
        Optional<String> uid = doc.nullableText("studyInstanceUid");
        String bundleId = doc.text("bundleId");
        List<RejectionReason> reasons = new ArrayList<>();
        for (ObjectFields r : doc.objects("reasons")) {
            r.allowOnly(REASON_FIELDS);
            String code = r.text("code");
            String message = r.text("message");
            List<Evidence> evidence = new ArrayList<>();
            for (ObjectFields e : r.objects("evidence")) {
                e.allowOnly(EVIDENCE_FIELDS);
                String name = e.text("name");
                double value = e.finiteDouble("value");
                var threshold = e.optionalDouble("threshold");
                Optional<String> unit = e.optionalText("unit");
                evidence.add(construct(e.path(), () -> new Evidence(name, value, threshold, unit)));
            }
            reasons.add(construct(r.path(), () -> new RejectionReason(code, message, evidence)));
        }
        return construct("$", () -> new Rejected(uid, bundleId, reasons));
    }

    private static Failed failed(ObjectFields doc) {
        doc.allowOnly(FAILED_FIELDS);
        Optional<String> uid = doc.nullableText("studyInstanceUid");
        String bundleId = doc.text("bundleId");
        String errorCode = doc.text("errorCode");
        String message = doc.text("message");
        return construct("$", () -> new Failed(uid, bundleId, errorCode, message));
    }

    /** The records validate; their refusal becomes a format error naming the object's path. */
    private static <T> T construct(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            throw new ContractFormatException(Code.INVALID_VALUE, path, e.getMessage());
        }
    }

}
