package org.dicomguard.contract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model scored the study: one finding per pathology, each with its own probability, plus the
 * separately named any-pathology aggregate.
 *
 * <p>The constructor refuses results that a backend could misread: no findings, duplicate
 * pathology codes, an aggregate that contradicts its rule ({@code max} must equal the largest
 * finding exactly, {@code noisyOr} must equal {@code 1 - prod(1 - p)} within 1e-5), and an
 * aggregate {@code positive} that is not "at least one finding positive".
 *
 * <p>Thread-safe (immutable; the list is copied).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field for every refused value, see the type description.
 *
 * @param studyInstanceUid DICOM StudyInstanceUID: digits and dots, at most 64 characters
 * @param bundleId id of the model bundle, e.g. {@code demo-mammography-1}
 * @param modelSha256 SHA-256 of the ONNX model file, 64 lower-case hex digits
 * @param pathologies one finding per pathology in the bundle's order; not empty, codes unique
 * @param anyPathology the aggregate, never to be shown in place of a finding
 * @param ood the OOD gate's score and threshold for this study
 * @param provenance library version and preprocessing fingerprint
 * @param requestKey the caller's key for the request this result answers, empty when none was
 *        given (contract 1.1; JSON: omitted when empty)
 * @param imagesUsed the images that went into the model input, in model order; empty only for a
 *        result read from a contract-1.0 document (contract 1.1)
 * @param imagesIgnored the study's other images and why each was left out, possibly empty (contract 1.1)
 */
public record Prediction(String studyInstanceUid, String bundleId, String modelSha256,
                         List<PathologyFinding> pathologies, AnyPathology anyPathology,
                         OodAssessment ood, Provenance provenance, Optional<String> requestKey,
                         List<ImageUsed> imagesUsed, List<ImageIgnored> imagesIgnored) implements GuardResult {

    /** Tolerance for the noisy-OR check: float rounding in a different summation order stays below it. */
    static final double NOISY_OR_TOLERANCE = 1e-5;

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param studyInstanceUid the {@code studyInstanceUid} component
     * @param bundleId the {@code bundleId} component
     * @param modelSha256 the {@code modelSha256} component
     * @param pathologies the {@code pathologies} component
     * @param anyPathology the {@code anyPathology} component
     * @param ood the {@code ood} component
     * @param provenance the {@code provenance} component
     * @param requestKey the {@code requestKey} component
     * @param imagesUsed the {@code imagesUsed} component
     * @param imagesIgnored the {@code imagesIgnored} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Prediction {
        Checks.studyInstanceUid("studyInstanceUid", studyInstanceUid);
        Checks.matches("bundleId", bundleId, Checks.BUNDLE_ID);
        Checks.matches("modelSha256", modelSha256, Checks.SHA256_HEX);
        pathologies = Checks.copy("pathologies", pathologies, true);
        Checks.notNull("anyPathology", anyPathology);
        Checks.notNull("ood", ood);
        Checks.notNull("provenance", provenance);
        requireUniqueCodes(pathologies);
        requireConsistentAggregate(pathologies, anyPathology);
        Checks.requestKey(requestKey);
        imagesUsed = Checks.copy("imagesUsed", imagesUsed, false);
        imagesIgnored = Checks.copy("imagesIgnored", imagesIgnored, false);
    }

    /**
     * A contract-1.0 prediction: no request key, no image lists.
     *
     * @param studyInstanceUid the {@code studyInstanceUid} component
     * @param bundleId the {@code bundleId} component
     * @param modelSha256 the {@code modelSha256} component
     * @param pathologies the {@code pathologies} component
     * @param anyPathology the {@code anyPathology} component
     * @param ood the {@code ood} component
     * @param provenance the {@code provenance} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Prediction(String studyInstanceUid, String bundleId, String modelSha256, List<PathologyFinding> pathologies,
                      AnyPathology anyPathology, OodAssessment ood, Provenance provenance) {
        this(studyInstanceUid, bundleId, modelSha256, pathologies, anyPathology, ood, provenance, Optional.empty(),
                List.of(), List.of());
    }

    /** @return {@link Status#PREDICTION} */
    @Override
    public Status status() {
        return Status.PREDICTION;
    }

    /** @return the StudyInstanceUID, always present */
    @Override
    public Optional<String> studyInstanceUidIfKnown() {
        return Optional.of(studyInstanceUid);
    }

    /**
     * @param code a pathology code
     * @return the finding with that code, if the bundle has it
     */
    public Optional<PathologyFinding> finding(String code) {
        return pathologies.stream().filter(f -> f.code().equals(code)).findFirst();
    }

    private static void requireUniqueCodes(List<PathologyFinding> pathologies) {
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < pathologies.size(); i++) {
            Integer previous = firstIndex.putIfAbsent(pathologies.get(i).code(), i);
            if (previous != null) {
                throw new IllegalArgumentException("pathologies must have unique codes, code '"
                        + pathologies.get(i).code() + "' appears at index " + previous + " and " + i);
            }
        }
    }

    private static void requireConsistentAggregate(List<PathologyFinding> pathologies, AnyPathology any) {
        boolean anyPositive = AnyPathology.anyPositive(pathologies);
        if (any.positive() != anyPositive) {
            throw new IllegalArgumentException("anyPathology.positive must be " + anyPositive
                    + " (true exactly when at least one pathology is positive), got " + any.positive());
        }
        switch (any.rule()) {
            case MAX -> {
                float max = AnyPathology.max(pathologies);
                if (any.probability() != max) {
                    throw new IllegalArgumentException("anyPathology.probability must equal the maximum pathology "
                            + "probability " + max + " under rule max, got " + any.probability());
                }
            }
            case NOISY_OR -> {
                double expected = AnyPathology.noisyOr(pathologies);
                if (Math.abs(any.probability() - expected) > NOISY_OR_TOLERANCE) {
                    throw new IllegalArgumentException("anyPathology.probability must equal 1 - prod(1 - p) = "
                            + (float) expected + " (within " + NOISY_OR_TOLERANCE + ") under rule noisyOr, got "
                            + any.probability());
                }
            }
            case MODEL_OUTPUT -> {
                // A separate model head: nothing to derive it from.
            }
        }
    }
}
