package org.dicomguard.core.bundle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.core.task.TaskJson;
import org.dicomguard.core.task.TaskRegistry;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code manifest.json} of a model bundle (docs/DESIGN.md, "Model bundle"). Records validate their own
 * fields; cross-file checks (hashes, fingerprint, model shapes) happen in {@link ModelBundle}.
 *
 * @param schemaVersion            manifest format version, 1..{@link #SUPPORTED_SCHEMA_VERSION}
 * @param bundleId                 stable id reported in every result, e.g. "demo-mammography-1"
 * @param task                     what the model reads, a registered task ({@link TaskRegistry}); JSON: its name
 * @param model                    the ONNX file and its declared interface
 * @param pathologies              one entry per pathology, distinct codes and output indexes
 * @param anyPathology             how the separately named aggregate is computed
 * @param preprocessing            the full typed preprocessing config, written wrapped in its task's name,
 *                                 e.g. {"chest-ct": {...}} ({@link TaskJson})
 * @param preprocessingFingerprint SHA-256 of the canonical JSON of {@code preprocessing}
 * @param oodProfile               the OOD reference profile file and its SHA-256
 * @param referenceMetrics         metrics of the release metric test
 * @param studyComposition         which images of a study the task uses and what a missing one does
 *                                 ({@link StudyCompositionPolicy}); optional in JSON, absent (or null
 *                                 from Java) means the task's default
 *                                 ({@link TaskDefinition#defaultStudyComposition()})
 * @param trainingPackFingerprint  SHA-256 of the metadata ({@code pack.json}) of the pack the model was
 *                                 trained on, as {@code make-bundle --training-pack} records it, or
 *                                 {@value #UNKNOWN_TRAINING_PACK} when the bundle does not say (bundles
 *                                 made before the field existed); optional in JSON, omitted when
 *                                 unknown, so older manifests and their behaviour fingerprint are unchanged.
 *                                 Reported in every prediction's provenance
 */
@com.fasterxml.jackson.databind.annotation.JsonDeserialize(using = BundleManifestDeserializer.class)
public record BundleManifest(
        int schemaVersion,
        String bundleId,
        @JsonSerialize(using = TaskJson.TaskSerializer.class)
        @JsonDeserialize(using = TaskJson.TaskDeserializer.class)
        TaskDefinition task,
        ModelSpec model,
        List<PathologySpec> pathologies,
        AnyPathologySpec anyPathology,
        @JsonSerialize(using = TaskJson.ConfigSerializer.class)
        @JsonDeserialize(using = TaskJson.ConfigDeserializer.class)
        PreprocessingConfig preprocessing,
        String preprocessingFingerprint,
        HeaderRuleSet headerRules,
        FileRef oodProfile,
        ReferenceMetrics referenceMetrics,
        StudyCompositionPolicy studyComposition,
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = UnknownTrainingPackFilter.class)
        String trainingPackFingerprint) {

    /** The newest manifest version this reader understands. */
    public static final int SUPPORTED_SCHEMA_VERSION = 1;
    /** {@link #trainingPackFingerprint()} of a bundle that does not record its training pack. */
    public static final String UNKNOWN_TRAINING_PACK = "unknown";

    public BundleManifest {
        if (schemaVersion < 1 || schemaVersion > SUPPORTED_SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion: unknown version " + schemaVersion
                    + ", this reader supports at most " + SUPPORTED_SCHEMA_VERSION);
        }
        requireText("bundleId", bundleId);
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        pathologies = List.copyOf(pathologies);
        if (pathologies.isEmpty()) {
            throw new IllegalArgumentException("pathologies must not be empty");
        }
        Set<String> codes = new HashSet<>();
        Set<Integer> indexes = new HashSet<>();
        for (PathologySpec p : pathologies) {
            if (!codes.add(p.code())) {
                throw new IllegalArgumentException("pathologies: duplicate code '" + p.code() + "'");
            }
            if (!indexes.add(p.outputIndex())) {
                throw new IllegalArgumentException("pathologies: output index " + p.outputIndex()
                        + " is used twice (second time by '" + p.code() + "')");
            }
        }
        Objects.requireNonNull(anyPathology, "anyPathology");
        Objects.requireNonNull(preprocessing, "preprocessing");
        requireSha256("preprocessingFingerprint", preprocessingFingerprint);
        Objects.requireNonNull(headerRules, "headerRules");
        Objects.requireNonNull(oodProfile, "oodProfile");
        Objects.requireNonNull(referenceMetrics, "referenceMetrics");
        if (studyComposition == null) {
            studyComposition = task.defaultStudyComposition();
        }
        for (String view : studyComposition.requiredViews()) {
            if (!task.viewNames().contains(view)) {
                throw new IllegalArgumentException("studyComposition.requiredViews: unknown view \"" + view
                        + "\" for task " + task.name() + ", allowed " + task.viewNames());
            }
        }
        if (!UNKNOWN_TRAINING_PACK.equals(trainingPackFingerprint)) {
            requireSha256("trainingPackFingerprint", trainingPackFingerprint);
        }
    }

    /**
     * A manifest that does not record its training pack.
     *
     * @param schemaVersion            see the type description
     * @param bundleId                 see the type description
     * @param task                     see the type description
     * @param model                    see the type description
     * @param pathologies              see the type description
     * @param anyPathology             see the type description
     * @param preprocessing            see the type description
     * @param preprocessingFingerprint see the type description
     * @param headerRules              see the type description
     * @param oodProfile               see the type description
     * @param referenceMetrics         see the type description
     * @param studyComposition         see the type description
     */
    public BundleManifest(int schemaVersion, String bundleId, TaskDefinition task, ModelSpec model, List<PathologySpec> pathologies,
                          AnyPathologySpec anyPathology, PreprocessingConfig preprocessing,
                          String preprocessingFingerprint, HeaderRuleSet headerRules, FileRef oodProfile,
                          ReferenceMetrics referenceMetrics, StudyCompositionPolicy studyComposition) {
        this(schemaVersion, bundleId, task, model, pathologies, anyPathology, preprocessing, preprocessingFingerprint,
                headerRules, oodProfile, referenceMetrics, studyComposition, UNKNOWN_TRAINING_PACK);
    }

    /**
     * A manifest with the task's default study composition (as written before the field existed).
     *
     * @param schemaVersion            see the type description
     * @param bundleId                 see the type description
     * @param task                     see the type description
     * @param model                    see the type description
     * @param pathologies              see the type description
     * @param anyPathology             see the type description
     * @param preprocessing            see the type description
     * @param preprocessingFingerprint see the type description
     * @param headerRules              see the type description
     * @param oodProfile               see the type description
     * @param referenceMetrics         see the type description
     */
    public BundleManifest(int schemaVersion, String bundleId, TaskDefinition task, ModelSpec model, List<PathologySpec> pathologies,
                          AnyPathologySpec anyPathology, PreprocessingConfig preprocessing,
                          String preprocessingFingerprint, HeaderRuleSet headerRules, FileRef oodProfile,
                          ReferenceMetrics referenceMetrics) {
        this(schemaVersion, bundleId, task, model, pathologies, anyPathology, preprocessing, preprocessingFingerprint,
                headerRules, oodProfile, referenceMetrics, null, UNKNOWN_TRAINING_PACK);
    }

    /**
     * @param policy the new value, not null
     * @return a copy with {@code studyComposition} replaced
     */
    public BundleManifest withStudyComposition(StudyCompositionPolicy policy) {
        return new BundleManifest(schemaVersion, bundleId, task, model, pathologies, anyPathology, preprocessing,
                preprocessingFingerprint, headerRules, oodProfile, referenceMetrics, Objects.requireNonNull(policy),
                trainingPackFingerprint);
    }

    /**
     * @param fingerprint SHA-256 (64 lower-case hex digits) of the training pack's metadata, or
     *                    {@value #UNKNOWN_TRAINING_PACK}
     * @return a copy with {@code trainingPackFingerprint} replaced
     * @throws IllegalArgumentException when the value is neither
     */
    public BundleManifest withTrainingPackFingerprint(String fingerprint) {
        return new BundleManifest(schemaVersion, bundleId, task, model, pathologies, anyPathology, preprocessing,
                preprocessingFingerprint, headerRules, oodProfile, referenceMetrics, studyComposition, fingerprint);
    }

    /**
     * Jackson value filter: {@code trainingPackFingerprint} is left out of the JSON when unknown, so
     * manifests without it keep their bytes and behaviour fingerprint. Not for other use.
     */
    public static final class UnknownTrainingPackFilter {
        @Override
        public boolean equals(Object value) {
            return UNKNOWN_TRAINING_PACK.equals(value);
        }

        @Override
        public int hashCode() {
            return UNKNOWN_TRAINING_PACK.hashCode();
        }
    }

    /**
     * The ONNX model file and its declared interface.
     *
     * @param file        file name inside the bundle
     * @param sha256      lower-case hex SHA-256 of the file
     * @param inputName   name of the single model input
     * @param inputShape  input shape, -1 for the symbolic batch dimension
     * @param outputName  name of the single model output
     * @param outputShape output shape, -1 for the symbolic batch dimension
     */
    public record ModelSpec(String file, String sha256, String inputName, List<Long> inputShape,
                            String outputName, List<Long> outputShape) {
        public ModelSpec {
            requireFileName("model.file", file);
            requireSha256("model.sha256", sha256);
            requireText("model.inputName", inputName);
            requireText("model.outputName", outputName);
            inputShape = List.copyOf(inputShape);
            outputShape = List.copyOf(outputShape);
            if (outputShape.isEmpty() || outputShape.get(outputShape.size() - 1) < 1) {
                throw new IllegalArgumentException("model.outputShape must end in the number of outputs, got " + outputShape);
            }
        }

        /** @return the number of values the model emits per study (last output dimension) */
        public int outputCount() {
            return Math.toIntExact(outputShape.get(outputShape.size() - 1));
        }
    }

    /**
     * One pathology the model scores.
     *
     * @param code                          stable code used in the contract, e.g. "mass"
     * @param displayName                   human-readable name
     * @param outputIndex                   index into the model output, 0..outputCount-1
     * @param decisionThresholdProbability  probability at or above which the finding is positive, in [0, 1]
     * @param concept                       what the pathology means in a standard terminology, written into
     *                                      DICOM SR; optional in JSON (older manifests), where it defaults to
     *                                      {@link CodedConcept#privateConcept(String, String) the private scheme}
     */
    public record PathologySpec(String code, String displayName, int outputIndex, float decisionThresholdProbability,
                                CodedConcept concept) {
        public PathologySpec {
            requireText("pathologies.code", code);
            requireText("pathologies.displayName", displayName);
            if (outputIndex < 0) {
                throw new IllegalArgumentException("pathologies[" + code + "].outputIndex must be >= 0, got " + outputIndex);
            }
            requireProbability("pathologies[" + code + "].decisionThresholdProbability", decisionThresholdProbability);
            if (concept == null) {
                concept = CodedConcept.privateConcept(code, displayName);
            }
        }

        /**
         * A pathology with the private-scheme concept (as an older manifest without {@code concept} reads).
         *
         * @param code                         as the canonical constructor
         * @param displayName                  as the canonical constructor
         * @param outputIndex                  as the canonical constructor
         * @param decisionThresholdProbability as the canonical constructor
         */
        public PathologySpec(String code, String displayName, int outputIndex, float decisionThresholdProbability) {
            this(code, displayName, outputIndex, decisionThresholdProbability, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static PathologySpec fromJson(ManifestJsonFields.Pathology json) {
            return json.toSpec();
        }
    }

    /**
     * How the any-pathology aggregate is computed; it is reported only in its own field, and it is
     * positive exactly when some pathology is (output contract v1), so it has no threshold of its own.
     *
     * @param rule        "max", "noisyOr" or "modelOutput"
     * @param outputIndex model output index when the rule is "modelOutput", else -1
     * @param concept     what the aggregate means, written into DICOM SR as its own item; optional in
     *                    JSON (older manifests), where it defaults to {@link #DEFAULT_CONCEPT}
     */
    public record AnyPathologySpec(String rule, int outputIndex, CodedConcept concept) {
        /** The aggregate's concept when a manifest names none. */
        public static final CodedConcept DEFAULT_CONCEPT =
                new CodedConcept(CodedConcept.PRIVATE_SCHEME, "any-pathology", "Any pathology (aggregate)");

        public AnyPathologySpec {
            if (!List.of("max", "noisyOr", "modelOutput").contains(rule)) {
                throw new IllegalArgumentException("anyPathology.rule must be one of max, noisyOr, modelOutput, got \"" + rule + "\"");
            }
            if (rule.equals("modelOutput") ? outputIndex < 0 : outputIndex != -1) {
                throw new IllegalArgumentException("anyPathology.outputIndex must be " + (rule.equals("modelOutput")
                        ? ">= 0" : "-1") + " for rule " + rule + ", got " + outputIndex);
            }
            if (concept == null) {
                concept = DEFAULT_CONCEPT;
            }
        }

        /**
         * An aggregate with {@link #DEFAULT_CONCEPT} (as an older manifest without {@code concept} reads).
         *
         * @param rule        as the canonical constructor
         * @param outputIndex as the canonical constructor
         */
        public AnyPathologySpec(String rule, int outputIndex) {
            this(rule, outputIndex, null);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static AnyPathologySpec fromJson(ManifestJsonFields.AnyPathology json) {
            return json.toSpec();
        }
    }

    /**
     * A file in the bundle with its hash.
     *
     * @param file   file name inside the bundle
     * @param sha256 lower-case hex SHA-256
     */
    public record FileRef(String file, String sha256) {
        public FileRef {
            requireFileName("oodProfile.file", file);
            requireSha256("oodProfile.sha256", sha256);
        }
    }

    /**
     * Reference metrics of the release metric test, the baseline {@code evaluate} compares against.
     *
     * @param packDescription      how the reference pack was made (e.g. the synth command)
     * @param nonInferiorityMargin AUC a later run may lose before it fails, in [0, 0.5]
     * @param pathologies          one entry per pathology
     */
    public record ReferenceMetrics(String packDescription, double nonInferiorityMargin, List<ReferenceAuc> pathologies) {
        public ReferenceMetrics {
            requireText("referenceMetrics.packDescription", packDescription);
            if (!(nonInferiorityMargin >= 0 && nonInferiorityMargin <= 0.5)) {
                throw new IllegalArgumentException("referenceMetrics.nonInferiorityMargin must be in [0, 0.5], got " + nonInferiorityMargin);
            }
            pathologies = List.copyOf(pathologies);
        }
    }

    /**
     * ROC-AUC of one pathology on the reference pack.
     *
     * @param code      pathology code
     * @param n         studies scored
     * @param positives studies labelled positive
     * @param auc       ROC-AUC
     * @param auc95Low  lower end of the DeLong 95% CI
     * @param auc95High upper end of the DeLong 95% CI
     */
    public record ReferenceAuc(String code, int n, int positives, double auc, double auc95Low, double auc95High) {
        public ReferenceAuc {
            requireText("referenceMetrics.pathologies.code", code);
            if (!(auc >= 0 && auc <= 1 && auc95Low <= auc && auc <= auc95High)) {
                throw new IllegalArgumentException("referenceMetrics[" + code + "]: need 0 <= auc95Low <= auc <= auc95High <= 1, got "
                        + auc95Low + ", " + auc + ", " + auc95High);
            }
        }
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }

    static void requireSha256(String field, String value) {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + " must be 64 lower-case hex digits, got \"" + value + "\"");
        }
    }

    static void requireFileName(String field, String value) {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,128}") || value.startsWith(".")) {
            throw new IllegalArgumentException(field + " must be a plain file name inside the bundle, got \"" + value + "\"");
        }
    }

    static void requireProbability(String field, float value) {
        if (!(value >= 0f && value <= 1f)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], got " + value);
        }
    }
}
