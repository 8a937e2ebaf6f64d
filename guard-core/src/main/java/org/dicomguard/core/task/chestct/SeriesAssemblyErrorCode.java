package org.dicomguard.core.task.chestct;

import org.dicomguard.contract.ResultCode;

/**
 * Stable codes of {@link SeriesAssemblyException}: a view of the result-code catalogue
 * {@link ResultCode}, where each meaning is written. Callers, logs and the output contract use the
 * code; never rename a constant, only add new ones (to the catalogue first).
 */
public enum SeriesAssemblyErrorCode {
    /** {@link ResultCode#TOO_FEW_SLICES}: fewer than {@link ChestCtPreprocessingConfig#minSliceCount()}. */
    TOO_FEW_SLICES(ResultCode.TOO_FEW_SLICES),
    /** {@link ResultCode#MIXED_SERIES}. */
    MIXED_SERIES(ResultCode.MIXED_SERIES),
    /** {@link ResultCode#DUPLICATE_POSITION}. */
    DUPLICATE_POSITION(ResultCode.DUPLICATE_POSITION),
    /** {@link ResultCode#INCONSISTENT_SPACING}: missing slices, uneven spacing. */
    INCONSISTENT_SPACING(ResultCode.INCONSISTENT_SPACING),
    /** {@link ResultCode#INVALID_GEOMETRY}. */
    INVALID_GEOMETRY(ResultCode.INVALID_GEOMETRY);

    private final ResultCode resultCode;

    SeriesAssemblyErrorCode(ResultCode resultCode) {
        this.resultCode = resultCode;
    }

    /** @return the catalogue entry this constant stands for (same spelling) */
    public ResultCode resultCode() {
        return resultCode;
    }
}
