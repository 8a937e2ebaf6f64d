package org.dicomguard.ood;

import java.util.Objects;

/**
 * The name and unit of one input statistic, e.g. {@code meanIntensityInMaskHu} in {@code HU}.
 *
 * <p>Names are stable identifiers: they are JSON keys in the reference profile, tag values in
 * dashboards and field names in drift alerts, so they are restricted to ASCII letters, digits,
 * {@code _}, {@code .}, {@code :} and {@code -} (1 to 100 characters).
 *
 * @param name the feature name, unique within one {@link InputStatistics}
 * @param unit the unit as written for people ({@code "HU"}, {@code "fraction"}, {@code "mm"},
 *             {@code "1"} for dimensionless), 1 to 40 printable characters
 */
public record FeatureSpec(String name, String unit) {

    private static final String NAME_PATTERN = "[A-Za-z0-9_.:\\-]{1,100}";

    /**
     * Validates both components. Checked with plain loops, not regular expressions: preprocessing
     * makes a dozen specs per image, and a matcher per spec was a measurable share of the
     * Pipeline's allocation.
     */
    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!validName(name)) {
            throw new IllegalArgumentException("name must match " + NAME_PATTERN + ", got '" + name + "'");
        }
        if (!validUnit(unit)) {
            throw new IllegalArgumentException("unit of feature '" + name
                    + "' must be 1 to 40 printable ASCII characters, got '" + unit + "'");
        }
    }

    private static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 100) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean validUnit(String unit) {
        if (unit.isEmpty() || unit.length() > 40) {
            return false;
        }
        for (int i = 0; i < unit.length(); i++) {
            char c = unit.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
