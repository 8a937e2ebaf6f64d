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

    /**
     * Provenance fields that describe the machine, not the result: they differ between a developer's
     * laptop and CI by design, so a golden file recorded on one is checked on the other.
     */
    public static final Set<String> PLATFORM_FIELD_PATHS = Set.of("provenance.onnxRuntimeVersion",
            "provenance.javaVersion", "provenance.operatingSystem", "provenance.cpuArchitecture");
    /** Provenance fields that change with every release by design. */
    public static final Set<String> RELEASE_FIELD_PATHS = Set.of("provenance.libraryVersion");

    /** @throws IllegalArgumentException when the tolerance is negative or not finite */
    public GoldenCheckSettings {
        if (!(numericToleranceAbsolute >= 0) || Double.isInfinite(numericToleranceAbsolute)) {
            throw new IllegalArgumentException("numericToleranceAbsolute = " + numericToleranceAbsolute
                    + ", must be finite and >= 0");
        }
        ignoredFieldPaths = Set.copyOf(ignoredFieldPaths);
    }

    /** @return tolerance 1e-6, ignoring {@link #RELEASE_FIELD_PATHS} and {@link #PLATFORM_FIELD_PATHS} */
    public static GoldenCheckSettings defaults() {
        return new GoldenCheckSettings(1e-6, union(RELEASE_FIELD_PATHS, PLATFORM_FIELD_PATHS));
    }

    /**
     * @param sets field path sets, not modified
     * @return their union
     */
    @SafeVarargs
    public static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
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
