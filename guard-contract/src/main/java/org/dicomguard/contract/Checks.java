package org.dicomguard.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Constructor preconditions shared by the contract records.
 *
 * <p>Design note: every message names the field, echoes the bad value and states the rule, so a
 * backend developer who builds a result by hand sees at once which field broke which rule.
 * Package-private: the rules are published through the records' Javadoc and the JSON Schema.
 */
final class Checks {

    /** Pathology codes become CSV column names and JSON keys downstream, so no separators. */
    static final Pattern PATHOLOGY_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** Stable machine codes (rejection reasons, error codes): upper snake case. */
    static final Pattern STABLE_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** DICOM UID syntax (PS3.5 9.1): digits separated by dots, at most 64 characters. */
    static final Pattern DICOM_UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    static final int DICOM_UID_MAX_CHARS = 64;
    static final Pattern BUNDLE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    static final Pattern EVIDENCE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    /** Image labels: a view such as {@code R-MLO} or {@code series}. */
    static final Pattern IMAGE_LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");
    /**
     * Request keys: chosen by the caller (a message id, a job id), at most 128 characters of
     * letters, digits and {@code . _ : -}; never a patient identifier.
     */
    static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
    static final int MESSAGE_MAX_CHARS = 2000;
    static final int SHORT_TEXT_MAX_CHARS = 64;

    private Checks() {
    }

    /**
     * @return {@code value} with negative zero replaced by zero, so that JSON never says "-0.0"
     * @throws IllegalArgumentException when not a finite number in [0,1]; the message says
     *         "looks like a percent" for values in [2,100]
     */
    static float probability(String field, float value) {
        if (!(value >= 0f && value <= 1f)) {
            String hint = value >= 2f && value <= 100f
                    ? " (looks like a percent: probabilities are fractions, " + value + "% is " + value / 100f + ")"
                    : "";
            throw new IllegalArgumentException(field + " must be a finite probability in [0,1], got " + value + hint);
        }
        return value == 0f ? 0f : value;
    }

    static double finiteNonNegative(String field, double value) {
        if (!(value >= 0d && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(field + " must be a finite number >= 0, got " + value);
        }
        return value == 0d ? 0d : value;
    }

    static double finitePositive(String field, double value) {
        if (!(value > 0d && value < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(field + " must be a finite number > 0, got " + value);
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number, got " + value);
        }
        return value == 0d ? 0d : value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }

    static String matches(String field, String value, Pattern pattern) {
        notNull(field, value);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must match " + pattern.pattern() + ", got " + excerpt(value));
        }
        return value;
    }

    /** Short machine-like values that cannot hold a name are echoed in messages. */
    private static final Pattern SAFE_TO_ECHO = Pattern.compile("[A-Za-z0-9._+%-]{0,40}");

    /**
     * @return the value in quotes when it is short and machine-like, else only its length: a bad
     *         value from an untrusted document may hold a patient identifier, and those never
     *         enter an exception message
     */
    static String excerpt(String value) {
        return SAFE_TO_ECHO.matcher(value).matches() ? "\"" + value + "\"" : echo(value);
    }

    /** @return like {@link #excerpt(String)}, without quotes */
    static String echo(String value) {
        return SAFE_TO_ECHO.matcher(value).matches() ? value
                : "a string of " + value.length() + " characters (not echoed)";
    }

    /** An optional request key: empty, or matching {@link #REQUEST_KEY} (value echoed only when safe). */
    static java.util.Optional<String> requestKey(java.util.Optional<String> value) {
        notNull("requestKey", value);
        value.ifPresent(v -> matches("requestKey", v, REQUEST_KEY));
        return value;
    }

    static String studyInstanceUid(String field, String value) {
        notNull(field, value);
        if (!DICOM_UID.matcher(value).matches()) {
            // Never echoed: a wrongly mapped field could carry the PatientID or AccessionNumber.
            throw new IllegalArgumentException(field + " must be a DICOM UID (digits separated by dots), got a string of "
                    + value.length() + " characters (not echoed)");
        }
        if (value.length() > DICOM_UID_MAX_CHARS) {
            throw new IllegalArgumentException(field + " must have at most " + DICOM_UID_MAX_CHARS
                    + " characters (DICOM UID), got " + value.length());
        }
        return value;
    }

    /** Free text for people: not blank, bounded, no control characters that would break one-line JSON logs. */
    static String text(String field, String value, int maxChars) {
        notNull(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(field + " must have at most " + maxChars + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " must not contain control characters, found U+"
                        + String.format("%04X", (int) value.charAt(i)) + " at index " + i);
            }
        }
        return value;
    }

    /** @return an unmodifiable copy; refuses null lists, null elements and, when asked, empty lists */
    static <T> List<T> copy(String field, List<T> values, boolean requireNonEmpty) {
        notNull(field, values);
        if (requireNonEmpty && values.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        List<T> copy = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            copy.add(notNull(field + "[" + i + "]", values.get(i)));
        }
        return List.copyOf(copy);
    }

}
