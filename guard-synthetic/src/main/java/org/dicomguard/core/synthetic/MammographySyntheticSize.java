package org.dicomguard.core.synthetic;

/**
 * Detector geometry of synthetic mammograms.
 *
 * <p>{@link #REALISTIC} alternates between two common full-field detector formats per study;
 * {@link #fixed(int, int)} gives one reduced size for fast tests and small demo packs (pixel
 * spacing is scaled so that the breast keeps its physical size of roughly 180 x 240 mm).
 *
 * @param rows    Rows of every image, or 0 for the realistic mix
 * @param columns Columns of every image, or 0 for the realistic mix
 */
public record MammographySyntheticSize(int rows, int columns) {

    /** Full-size detectors: 3328 x 2560 at 0.07 mm and 2294 x 1914 at 0.1 mm, chosen per study. */
    public static final MammographySyntheticSize REALISTIC = new MammographySyntheticSize(0, 0);

    /** Validates the size. */
    public MammographySyntheticSize {
        boolean realistic = rows == 0 && columns == 0;
        if (!realistic && (rows < 32 || columns < 32 || rows > 8192 || columns > 8192)) {
            throw new IllegalArgumentException("rows and columns must be in [32, 8192] (or both 0 for realistic), got "
                    + rows + "x" + columns);
        }
    }

    /**
     * @param rows    Rows, in [32, 8192]
     * @param columns Columns, in [32, 8192]
     * @return a fixed reduced or custom size
     */
    public static MammographySyntheticSize fixed(int rows, int columns) {
        return new MammographySyntheticSize(rows, columns);
    }

    /** @return true for the realistic mix of detector formats */
    public boolean isRealistic() {
        return rows == 0;
    }
}
