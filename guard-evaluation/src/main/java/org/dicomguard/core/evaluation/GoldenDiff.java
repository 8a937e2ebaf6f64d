package org.dicomguard.core.evaluation;

/**
 * One difference between a golden (recorded) result and the current one.
 *
 * @param studyInstanceUid study the difference belongs to
 * @param fieldPath        dotted path inside the contract JSON; arrays of objects with a
 *                         {@code code} are keyed by it ({@code pathologies[mass].probability}),
 *                         other arrays by index ({@code [0]}); empty for a whole study
 * @param kind             what changed
 * @param before           golden value as JSON text, or {@code (absent)}
 * @param after            current value as JSON text, or {@code (absent)}
 * @param absoluteChange   |after - before| for numeric changes, else 0
 */
public record GoldenDiff(String studyInstanceUid, String fieldPath, Kind kind, String before, String after,
                         double absoluteChange) {

    /** Text used for a value that is not there. */
    public static final String ABSENT = "(absent)";

    /** What changed. */
    public enum Kind {
        /** A number moved by more than the tolerance. */
        NUMBER_CHANGED,
        /** A string, boolean or null changed, or a value changed type. */
        VALUE_CHANGED,
        /** A field or array element is new. */
        FIELD_ADDED,
        /** A field or array element disappeared. */
        FIELD_REMOVED,
        /** A study is in the current results but not in the golden file. */
        STUDY_ADDED,
        /** A study of the golden file is missing from the current results. */
        STUDY_MISSING
    }

    /** @throws IllegalArgumentException on nulls or a negative or NaN change */
    public GoldenDiff {
        if (studyInstanceUid == null || fieldPath == null || kind == null || before == null || after == null) {
            throw new IllegalArgumentException("studyInstanceUid, fieldPath, kind, before and after must not be null");
        }
        if (!(absoluteChange >= 0)) {
            throw new IllegalArgumentException("absoluteChange = " + absoluteChange + ", must be >= 0");
        }
    }
}
