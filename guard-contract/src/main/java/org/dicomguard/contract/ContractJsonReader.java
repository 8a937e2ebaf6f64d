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
 *
 * <p>Versions ({@link ContractJson}, "Versioning"): a document of this reader's minor version or
 * an older one is read strictly (unknown keys refused, the fields of its own version required); a
 * document of a newer minor of the same major is read with the fields this reader knows, and keys
 * it does not know are ignored, since a minor version only adds optional fields. Another major is
 * refused with {@code UNKNOWN_VERSION}.
 */
final class ContractJsonReader {

    private static final Set<String> PREDICTION_FIELDS_1_0 = Set.of("contractVersion", "status", "studyInstanceUid",
            "bundleId", "modelSha256", "pathologies", "anyPathology", "ood", "provenance");
    private static final Set<String> PREDICTION_FIELDS = union(PREDICTION_FIELDS_1_0,
            "requestKey", "imagesUsed", "imagesIgnored");
    private static final Set<String> REJECTED_FIELDS_1_0 = Set.of("contractVersion", "status", "studyInstanceUid",
            "bundleId", "reasons");
    private static final Set<String> REJECTED_FIELDS = union(REJECTED_FIELDS_1_0, "requestKey");
    private static final Set<String> FAILED_FIELDS_1_0 = Set.of("contractVersion", "status", "studyInstanceUid",
            "bundleId", "errorCode", "message");
    private static final Set<String> FAILED_FIELDS = union(FAILED_FIELDS_1_0, "requestKey");
    private static final Set<String> IMAGE_USED_FIELDS = Set.of("label", "sopInstanceUid");
    private static final Set<String> IMAGE_IGNORED_FIELDS = Set.of("sopInstanceUid", "reason");
    private static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("([0-9]{1,4})\\.([0-9]{1,4})");
    private static final Set<String> FINDING_FIELDS = Set.of("code", "probability", "decisionThresholdProbability",
            "positive");
    private static final Set<String> ANY_FIELDS = Set.of("rule", "probability", "positive");
    private static final Set<String> OOD_FIELDS = Set.of("score", "threshold");
    private static final Set<String> PROVENANCE_FIELDS_1_1 = Set.of("libraryVersion", "preprocessingFingerprint");
    private static final Set<String> PROVENANCE_FIELDS = union(PROVENANCE_FIELDS_1_1, "behaviourFingerprint",
            "trainingPackFingerprint", "onnxRuntimeVersion", "javaVersion", "operatingSystem", "cpuArchitecture");
    private static final Set<String> REASON_FIELDS = Set.of("code", "message", "evidence");
    private static final Set<String> EVIDENCE_FIELDS = Set.of("name", "value", "threshold", "unit");

    static GuardResult read(String json) {
        JsonNode root = JsonTree.parse(json);
        ObjectFields doc = ObjectFields.of(root, "$");
        int minor = minorVersion(doc.text("contractVersion"));
        ContractJsonReader reader = new ContractJsonReader(minor);
        String statusName = doc.text("status");
        GuardResult.Status status = GuardResult.Status.fromJsonName(statusName).orElseThrow(() ->
                new ContractFormatException(Code.UNKNOWN_STATUS, "status", "unknown status " + Checks.excerpt(statusName)
                        + "; contract v1 knows prediction, rejected, failed"));
        switch (status) {
            case PREDICTION:
                return reader.prediction(doc);
            case REJECTED:
                return reader.rejected(doc);
            case FAILED:
            default:
                return reader.failed(doc);
        }
    }

    /** The document's minor version (of this reader's major); another major or a malformed version is refused. */
    static int minorVersion(String version) {
        java.util.regex.Matcher m = VERSION.matcher(version);
        if (!m.matches() || Integer.parseInt(m.group(1)) != ContractJson.MAJOR_VERSION) {
            throw new ContractFormatException(Code.UNKNOWN_VERSION, "contractVersion", "unknown version "
                    + Checks.echo(version) + ", this reader supports at most " + ContractJson.CONTRACT_VERSION
                    + " and reads every later " + ContractJson.MAJOR_VERSION + ".x (a new major version is"
                    + " not compatible: upgrade the reader)");
        }
        return Integer.parseInt(m.group(2));
    }

    /** The minor version of the document being read. */
    private final int minor;

    private ContractJsonReader(int minor) {
        this.minor = minor;
    }

    /** Strict for versions this reader knows; a newer minor may carry keys it does not know, which are ignored. */
    private void allow(ObjectFields object, Set<String> names) {
        if (minor <= ContractJson.MINOR_VERSION) {
            object.allowOnly(names);
        }
    }

    private Optional<String> requestKey(ObjectFields doc) {
        return minor >= 1 ? doc.optionalText("requestKey") : Optional.empty();
    }

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private Prediction prediction(ObjectFields doc) {
        allow(doc, minor == 0 ? PREDICTION_FIELDS_1_0 : PREDICTION_FIELDS);
        String uid = doc.text("studyInstanceUid");
        String bundleId = doc.text("bundleId");
        String modelSha256 = doc.text("modelSha256");
        List<PathologyFinding> findings = new ArrayList<>();
        for (ObjectFields f : doc.objects("pathologies")) {
            allow(f, FINDING_FIELDS);
            String code = f.text("code");
            float probability = f.probability("probability");
            float threshold = f.probability("decisionThresholdProbability");
            boolean positive = f.bool("positive");
            findings.add(construct(f.path(), () -> new PathologyFinding(code, probability, threshold, positive)));
        }
        ObjectFields a = doc.object("anyPathology");
        allow(a, ANY_FIELDS);
        String ruleName = a.text("rule");
        AnyPathologyRule rule = AnyPathologyRule.fromJsonName(ruleName).orElseThrow(() ->
                new ContractFormatException(Code.INVALID_VALUE, "anyPathology.rule", "unknown rule "
                        + Checks.excerpt(ruleName) + "; contract v1 knows max, noisyOr, modelOutput"));
        float anyProbability = a.probability("probability");
        boolean anyPositive = a.bool("positive");
        AnyPathology any = construct(a.path(), () -> new AnyPathology(rule, anyProbability, anyPositive));
        ObjectFields o = doc.object("ood");
        allow(o, OOD_FIELDS);
        double score = o.finiteDouble("score");
        double oodThreshold = o.finiteDouble("threshold");
        OodAssessment ood = construct(o.path(), () -> new OodAssessment(score, oodThreshold));
        ObjectFields p = doc.object("provenance");
        Provenance provenance = provenance(p);
        List<ImageUsed> used = new ArrayList<>();
        List<ImageIgnored> ignored = new ArrayList<>();
        if (minor >= 1) {
            for (ObjectFields u : doc.objects("imagesUsed")) {
                allow(u, IMAGE_USED_FIELDS);
                String label = u.text("label");
                String sop = u.text("sopInstanceUid");
                used.add(construct(u.path(), () -> new ImageUsed(label, sop)));
            }
            for (ObjectFields i : doc.objects("imagesIgnored")) {
                allow(i, IMAGE_IGNORED_FIELDS);
                String sop = i.text("sopInstanceUid");
                String reason = i.text("reason");
                ignored.add(construct(i.path(), () -> new ImageIgnored(sop, reason)));
            }
        }
        Optional<String> requestKey = requestKey(doc);
        return construct("$", () -> new Prediction(uid, bundleId, modelSha256, findings, any, ood, provenance,
                requestKey, used, ignored));
    }

    /** Contract 1.2 added the reproduction fields; an older document's provenance says "unknown" for them. */
    private Provenance provenance(ObjectFields p) {
        allow(p, minor <= 1 ? PROVENANCE_FIELDS_1_1 : PROVENANCE_FIELDS);
        String libraryVersion = p.text("libraryVersion");
        String fingerprint = p.text("preprocessingFingerprint");
        if (minor <= 1) {
            return construct(p.path(), () -> new Provenance(libraryVersion, fingerprint));
        }
        String behaviour = p.text("behaviourFingerprint");
        String trainingPack = p.text("trainingPackFingerprint");
        String onnxRuntime = p.text("onnxRuntimeVersion");
        String java = p.text("javaVersion");
        String os = p.text("operatingSystem");
        String arch = p.text("cpuArchitecture");
        return construct(p.path(), () -> new Provenance(libraryVersion, fingerprint, behaviour, trainingPack,
                onnxRuntime, java, os, arch));
    }

    private Rejected rejected(ObjectFields doc) {
        allow(doc, minor == 0 ? REJECTED_FIELDS_1_0 : REJECTED_FIELDS);
        Optional<String> uid = doc.nullableText("studyInstanceUid");
        String bundleId = doc.text("bundleId");
        List<RejectionReason> reasons = new ArrayList<>();
        for (ObjectFields r : doc.objects("reasons")) {
            allow(r, REASON_FIELDS);
            String code = r.text("code");
            String message = r.text("message");
            List<Evidence> evidence = new ArrayList<>();
            for (ObjectFields e : r.objects("evidence")) {
                allow(e, EVIDENCE_FIELDS);
                String name = e.text("name");
                double value = e.finiteDouble("value");
                var threshold = e.optionalDouble("threshold");
                Optional<String> unit = e.optionalText("unit");
                evidence.add(construct(e.path(), () -> new Evidence(name, value, threshold, unit)));
            }
            reasons.add(construct(r.path(), () -> new RejectionReason(code, message, evidence)));
        }
        Optional<String> requestKey = requestKey(doc);
        return construct("$", () -> new Rejected(uid, bundleId, reasons, requestKey));
    }

    private Failed failed(ObjectFields doc) {
        allow(doc, minor == 0 ? FAILED_FIELDS_1_0 : FAILED_FIELDS);
        Optional<String> uid = doc.nullableText("studyInstanceUid");
        String bundleId = doc.text("bundleId");
        String errorCode = doc.text("errorCode");
        String message = doc.text("message");
        Optional<String> requestKey = requestKey(doc);
        return construct("$", () -> new Failed(uid, bundleId, errorCode, message, requestKey));
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
