package org.dicomguard.ood.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link HeaderRuleSet} by named properties instead of twelve positional arguments.
 * Start from {@link HeaderRuleSet#builder()} (every rule off) or {@link HeaderRuleSet#toBuilder()}
 * (a preset's values, each of which may be replaced).
 *
 * <p>Each setter validates its value at once and names the property, the value and the rule; a
 * property set twice on one builder is refused ("minRows was already set to 64"), and a bound
 * that contradicts the other bound already set is refused naming both (as Caffeine's builder
 * does). {@link #build()} checks each range once more against inherited values, so a contradiction
 * with a preset's bound is named too.
 *
 * <p>Not thread-safe; the built rule set is.
 */
public final class HeaderRuleSetBuilder {

    private Set<String> allowedModalities;
    private Set<String> allowedSopClassUids;
    private Set<String> allowedBodyPartsExamined;
    private Set<String> allowedViewPositions;
    private Set<String> allowedPhotometricInterpretations;
    private Set<Integer> allowedBitsStored;
    private double minPixelSpacingMm;
    private double maxPixelSpacingMm;
    private int minRows;
    private int maxRows;
    private int minColumns;
    private int maxColumns;
    /** Properties set on this builder, with the value as given, for the "already set" message. */
    private final Map<String, Object> set = new HashMap<>();

    HeaderRuleSetBuilder(HeaderRuleSet from) {
        allowedModalities = from.allowedModalities();
        allowedSopClassUids = from.allowedSopClassUids();
        allowedBodyPartsExamined = from.allowedBodyPartsExamined();
        allowedViewPositions = from.allowedViewPositions();
        allowedPhotometricInterpretations = from.allowedPhotometricInterpretations();
        allowedBitsStored = from.allowedBitsStored();
        minPixelSpacingMm = from.minPixelSpacingMm();
        maxPixelSpacingMm = from.maxPixelSpacingMm();
        minRows = from.minRows();
        maxRows = from.maxRows();
        minColumns = from.minColumns();
        maxColumns = from.maxColumns();
    }

    private void once(String property, Object value) {
        if (set.containsKey(property)) {
            throw new IllegalStateException(property + " was already set to " + set.get(property));
        }
        set.put(property, value);
    }

    /**
     * @param values e.g. {@code [MG]}, compared case-insensitively; empty: not checked
     * @return this builder
     * @throws IllegalArgumentException when a value is null or blank
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder allowedModalities(Set<String> values) {
        Set<String> checked = HeaderRuleSet.upper(values, "allowedModalities");
        once("allowedModalities", checked);
        allowedModalities = checked;
        return this;
    }

    /**
     * @param values SOP Class UIDs, compared exactly; empty: not checked
     * @return this builder
     * @throws IllegalArgumentException when a value is null or blank
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder allowedSopClassUids(Set<String> values) {
        Set<String> checked = HeaderRuleSet.exact(values, "allowedSopClassUids");
        once("allowedSopClassUids", checked);
        allowedSopClassUids = checked;
        return this;
    }

    /**
     * @param values e.g. {@code [BREAST]}; empty: not checked (soft rule)
     * @return this builder
     * @throws IllegalArgumentException when a value is null or blank
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder allowedBodyPartsExamined(Set<String> values) {
        Set<String> checked = HeaderRuleSet.upper(values, "allowedBodyPartsExamined");
        once("allowedBodyPartsExamined", checked);
        allowedBodyPartsExamined = checked;
        return this;
    }

    /**
     * @param values e.g. {@code [CC, MLO]}; empty: not checked (soft rule)
     * @return this builder
     * @throws IllegalArgumentException when a value is null or blank
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder allowedViewPositions(Set<String> values) {
        Set<String> checked = HeaderRuleSet.upper(values, "allowedViewPositions");
        once("allowedViewPositions", checked);
        allowedViewPositions = checked;
        return this;
    }

    /**
     * @param values e.g. {@code [MONOCHROME1, MONOCHROME2]}; empty: not checked
     * @return this builder
     * @throws IllegalArgumentException when a value is null or blank
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder allowedPhotometricInterpretations(Set<String> values) {
        Set<String> checked = HeaderRuleSet.upper(values, "allowedPhotometricInterpretations");
        once("allowedPhotometricInterpretations", checked);
        allowedPhotometricInterpretations = checked;
        return this;
    }

    /**
     * @param values e.g. {@code [12, 16]}, each in [1, 32]; empty: not checked
     * @return this builder
     * @throws IllegalArgumentException when a value is outside [1, 32]
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder allowedBitsStored(Set<Integer> values) {
        Set<Integer> checked = HeaderRuleSet.bitsStored(values);
        once("allowedBitsStored", checked);
        allowedBitsStored = checked;
        return this;
    }

    /**
     * @param mm smallest allowed spacing in both directions, finite, &gt;= 0; 0 with an infinite
     *           maximum switches the rule off
     * @return this builder
     * @throws IllegalArgumentException when negative or not finite, or above a {@code maxPixelSpacingMm} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder minPixelSpacingMm(double mm) {
        if (!(mm >= 0) || Double.isInfinite(mm)) {
            throw new IllegalArgumentException("minPixelSpacingMm must be finite and >= 0, got " + mm);
        }
        if (set.containsKey("maxPixelSpacingMm") && mm > maxPixelSpacingMm) {
            throw new IllegalArgumentException("minPixelSpacingMm " + mm + " exceeds maxPixelSpacingMm "
                    + maxPixelSpacingMm + " set before");
        }
        once("minPixelSpacingMm", mm);
        minPixelSpacingMm = mm;
        return this;
    }

    /**
     * @param mm largest allowed spacing, &gt;= 0 or +Infinity (no upper bound)
     * @return this builder
     * @throws IllegalArgumentException when NaN or negative, or below a {@code minPixelSpacingMm} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder maxPixelSpacingMm(double mm) {
        if (!(mm >= 0)) {
            throw new IllegalArgumentException("maxPixelSpacingMm must be >= 0 or +Infinity, got " + mm);
        }
        if (set.containsKey("minPixelSpacingMm") && mm < minPixelSpacingMm) {
            throw new IllegalArgumentException("maxPixelSpacingMm " + mm + " is below minPixelSpacingMm "
                    + minPixelSpacingMm + " set before");
        }
        once("maxPixelSpacingMm", mm);
        maxPixelSpacingMm = mm;
        return this;
    }

    /**
     * @param rows smallest allowed Rows, &gt;= 1
     * @return this builder
     * @throws IllegalArgumentException when below 1, or above a {@code maxRows} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder minRows(int rows) {
        minRows = lower("minRows", rows, "maxRows", maxRows);
        return this;
    }

    /**
     * @param rows largest allowed Rows, &gt;= 1
     * @return this builder
     * @throws IllegalArgumentException when below 1, or below a {@code minRows} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder maxRows(int rows) {
        maxRows = upper("maxRows", rows, "minRows", minRows);
        return this;
    }

    /**
     * @param columns smallest allowed Columns, &gt;= 1
     * @return this builder
     * @throws IllegalArgumentException when below 1, or above a {@code maxColumns} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder minColumns(int columns) {
        minColumns = lower("minColumns", columns, "maxColumns", maxColumns);
        return this;
    }

    /**
     * @param columns largest allowed Columns, &gt;= 1
     * @return this builder
     * @throws IllegalArgumentException when below 1, or below a {@code minColumns} set before
     * @throws IllegalStateException    when already set on this builder
     */
    public HeaderRuleSetBuilder maxColumns(int columns) {
        maxColumns = upper("maxColumns", columns, "minColumns", minColumns);
        return this;
    }

    private int lower(String property, int value, String other, int otherValue) {
        positive(property, value);
        if (set.containsKey(other) && value > otherValue) {
            throw new IllegalArgumentException(property + " " + value + " exceeds " + other + " " + otherValue
                    + " set before");
        }
        once(property, value);
        return value;
    }

    private int upper(String property, int value, String other, int otherValue) {
        positive(property, value);
        if (set.containsKey(other) && value < otherValue) {
            throw new IllegalArgumentException(property + " " + value + " is below " + other + " " + otherValue
                    + " set before");
        }
        once(property, value);
        return value;
    }

    private static void positive(String property, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(property + " must be >= 1, got " + value);
        }
    }

    /**
     * @return the rule set
     * @throws IllegalArgumentException when a range contradicts a bound inherited from the starting rule set,
     *                                  naming both properties
     */
    public HeaderRuleSet build() {
        range("minPixelSpacingMm", minPixelSpacingMm, "maxPixelSpacingMm", maxPixelSpacingMm);
        range("minRows", minRows, "maxRows", maxRows);
        range("minColumns", minColumns, "maxColumns", maxColumns);
        return new HeaderRuleSet(allowedModalities, allowedSopClassUids, allowedBodyPartsExamined,
                allowedViewPositions, allowedPhotometricInterpretations, allowedBitsStored, minPixelSpacingMm,
                maxPixelSpacingMm, minRows, maxRows, minColumns, maxColumns);
    }

    private void range(String lowName, double low, String highName, double high) {
        if (low > high) {
            throw new IllegalArgumentException(lowName + " " + format(low) + origin(lowName) + " exceeds " + highName
                    + " " + format(high) + origin(highName));
        }
    }

    private String origin(String property) {
        return set.containsKey(property) ? "" : " (from the starting rule set)";
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    @Override
    public String toString() {
        return "HeaderRuleSetBuilder" + Objects.toString(set);
    }
}
