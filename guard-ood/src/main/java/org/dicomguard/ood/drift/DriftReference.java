package org.dicomguard.ood.drift;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The in-distribution reference sample of every monitored stream (an input statistic by its
 * feature name, or a predicted probability as {@code probability:<pathology code>}), sorted
 * ascending. The drift monitor compares recent windows against these samples (KS) and against
 * decile bins derived from them (PSI).
 *
 * <p>Large samples are stored as {@link #MAX_STORED_VALUES} evenly spaced quantiles, which keeps
 * the profile small and changes the KS statistic by at most {@code 1/MAX_STORED_VALUES}.
 *
 * @param sortedSamplesByStream stream name to its sorted finite reference values (at least
 *                              {@link #MIN_VALUES} each); copied and sorted by name
 */
public record DriftReference(Map<String, double[]> sortedSamplesByStream) {

    /** The most values stored per stream. */
    public static final int MAX_STORED_VALUES = 2000;
    /** The fewest reference values per stream that make a test meaningful. */
    public static final int MIN_VALUES = 20;
    /** The prefix of probability streams: {@code probability:<pathology code>}. */
    public static final String PROBABILITY_PREFIX = "probability:";

    /** Validates, copies and checks sorting. */
    public DriftReference {
        Objects.requireNonNull(sortedSamplesByStream, "sortedSamplesByStream");
        TreeMap<String, double[]> copy = new TreeMap<>();
        for (Map.Entry<String, double[]> e : sortedSamplesByStream.entrySet()) {
            String name = Objects.requireNonNull(e.getKey(), "stream name");
            double[] values = Objects.requireNonNull(e.getValue(), "values of stream " + name).clone();
            if (values.length < MIN_VALUES || values.length > MAX_STORED_VALUES) {
                throw new IllegalArgumentException("stream '" + name + "' has " + values.length
                        + " reference values, allowed " + MIN_VALUES + " to " + MAX_STORED_VALUES);
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i]) || (i > 0 && values[i] < values[i - 1])) {
                    throw new IllegalArgumentException("stream '" + name + "' reference values must be finite and "
                            + "sorted ascending; index " + i + " is " + values[i]);
                }
            }
            copy.put(name, values);
        }
        sortedSamplesByStream = Collections.unmodifiableMap(copy);
    }

    /** @return an empty reference (monitors nothing) */
    public static DriftReference empty() {
        return new DriftReference(Map.of());
    }

    /**
     * @param values finite reference values of one stream, any order, at least {@link #MIN_VALUES}; not modified
     * @return the values sorted, or {@link #MAX_STORED_VALUES} evenly spaced quantiles of them
     */
    public static double[] compress(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (sorted.length <= MAX_STORED_VALUES) {
            return sorted;
        }
        double[] out = new double[MAX_STORED_VALUES];
        for (int i = 0; i < out.length; i++) {
            // Mid-point plotting positions: quantile (i + 0.5) / m of the empirical distribution.
            int index = (int) Math.floor((i + 0.5) * sorted.length / out.length);
            out[i] = sorted[Math.min(sorted.length - 1, index)];
        }
        return out;
    }

    /**
     * @param name   stream name
     * @param values the stream's reference values, any order; compressed with {@link #compress}
     * @return a reference with this stream added or replaced
     */
    public DriftReference with(String name, double[] values) {
        TreeMap<String, double[]> copy = new TreeMap<>(sortedSamplesByStream);
        copy.put(name, compress(values));
        return new DriftReference(copy);
    }

    /**
     * @param name a stream name
     * @return the sorted values of the stream (a copy)
     * @throws IllegalArgumentException if there is no such stream
     */
    public double[] sortedSample(String name) {
        double[] values = sortedSamplesByStream.get(name);
        if (values == null) {
            throw new IllegalArgumentException("no reference for stream '" + name + "'; known: "
                    + sortedSamplesByStream.keySet());
        }
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DriftReference other) || !other.sortedSamplesByStream.keySet().equals(sortedSamplesByStream.keySet())) {
            return false;
        }
        for (Map.Entry<String, double[]> e : sortedSamplesByStream.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.sortedSamplesByStream.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, double[]> e : sortedSamplesByStream.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "DriftReference" + sortedSamplesByStream.keySet();
    }
}
