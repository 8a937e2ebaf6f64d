package org.dicomguard.ood.drift;

import java.time.Instant;
import java.util.Arrays;

/**
 * The sliding window and alert state of one monitored stream. Not thread-safe: the monitor
 * guards it with its lock.
 */
final class StreamWindow {

    final String name;
    final double[] sortedReference;
    final PopulationStabilityIndex psi;
    private final double[] ring;
    private int next;
    private int size;
    boolean raised;
    long lastRaiseObservation = Long.MIN_VALUE;
    Instant lastRaiseTime;

    StreamWindow(String name, double[] sortedReference, int capacity) {
        this.name = name;
        this.sortedReference = sortedReference;
        this.psi = new PopulationStabilityIndex(sortedReference);
        this.ring = new double[capacity];
    }

    void add(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    int size() {
        return size;
    }

    /** @return the window's values sorted ascending (a new array) */
    double[] sortedValues() {
        double[] values = size == ring.length ? ring.clone() : Arrays.copyOf(ring, size);
        Arrays.sort(values);
        return values;
    }
}
