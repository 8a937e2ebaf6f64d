package org.dicomguard.contract;

import java.util.Optional;

/**
 * Scoring broke for this study (unreadable file, model output not finite, …); no probability
 * exists for it.
 *
 * <p>Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is missing or malformed.
 *
 * @param studyInstanceUid the DICOM StudyInstanceUID, empty when the file could not be read far
 *        enough to know it (JSON {@code null})
 * @param bundleId id of the model bundle that was asked to score the study
 * @param errorCode stable machine code in upper snake case, e.g. {@code UNREADABLE_FILE}
 * @param message one line for people, at most 2000 characters, never containing patient identifiers
 * @param requestKey the caller's key for the request this result answers, empty when none was
 *        given (contract 1.1; JSON: omitted when empty). With it a caller matches a result whose
 *        StudyInstanceUID is unknown or invalid (and so not echoed) to its request
 */
public record Failed(Optional<String> studyInstanceUid, String bundleId, String errorCode, String message,
                     Optional<String> requestKey)
        implements GuardResult {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param studyInstanceUid the {@code studyInstanceUid} component
     * @param bundleId the {@code bundleId} component
     * @param errorCode the {@code errorCode} component
     * @param message the {@code message} component
     * @param requestKey the {@code requestKey} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Failed {
        Checks.notNull("studyInstanceUid", studyInstanceUid);
        studyInstanceUid.ifPresent(uid -> Checks.studyInstanceUid("studyInstanceUid", uid));
        Checks.matches("bundleId", bundleId, Checks.BUNDLE_ID);
        Checks.matches("errorCode", errorCode, Checks.STABLE_CODE);
        Checks.text("message", message, Checks.MESSAGE_MAX_CHARS);
        Checks.requestKey(requestKey);
    }

    /**
     * A failure without a request key (as in contract 1.0).
     *
     * @param studyInstanceUid the {@code studyInstanceUid} component
     * @param bundleId the {@code bundleId} component
     * @param errorCode the {@code errorCode} component
     * @param message the {@code message} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Failed(Optional<String> studyInstanceUid, String bundleId, String errorCode, String message) {
        this(studyInstanceUid, bundleId, errorCode, message, Optional.empty());
    }

    /** @return {@link Status#FAILED} */
    @Override
    public Status status() {
        return Status.FAILED;
    }

    /** @return the StudyInstanceUID, empty when unknown */
    @Override
    public Optional<String> studyInstanceUidIfKnown() {
        return studyInstanceUid;
    }
}
