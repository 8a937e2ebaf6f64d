package org.dicomguard.core.task.mammography;

import org.dicomguard.core.preprocess.CropBox;

/**
 * Area, bounding box, left/right balance and chest-wall contact of a run-length mask.
 *
 * <p>Immutable once computed.
 */
final class MaskGeometry {

    private final int rows;
    private final int columns;
    private final long area;
    private final long leftHalfArea;
    private final int rowMin;
    private final int rowMax;
    private final int columnMin;
    private final int columnMax;
    private final int rowsTouchingLeftEdge;
    private final int rowsTouchingRightEdge;

    private MaskGeometry(int rows, int columns, long area, long leftHalfArea, int rowMin, int rowMax, int columnMin,
                         int columnMax, int rowsTouchingLeftEdge, int rowsTouchingRightEdge) {
        this.rows = rows;
        this.columns = columns;
        this.area = area;
        this.leftHalfArea = leftHalfArea;
        this.rowMin = rowMin;
        this.rowMax = rowMax;
        this.columnMin = columnMin;
        this.columnMax = columnMax;
        this.rowsTouchingLeftEdge = rowsTouchingLeftEdge;
        this.rowsTouchingRightEdge = rowsTouchingRightEdge;
    }

    static MaskGeometry of(RunLengthMask mask, int rows, int columns) {
        long area = 0;
        long left = 0;
        int half = columns / 2;
        int rowMin = Integer.MAX_VALUE;
        int rowMax = -1;
        int columnMin = Integer.MAX_VALUE;
        int columnMax = -1;
        int touchLeft = 0;
        int touchRight = 0;
        for (int i = 0; i < mask.runCount(); i++) {
            int start = mask.runStart(i);
            int end = mask.runEnd(i);
            int row = mask.runRow(i);
            area += end - start;
            left += Math.max(0, Math.min(end, half) - start);
            rowMin = Math.min(rowMin, row);
            rowMax = Math.max(rowMax, row);
            columnMin = Math.min(columnMin, start);
            columnMax = Math.max(columnMax, end - 1);
            touchLeft += start == 0 ? 1 : 0;
            touchRight += end == columns ? 1 : 0;
        }
        return new MaskGeometry(rows, columns, area, left, rowMin, rowMax, columnMin, columnMax, touchLeft, touchRight);
    }

    long area() {
        return area;
    }

    int boundingBoxRows() {
        return area == 0 ? 0 : rowMax - rowMin + 1;
    }

    int boundingBoxColumns() {
        return area == 0 ? 0 : columnMax - columnMin + 1;
    }

    /**
     * @param laterality used only when the mask is empty or perfectly balanced: "R" means chest wall right
     * @return true when the chest wall is on the right image side
     */
    boolean chestWallOnRight(String laterality) {
        long right = area - leftHalfArea;
        if (right == leftHalfArea) {
            return "R".equals(laterality);
        }
        return right > leftHalfArea;
    }

    /** @return rows of the mask touching the chest-wall image edge, as a fraction of the bounding-box rows */
    double chestWallContactFraction(boolean chestWallRight) {
        if (area == 0) {
            return 0;
        }
        return (double) (chestWallRight ? rowsTouchingRightEdge : rowsTouchingLeftEdge) / boundingBoxRows();
    }

    /** @return the bounding box widened by the margin on each side and clipped; the whole image when empty */
    CropBox cropBox(double marginFraction) {
        if (area == 0) {
            return new CropBox(0, 0, rows, columns);
        }
        int marginRows = (int) Math.round(marginFraction * boundingBoxRows());
        int marginColumns = (int) Math.round(marginFraction * boundingBoxColumns());
        int r0 = Math.max(0, rowMin - marginRows);
        int r1 = Math.min(rows, rowMax + 1 + marginRows);
        int c0 = Math.max(0, columnMin - marginColumns);
        int c1 = Math.min(columns, columnMax + 1 + marginColumns);
        return new CropBox(r0, c0, r1 - r0, c1 - c0);
    }
}
