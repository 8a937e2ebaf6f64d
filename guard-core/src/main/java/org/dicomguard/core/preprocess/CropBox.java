package org.dicomguard.core.preprocess;

/**
 * A rectangle in original image pixel coordinates (before any flip).
 *
 * @param rowStart     first row, &gt;= 0
 * @param columnStart  first column, &gt;= 0
 * @param rowCount     number of rows, &gt;= 1
 * @param columnCount  number of columns, &gt;= 1
 */
public record CropBox(int rowStart, int columnStart, int rowCount, int columnCount) {

    /** Validates the rectangle. */
    public CropBox {
        if (rowStart < 0 || columnStart < 0 || rowCount < 1 || columnCount < 1) {
            throw new IllegalArgumentException("crop box needs rowStart, columnStart >= 0 and counts >= 1, got "
                    + rowStart + "," + columnStart + " " + rowCount + "x" + columnCount);
        }
    }

    /** @return one past the last row */
    public int rowEnd() {
        return rowStart + rowCount;
    }

    /** @return one past the last column */
    public int columnEnd() {
        return columnStart + columnCount;
    }

    /**
     * The crop row whose pixel holds the center of a row of a grid the crop was resampled to
     * (nearest sampling); what mask lookups on the model input's grid use.
     *
     * @param gridRow    row of the resampled grid, in [0, gridHeight)
     * @param gridHeight rows of the resampled grid, &gt;= 1
     * @return a row in [rowStart, rowEnd)
     */
    public int nearestRow(int gridRow, int gridHeight) {
        return rowStart + Math.min(rowCount - 1, (int) ((gridRow + 0.5) * rowCount / gridHeight));
    }

    /**
     * @param gridColumn column of the resampled grid, in [0, gridWidth)
     * @param gridWidth  columns of the resampled grid, &gt;= 1
     * @return the crop column holding that column's center, in [columnStart, columnEnd)
     * @see #nearestRow(int, int)
     */
    public int nearestColumn(int gridColumn, int gridWidth) {
        return columnStart + Math.min(columnCount - 1, (int) ((gridColumn + 0.5) * columnCount / gridWidth));
    }
}
