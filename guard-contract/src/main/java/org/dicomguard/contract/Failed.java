package org.dicomguard.contract;

import java.util.Optional;

/**
 * Scoring broke for this study (unreadable file, model output not finite, …); no probability
 * exists for it.
 *
 * <p>Thread-safe (immutable).
 *
 * @param studyInstanceUid the DICOM StudyInstanceUID, empty when the file could not be read far
 *        enough to know it (JSON {@code null})
 * @param bundleId id of the model bundle that was asked to score the study
 * @param errorCode stable machine code in upper snake case, e.g. {@code UNREADABLE_FILE}
 * @param message one line for people, at most 2000 characters, never containing patient identifiers
 */
public record Failed(Optional<String> studyInstanceUid, String bundleId, String errorCode, String message)
        implements GuardResult {

    /** @throws IllegalArgumentException naming the field when a value is missing or malformed */
    public Failed {
        Checks.notNull("studyInstanceUid", studyInstanceUid);
        studyInstanceUid.ifPresent(uid -> Checks.studyInstanceUid("studyInstanceUid", uid));
        Checks.matches("bundleId", bundleId, Checks.BUNDLE_ID);
        Checks.matches("errorCode", errorCode, Checks.STABLE_CODE);
        Checks.text("message", message, Checks.MESSAGE_MAX_CHARS);
    }

    @Override
    public Status status() {
        return Status.FAILED;
    }

    @Override
    public Optional<String> studyInstanceUidIfKnown() {
        return studyInstanceUid;
    }
}
