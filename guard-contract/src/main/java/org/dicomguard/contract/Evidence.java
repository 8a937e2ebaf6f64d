package org.dicomguard.contract;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One measured value behind a rejection, with the limit it was compared to when there is one.
 * The OOD reason also lists its top contributing input statistics this way (often without a
 * threshold of their own).
 *
 * <p>JSON: {@code {"name":…,"value":…,"threshold":…,"unit":…}}; {@code threshold} and
 * {@code unit} are omitted when absent (never {@code null}). Thread-safe (immutable).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the field when a value is missing, malformed or not finite.
 *
 * @param name what was measured, e.g. {@code mahalanobisDistance} or {@code pixelSpacingMm};
 *        starts with a letter, then letters, digits, {@code _ . -}, at most 64 characters
 * @param value the measured value, finite
 * @param threshold the limit it was compared to, finite, if any
 * @param unit the unit of {@code value} and {@code threshold}, e.g. {@code mm}, if any
 */
public record Evidence(String name, double value, OptionalDouble threshold, Optional<String> unit) {

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param name the {@code name} component
     * @param value the {@code value} component
     * @param threshold the {@code threshold} component
     * @param unit the {@code unit} component
     * @throws IllegalArgumentException naming the component that breaks a rule
     */
    public Evidence {
        Checks.matches("evidence.name", name, Checks.EVIDENCE_NAME);
        value = Checks.finite("evidence '" + name + "' value", value);
        Checks.notNull("evidence '" + name + "' threshold", threshold);
        if (threshold.isPresent()) {
            Checks.finite("evidence '" + name + "' threshold", threshold.getAsDouble());
        }
        Checks.notNull("evidence '" + name + "' unit", unit);
        unit.ifPresent(u -> Checks.text("evidence '" + name + "' unit", u, Checks.SHORT_TEXT_MAX_CHARS));
    }

    /**
     * @param name what was measured
     * @param value measured value
     * @param threshold the limit it was compared to
     * @return evidence without a unit
     */
    public static Evidence of(String name, double value, double threshold) {
        return new Evidence(name, value, OptionalDouble.of(threshold), Optional.empty());
    }

    /**
     * @param name what was measured
     * @param value measured value
     * @param threshold the limit it was compared to
     * @param unit unit of both numbers, e.g. {@code mm}
     * @return evidence with a unit
     */
    public static Evidence of(String name, double value, double threshold, String unit) {
        return new Evidence(name, value, OptionalDouble.of(threshold), Optional.of(unit));
    }

    /**
     * @param name what was measured
     * @param value measured value
     * @return evidence without threshold or unit, e.g. a contributing OOD statistic
     */
    public static Evidence measured(String name, double value) {
        return new Evidence(name, value, OptionalDouble.empty(), Optional.empty());
    }
}
