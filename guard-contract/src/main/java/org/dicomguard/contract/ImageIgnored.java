package org.dicomguard.contract;

/**
 * One image of the study that did not go into a {@link Prediction}, and why (contract 1.1).
 *
 * <p>Thread-safe (immutable). The constructor throws {@link IllegalArgumentException} naming the
 * field when a value is malformed.
 *
 * @param sopInstanceUid the image's SOPInstanceUID: digits and dots, at most 64 characters
 * @param reason         stable upper-snake-case code, e.g. {@code REPEATED_EXPOSURE},
 *                       {@code FOR_PROCESSING}, {@code NOT_A_STANDARD_VIEW}, {@code OTHER_SERIES};
 *                       the list of codes is in the Pipeline's Javadoc and may grow in a minor version
 */
public record ImageIgnored(String sopInstanceUid, String reason) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param sopInstanceUid the {@code sopInstanceUid} component
     * @param reason         the {@code reason} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public ImageIgnored {
        Checks.studyInstanceUid("imagesIgnored.sopInstanceUid", sopInstanceUid);
        Checks.matches("imagesIgnored.reason", reason, Checks.STABLE_CODE);
    }
}
