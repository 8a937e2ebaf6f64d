package org.dicomguard.core.synthetic;

import java.util.SplittableRandom;

/**
 * The working volume of the synthetic generator: HU as float, ground-truth lung mask, and the
 * conversion between voxel indices and patient millimetres (x to the patient's left, y to the
 * back, z to the head, origin at the volume center). Also the generator's seeded random source.
 *
 * <p>Not thread-safe: one canvas per generated study.
 */
final class CtSyntheticCanvas {
    final int depth;
    final int height;
    final int width;
    final double pixelSpacingMm;
    final double sliceSpacingMm;
    final float[] hu;
    final byte[] lung;
    private final SplittableRandom random;

    CtSyntheticCanvas(ChestCtSyntheticOptions options, long seed) {
        this.depth = options.sliceCount();
        this.height = options.rows();
        this.width = options.columns();
        this.pixelSpacingMm = options.pixelSpacingMm();
        this.sliceSpacingMm = options.sliceSpacingMm();
        this.hu = new float[depth * height * width];
        this.lung = new byte[hu.length];
        this.random = new SplittableRandom(seed);
    }

    double xMm(int column) {
        return (column - (width - 1) / 2.0) * pixelSpacingMm;
    }

    double yMm(int row) {
        return (row - (height - 1) / 2.0) * pixelSpacingMm;
    }

    double zMm(int slice) {
        return (slice - (depth - 1) / 2.0) * sliceSpacingMm;
    }

    int columnAt(double xMm) {
        return (int) Math.round(xMm / pixelSpacingMm + (width - 1) / 2.0);
    }

    int rowAt(double yMm) {
        return (int) Math.round(yMm / pixelSpacingMm + (height - 1) / 2.0);
    }

    int sliceAt(double zMm) {
        return (int) Math.round(zMm / sliceSpacingMm + (depth - 1) / 2.0);
    }

    /** @return the half-extent in mm of the scanned length */
    double halfLengthMm() {
        return depth * sliceSpacingMm / 2.0;
    }

    double uniform(double min, double max) {
        return min + (max - min) * random.nextDouble();
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int integer(int minInclusive, int maxInclusive) {
        return minInclusive + random.nextInt(maxInclusive - minInclusive + 1);
    }

    /** @return an approximately standard normal value (sum of four uniforms; cheap and bounded) */
    double gaussian() {
        return (random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2.0)
                * 1.7320508075688772;
    }

    /**
     * Applies {@code painter} to every voxel within a sphere-bounding box, giving the squared
     * normalized distance {@code (dx/rx)^2 + (dy/ry)^2 + (dz/rz)^2} to the center.
     */
    void forEachInEllipsoid(double cx, double cy, double cz, double rx, double ry, double rz, VoxelPainter painter) {
        int z0 = Math.max(0, sliceAt(cz - rz) - 1);
        int z1 = Math.min(depth - 1, sliceAt(cz + rz) + 1);
        int y0 = Math.max(0, rowAt(cy - ry) - 1);
        int y1 = Math.min(height - 1, rowAt(cy + ry) + 1);
        int x0 = Math.max(0, columnAt(cx - rx) - 1);
        int x1 = Math.min(width - 1, columnAt(cx + rx) + 1);
        for (int z = z0; z <= z1; z++) {
            double dz = (zMm(z) - cz) / rz;
            for (int y = y0; y <= y1; y++) {
                double dy = (yMm(y) - cy) / ry;
                int row = (z * height + y) * width;
                for (int x = x0; x <= x1; x++) {
                    double dx = (xMm(x) - cx) / rx;
                    double r2 = dx * dx + dy * dy + dz * dz;
                    if (r2 <= 1.0) {
                        painter.paint(row + x, r2);
                    }
                }
            }
        }
    }

    /**
     * Applies {@code painter} to every voxel within {@code radiusMm} of the segment a-b, giving
     * the squared distance in mm^2.
     */
    void forEachNearSegment(double[] a, double[] b, double radiusMm, VoxelPainter painter) {
        int z0 = Math.max(0, sliceAt(Math.min(a[2], b[2]) - radiusMm) - 1);
        int z1 = Math.min(depth - 1, sliceAt(Math.max(a[2], b[2]) + radiusMm) + 1);
        int y0 = Math.max(0, rowAt(Math.min(a[1], b[1]) - radiusMm) - 1);
        int y1 = Math.min(height - 1, rowAt(Math.max(a[1], b[1]) + radiusMm) + 1);
        int x0 = Math.max(0, columnAt(Math.min(a[0], b[0]) - radiusMm) - 1);
        int x1 = Math.min(width - 1, columnAt(Math.max(a[0], b[0]) + radiusMm) + 1);
        double[] ab = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
        double abLength2 = Math.max(1e-9, ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2]);
        double radius2 = radiusMm * radiusMm;
        for (int z = z0; z <= z1; z++) {
            double pz = zMm(z) - a[2];
            for (int y = y0; y <= y1; y++) {
                double py = yMm(y) - a[1];
                int row = (z * height + y) * width;
                for (int x = x0; x <= x1; x++) {
                    double px = xMm(x) - a[0];
                    double t = Math.max(0, Math.min(1, (px * ab[0] + py * ab[1] + pz * ab[2]) / abLength2));
                    double ex = px - t * ab[0];
                    double ey = py - t * ab[1];
                    double ez = pz - t * ab[2];
                    double d2 = ex * ex + ey * ey + ez * ez;
                    if (d2 <= radius2) {
                        painter.paint(row + x, d2);
                    }
                }
            }
        }
    }

    /** Receives one voxel index and a squared distance measure. */
    @FunctionalInterface
    interface VoxelPainter {
        void paint(int index, double squaredDistance);
    }
}
