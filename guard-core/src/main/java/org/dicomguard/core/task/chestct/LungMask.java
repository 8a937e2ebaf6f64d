package org.dicomguard.core.task.chestct;

import java.util.Objects;

/**
 * A 3D lung mask on the grid of its {@link CtVolume}: 1 for lung (parenchyma with the vessels,
 * nodules and hazy regions inside it), 0 elsewhere; trachea and main bronchi outside the lungs are
 * excluded.
 *
 * <p>The array is not copied: callers must not modify it after construction.
 *
 * @param depth          slices
 * @param height         rows
 * @param width          columns
 * @param voxels         0/1, index {@code (z * height + y) * width + x}, length depth * height * width
 * @param componentCount number of lung components kept (0, 1 or 2)
 * @param lungVoxelCount number of set voxels
 */
public record LungMask(int depth, int height, int width, byte[] voxels, int componentCount, long lungVoxelCount) {

    /** Validates sizes. */
    public LungMask {
        Objects.requireNonNull(voxels, "voxels");
        if ((long) depth * height * width != voxels.length) {
            throw new IllegalArgumentException("voxels must have depth * height * width = "
                    + (long) depth * height * width + " entries, got " + voxels.length);
        }
        if (componentCount < 0 || componentCount > 2) {
            throw new IllegalArgumentException("componentCount must be in [0, 2], got " + componentCount);
        }
    }

    /** @return true when no voxel is lung */
    public boolean isEmpty() {
        return lungVoxelCount == 0;
    }
}
