package org.dicomguard.contract;

import java.util.List;
import java.util.Optional;

/**
 * A guardrail refused the study before inference; no probability exists for it.
 *
 * <p>Thread-safe (immutable; the list is copied).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is missing or malformed.
 *
 * @param studyInstanceUid the DICOM StudyInstanceUID, empty when the file could not be read far
 *        enough to know it (JSON {@code null})
 * @param bundleId id of the model bundle that was asked to score the study
 * @param reasons one or more reasons, each with a stable code
 * @param requestKey the caller's key for the request this result answers, empty when none was
 *        given (contract 1.1; JSON: omitted when empty). With it a caller matches a result whose
 *        StudyInstanceUID is unknown or invalid (and so not echoed) to its request
 */
public record Rejected(Optional<String> studyInstanceUid, String bundleId, List<RejectionReason> reasons,
                       Optional<String> requestKey)
        implements GuardResult {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param studyInstanceUid the {@code studyInstanceUid} component
     * @param bundleId the {@code bundleId} component
     * @param reasons the {@code reasons} component
     * @param requestKey the {@code requestKey} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Rejected {
        Checks.notNull("studyInstanceUid", studyInstanceUid);
        studyInstanceUid.ifPresent(uid -> Checks.studyInstanceUid("studyInstanceUid", uid));
        Checks.matches("bundleId", bundleId, Checks.BUNDLE_ID);
        reasons = Checks.copy("reasons", reasons, true);
        Checks.requestKey(requestKey);
    }

    /**
     * A rejection without a request key (as in contract 1.0).
     *
     * @param studyInstanceUid the {@code studyInstanceUid} component
     * @param bundleId the {@code bundleId} component
     * @param reasons the {@code reasons} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Rejected(Optional<String> studyInstanceUid, String bundleId, List<RejectionReason> reasons) {
        this(studyInstanceUid, bundleId, reasons, Optional.empty());
    }

    /** @return {@link Status#REJECTED} */
    @Override
    public Status status() {
        return Status.REJECTED;
    }

    /** @return the StudyInstanceUID, empty when unknown */
    @Override
    public Optional<String> studyInstanceUidIfKnown() {
        return studyInstanceUid;
    }
}
