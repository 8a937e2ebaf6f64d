package org.dicomguard.core.preprocess;

/**
 * One named statistic of a preprocessed input (a mammography view or a chest CT series), for the
 * out-of-distribution gate and drift monitor.
 *
 * @param name  stable camelCase name, e.g. "maskAreaFraction", "lungVolumeFraction"
 * @param unit  unit of the value, e.g. "fraction of image", "HU", "mL"
 * @param value the value, finite
 */
public record InputStatistic(String name, String unit, double value) {

    /** Validates the fields. */
    public InputStatistic {
        if (name == null || name.isEmpty() || unit == null) {
            throw new IllegalArgumentException("name must be non-empty and unit non-null, got " + name + ", " + unit);
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("statistic " + name + " must be finite, got " + value);
        }
    }
}
