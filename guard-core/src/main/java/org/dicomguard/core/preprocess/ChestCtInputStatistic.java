package org.dicomguard.core.preprocess;

import java.util.Objects;

/**
 * One named input statistic of a chest CT, as scored by the statistics gate and watched by the
 * drift monitor.
 *
 * @param name  stable identifier, e.g. {@code lungVolumeFraction}
 * @param unit  unit for people: {@code HU}, {@code fraction}, {@code mL}, {@code mm}, {@code count}
 * @param value the finite value
 */
public record ChestCtInputStatistic(String name, String unit, double value) {

    /** Validates non-null names and a finite value. */
    public ChestCtInputStatistic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of statistic '" + name + "' must be finite, got " + value);
        }
    }
}
