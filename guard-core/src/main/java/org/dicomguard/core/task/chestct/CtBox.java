package org.dicomguard.core.task.chestct;

/**
 * A half-open box of voxel indices {@code [z0, z1) x [y0, y1) x [x0, x1)} in a volume; also the
 * crop box reported by chest-CT preprocessing.
 *
 * @param z0 first slice, inclusive
 * @param z1 last slice, exclusive
 * @param y0 first row, inclusive
 * @param y1 last row, exclusive
 * @param x0 first column, inclusive
 * @param x1 last column, exclusive
 */
public record CtBox(int z0, int z1, int y0, int y1, int x0, int x1) {

    /** Validates that the box is non-empty and starts at or after 0. */
    public CtBox {
        if (z0 < 0 || y0 < 0 || x0 < 0 || z1 <= z0 || y1 <= y0 || x1 <= x0) {
            throw new IllegalArgumentException("box must be non-empty with non-negative starts, got z [" + z0 + ", "
                    + z1 + "), y [" + y0 + ", " + y1 + "), x [" + x0 + ", " + x1 + ")");
        }
    }

    /**
     * @param mask 0/1 mask, not modified
     * @return the smallest box holding every set voxel, or the whole volume when none is set
     */
    public static CtBox boundingBox(byte[] mask, int depth, int height, int width) {
        int z0 = depth;
        int z1 = -1;
        int y0 = height;
        int y1 = -1;
        int x0 = width;
        int x1 = -1;
        int i = 0;
        for (int z = 0; z < depth; z++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++, i++) {
                    if (mask[i] != 0) {
                        z0 = Math.min(z0, z);
                        z1 = Math.max(z1, z);
                        y0 = Math.min(y0, y);
                        y1 = Math.max(y1, y);
                        x0 = Math.min(x0, x);
                        x1 = Math.max(x1, x);
                    }
                }
            }
        }
        if (z1 < 0) {
            return new CtBox(0, depth, 0, height, 0, width);
        }
        return new CtBox(z0, z1 + 1, y0, y1 + 1, x0, x1 + 1);
    }

    /** @return a box grown by the margins (voxels) on every side, clamped to the volume */
    public CtBox expand(int marginZ, int marginY, int marginX, int depth, int height, int width) {
        return new CtBox(Math.max(0, z0 - marginZ), Math.min(depth, z1 + marginZ), Math.max(0, y0 - marginY),
                Math.min(height, y1 + marginY), Math.max(0, x0 - marginX), Math.min(width, x1 + marginX));
    }

    /** @return z1 - z0 */
    public int depth() {
        return z1 - z0;
    }

    /** @return y1 - y0 */
    public int height() {
        return y1 - y0;
    }

    /** @return x1 - x0 */
    public int width() {
        return x1 - x0;
    }

    /** @param volume source of the volume's height and width, not modified @return the box's voxels */
    byte[] extract(byte[] volume, int height, int width) {
        byte[] out = new byte[depth() * height() * width()];
        int k = 0;
        for (int z = z0; z < z1; z++) {
            for (int y = y0; y < y1; y++) {
                System.arraycopy(volume, (z * height + y) * width + x0, out, k, width());
                k += width();
            }
        }
        return out;
    }

    /** @param sub box voxels, not modified @param volume receives them, modified */
    void paste(byte[] sub, byte[] volume, int height, int width) {
        int k = 0;
        for (int z = z0; z < z1; z++) {
            for (int y = y0; y < y1; y++) {
                System.arraycopy(sub, k, volume, (z * height + y) * width + x0, width());
                k += width();
            }
        }
    }
}
