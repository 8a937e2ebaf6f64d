package org.dicomguard.ood;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A named vector of input statistics for one study (for example the mean intensity inside the
 * breast mask, the mask area fraction, the noise level), as computed by preprocessing and scored
 * by the statistics gate.
 *
 * <p>Every value is finite: a NaN statistic means preprocessing failed, which must surface as a
 * failure and never be scored as if it were a measurement. Immutable and thread-safe.
 */
public final class InputStatistics {

    private final List<FeatureSpec> featureSpecs;
    private final double[] values;
    private final Map<String, Integer> indexByName;

    private InputStatistics(List<FeatureSpec> featureSpecs, double[] values) {
        Objects.requireNonNull(featureSpecs, "featureSpecs");
        Objects.requireNonNull(values, "values");
        if (featureSpecs.isEmpty()) {
            throw new IllegalArgumentException("featureSpecs must not be empty");
        }
        if (featureSpecs.size() != values.length) {
            throw new IllegalArgumentException("values has " + values.length + " entries but featureSpecs has "
                    + featureSpecs.size());
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < featureSpecs.size(); i++) {
            FeatureSpec spec = Objects.requireNonNull(featureSpecs.get(i), "featureSpecs[" + i + "]");
            if (index.put(spec.name(), i) != null) {
                throw new IllegalArgumentException("feature name '" + spec.name() + "' appears twice");
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value of feature '" + spec.name() + "' must be finite, got "
                        + values[i]);
            }
        }
        this.featureSpecs = List.copyOf(featureSpecs);
        this.values = values.clone();
        this.indexByName = Map.copyOf(index);
    }

    /**
     * @param featureSpecs names and units in order, not modified; names unique
     * @param values       one finite value per spec in the same order, copied
     * @return the statistics
     * @throws IllegalArgumentException if lengths differ, a name repeats or a value is not finite
     */
    public static InputStatistics of(List<FeatureSpec> featureSpecs, double[] values) {
        return new InputStatistics(featureSpecs, values);
    }

    /** Builds statistics one feature at a time, keeping insertion order. Not thread-safe. */
    public static final class Builder {
        private final List<FeatureSpec> specs = new ArrayList<>();
        private final List<Double> values = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param name  feature name (see {@link FeatureSpec})
         * @param unit  unit of the value
         * @param value the finite value
         * @return this builder
         */
        public Builder add(String name, String unit, double value) {
            specs.add(new FeatureSpec(name, unit));
            values.add(value);
            return this;
        }

        /** @return the validated statistics */
        public InputStatistics build() {
            double[] array = new double[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i);
            }
            return new InputStatistics(specs, array);
        }
    }

    /** @return a new empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return names and units in order, unmodifiable */
    public List<FeatureSpec> featureSpecs() {
        return featureSpecs;
    }

    /**
     * @return a copy of the values, in the order of {@link #featureSpecs()}
     */
    public double[] values() {
        return values.clone();
    }

    /** @return the number of features, at least 1 */
    public int size() {
        return values.length;
    }

    /**
     * @param name a feature name
     * @return its value, or empty if there is no such feature
     */
    public OptionalDouble value(String name) {
        Integer i = indexByName.get(name);
        return i == null ? OptionalDouble.empty() : OptionalDouble.of(values[i]);
    }

    /** @return name to value, in feature order, unmodifiable */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(featureSpecs.get(i).name(), values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputStatistics other && featureSpecs.equals(other.featureSpecs)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * featureSpecs.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "InputStatistics" + asMap();
    }
}
