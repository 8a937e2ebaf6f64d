package org.dicomguard.core.preprocess;

/**
 * Stable codes of {@link SeriesAssemblyException}. Callers, logs and the output contract use the
 * enum name; never rename a constant, only add new ones.
 */
public enum SeriesAssemblyErrorCode {
    /** Fewer slices than {@link ChestCtPreprocessingConfig#minSliceCount()}. */
    TOO_FEW_SLICES,
    /** Slices differ in SeriesInstanceUID, orientation, rows/columns or pixel spacing. */
    MIXED_SERIES,
    /** Two slices lie at the same position along the slice normal. */
    DUPLICATE_POSITION,
    /** A gap between neighbouring slices deviates from the median gap beyond the configured fraction (missing slices, uneven spacing). */
    INCONSISTENT_SPACING,
    /** Geometry that cannot describe a volume: non-finite values, non-orthonormal orientation, non-positive spacing, or slices shifted in-plane (gantry tilt). */
    INVALID_GEOMETRY
}
