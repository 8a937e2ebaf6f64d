package org.dicomguard.core.evaluation;

import java.util.Set;

/**
 * How strict the golden check is.
 *
 * @param numericToleranceAbsolute numbers may move by at most this much; default 1e-6 (float
 *                                 probabilities written and read back are exact, so anything
 *                                 larger is a real change)
 * @param ignoredFieldPaths        field paths never compared, e.g. {@code provenance.libraryVersion}
 *                                 (it changes with every release by design); copied
 */
public record GoldenCheckSettings(double numericToleranceAbsolute, Set<String> ignoredFieldPaths) {

    /** @throws IllegalArgumentException when the tolerance is negative or not finite */
    public GoldenCheckSettings {
        if (!(numericToleranceAbsolute >= 0) || Double.isInfinite(numericToleranceAbsolute)) {
            throw new IllegalArgumentException("numericToleranceAbsolute = " + numericToleranceAbsolute
                    + ", must be finite and >= 0");
        }
        ignoredFieldPaths = Set.copyOf(ignoredFieldPaths);
    }

    /** @return tolerance 1e-6, ignoring {@code provenance.libraryVersion} */
    public static GoldenCheckSettings defaults() {
        return new GoldenCheckSettings(1e-6, Set.of("provenance.libraryVersion"));
    }

    /**
     * @param value new tolerance
     * @return a copy with {@code numericToleranceAbsolute} replaced
     */
    public GoldenCheckSettings withNumericToleranceAbsolute(double value) {
        return new GoldenCheckSettings(value, ignoredFieldPaths);
    }

    /**
     * @param value new set of ignored paths
     * @return a copy with {@code ignoredFieldPaths} replaced
     */
    public GoldenCheckSettings withIgnoredFieldPaths(Set<String> value) {
        return new GoldenCheckSettings(numericToleranceAbsolute, value);
    }
}
