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
}
