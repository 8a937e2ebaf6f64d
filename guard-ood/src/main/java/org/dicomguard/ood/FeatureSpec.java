package org.dicomguard.ood;

import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");
    private static final Pattern UNIT = Pattern.compile("[\\x20-\\x7E]{1,40}");

    /** Validates both components. */
    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must match " + NAME.pattern() + ", got '" + name + "'");
        }
        if (!UNIT.matcher(unit).matches()) {
            throw new IllegalArgumentException("unit of feature '" + name
                    + "' must be 1 to 40 printable ASCII characters, got '" + unit + "'");
        }
    }
}
