package org.dicomguard.core.study;

/**
 * The instances of one run are not one valid study (mixed studies, a missing or invalid UID, an
 * unreadable in-memory instance): the Pipeline answers {@code Failed} with {@link #code()}, before
 * any pixel is read. Messages never quote the bad identifier.
 */
public final class StudyIntakeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final StudyIntakeCode code;

    /**
     * @param code    a {@link StudyIntakeCode.Kind#FAILED} code
     * @param message what was wrong, without identifiers
     */
    public StudyIntakeException(StudyIntakeCode code, String message) {
        super(message);
        this.code = code;
    }

    /** @return the stable code */
    public StudyIntakeCode code() {
        return code;
    }
}
