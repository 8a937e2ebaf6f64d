package org.dicomguard.contract;

/**
 * One image that went into a {@link Prediction} (contract 1.1).
 *
 * <p>Thread-safe (immutable). The constructor throws {@link IllegalArgumentException} naming the
 * field when a value is malformed.
 *
 * @param label          where the image went: a mammography view ({@code L-CC}, {@code L-MLO},
 *                       {@code R-CC}, {@code R-MLO}) or {@code series} for a CT slice of the series used
 * @param sopInstanceUid the image's SOPInstanceUID: digits and dots, at most 64 characters; an
 *                       instance identifier, not a patient identifier
 */
public record ImageUsed(String label, String sopInstanceUid) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param label          the {@code label} component
     * @param sopInstanceUid the {@code sopInstanceUid} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public ImageUsed {
        Checks.matches("imagesUsed.label", label, Checks.IMAGE_LABEL);
        Checks.studyInstanceUid("imagesUsed.sopInstanceUid", sopInstanceUid);
    }
}
