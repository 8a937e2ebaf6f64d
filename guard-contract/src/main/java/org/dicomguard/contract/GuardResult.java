package org.dicomguard.contract;

import java.util.Optional;

/**
 * The outcome of one study: exactly one of {@link Prediction}, {@link Rejected} or {@link Failed}.
 *
 * <p>Backends switch over the three cases; the compiler checks that none is forgotten. A
 * {@code Rejected} or {@code Failed} result never carries a probability, so a backend cannot
 * show a made-up number for a study the model did not score.
 *
 * <p>All implementations are immutable records, validated in their constructors, and therefore
 * thread-safe.
 */
public sealed interface GuardResult permits Prediction, Rejected, Failed {

    /** The value of the JSON {@code status} field. */
    enum Status {
        /** The model scored the study: per-pathology probabilities follow. */
        PREDICTION("prediction"),
        /** A guardrail refused the study before inference (header rule, OOD gate): reasons follow. */
        REJECTED("rejected"),
        /** Something broke (unreadable file, model output not finite): an error code follows. */
        FAILED("failed");

        private final String jsonName;

        Status(String jsonName) {
            this.jsonName = jsonName;
        }

        /** @return the exact string used in the JSON {@code status} field, e.g. {@code "prediction"} */
        public String jsonName() {
            return jsonName;
        }

        /**
         * @param jsonName a JSON {@code status} value
         * @return the matching status, if any
         */
        public static Optional<Status> fromJsonName(String jsonName) {
            for (Status status : values()) {
                if (status.jsonName.equals(jsonName)) {
                    return Optional.of(status);
                }
            }
            return Optional.empty();
        }
    }

    /** @return which of the three cases this is */
    Status status();

    /**
     * @return the DICOM StudyInstanceUID; always present for a {@link Prediction}, empty for a
     *         {@link Rejected} or {@link Failed} result when the file could not be read far enough
     *         to know it (JSON: {@code "studyInstanceUid": null})
     */
    Optional<String> studyInstanceUidIfKnown();

    /** @return the id of the model bundle that produced this result, e.g. {@code demo-mammography-1} */
    String bundleId();

    /**
     * @return the caller's key for the request this result answers (contract 1.1), empty when the
     *         caller gave none; the way to match a result whose StudyInstanceUID is unknown or was
     *         invalid (never echoed) to its request
     */
    Optional<String> requestKey();
}
