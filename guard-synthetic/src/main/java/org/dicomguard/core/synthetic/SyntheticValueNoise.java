package org.dicomguard.core.synthetic;

/**
 * Smooth random texture in [0, 1]: random values on a coarse grid, bilinearly interpolated.
 *
 * <p>Design note: a cheap stand-in for fibroglandular texture and soft-tissue structure that is
 * deterministic and needs no transcendental functions per pixel. Immutable and thread-safe.
 */
public final class SyntheticValueNoise {

    private final int gridSize;
    private final float[] grid;

    /**
     * @param random   source of the grid values, advanced by this constructor
     * @param gridSize number of grid cells per side, &gt;= 2; larger gives finer texture
     */
    public SyntheticValueNoise(SyntheticRandom random, int gridSize) {
        if (gridSize < 2) {
            throw new IllegalArgumentException("gridSize must be >= 2, got " + gridSize);
        }
        this.gridSize = gridSize;
        this.grid = new float[(gridSize + 1) * (gridSize + 1)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = (float) random.uniform();
        }
    }

    /**
     * @param u horizontal position in [0, 1] (clamped)
     * @param v vertical position in [0, 1] (clamped)
     * @return interpolated value in [0, 1]
     */
    public double sample(double u, double v) {
        double gx = clamp01(u) * gridSize;
        double gy = clamp01(v) * gridSize;
        int x0 = Math.min((int) gx, gridSize - 1);
        int y0 = Math.min((int) gy, gridSize - 1);
        double fx = gx - x0;
        double fy = gy - y0;
        int stride = gridSize + 1;
        double top = grid[y0 * stride + x0] * (1 - fx) + grid[y0 * stride + x0 + 1] * fx;
        double bottom = grid[(y0 + 1) * stride + x0] * (1 - fx) + grid[(y0 + 1) * stride + x0 + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private static double clamp01(double value) {
        return value < 0 ? 0 : (value > 1 ? 1 : value);
    }
}
