package org.dicomguard.core.evaluation;

/**
 * Tuning of the discrepancy diagnosis.
 *
 * @param matchToleranceAbsolute  two values match when they differ by at most this (scaled by the
 *                                factor for rescaled values); default 1e-5, loose enough for values
 *                                printed with 6 decimals, tight enough to tell a 0.001 rounding step
 * @param acceptExplainedFraction a hypothesis is reported as an explanation when it reproduces at
 *                                least this fraction of their values; default 0.9
 */
public record DiagnosisSettings(double matchToleranceAbsolute, double acceptExplainedFraction) {

    /** @throws IllegalArgumentException when a value is out of range */
    public DiagnosisSettings {
        if (!(matchToleranceAbsolute > 0 && matchToleranceAbsolute < 1e-2)) {
            throw new IllegalArgumentException("matchToleranceAbsolute = " + matchToleranceAbsolute
                    + ", must be in (0, 0.01)");
        }
        if (!(acceptExplainedFraction > 0.5 && acceptExplainedFraction <= 1)) {
            throw new IllegalArgumentException("acceptExplainedFraction = " + acceptExplainedFraction
                    + ", must be in (0.5, 1]");
        }
    }

    /** @return tolerance 1e-5, accept fraction 0.9 */
    public static DiagnosisSettings defaults() {
        return new DiagnosisSettings(1e-5, 0.9);
    }

    /**
     * @param value new tolerance
     * @return a copy with {@code matchToleranceAbsolute} replaced
     */
    public DiagnosisSettings withMatchToleranceAbsolute(double value) {
        return new DiagnosisSettings(value, acceptExplainedFraction);
    }

    /**
     * @param value new accept fraction
     * @return a copy with {@code acceptExplainedFraction} replaced
     */
    public DiagnosisSettings withAcceptExplainedFraction(double value) {
        return new DiagnosisSettings(matchToleranceAbsolute, value);
    }
}
