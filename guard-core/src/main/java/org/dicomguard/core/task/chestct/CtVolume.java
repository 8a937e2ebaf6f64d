package org.dicomguard.core.task.chestct;

import java.util.List;
import java.util.Objects;

/**
 * A CT series assembled into one volume of Hounsfield units, slices ordered by ascending
 * position along the slice normal (row direction x column direction; for axial LPS images that
 * is from feet to head).
 *
 * <p>Values are HU rounded to the nearest integer and clamped to the 16-bit signed range, which
 * loses at most 0.5 HU for non-integer rescale slopes and halves memory against float.
 *
 * <p>The array is not copied: callers must not modify it after construction. Safe to share
 * between threads under that rule.
 *
 * @param depth            number of slices, >= 1
 * @param height           rows per slice, >= 1
 * @param width            columns per slice, >= 1
 * @param huValues         HU, index {@code (z * height + y) * width + x}, length depth * height * width
 * @param sliceSpacingMm   median distance between neighbouring slice centers along the normal, mm, > 0
 * @param rowSpacingMm     distance between row centers (first value of PixelSpacing), mm, > 0
 * @param columnSpacingMm  distance between column centers (second value of PixelSpacing), mm, > 0
 * @param seriesInstanceUid the series all slices belong to
 * @param sopInstanceUids  SOPInstanceUID of each slice in volume order, size depth
 */
public record CtVolume(
        int depth,
        int height,
        int width,
        short[] huValues,
        double sliceSpacingMm,
        double rowSpacingMm,
        double columnSpacingMm,
        String seriesInstanceUid,
        List<String> sopInstanceUids) {

    /** Validates sizes and spacings; copies the UID list. */
    public CtVolume {
        Objects.requireNonNull(huValues, "huValues");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        sopInstanceUids = List.copyOf(sopInstanceUids);
        if (depth < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("depth, height and width must be >= 1, got " + depth + " x " + height
                    + " x " + width);
        }
        if ((long) depth * height * width != huValues.length) {
            throw new IllegalArgumentException("huValues must have depth * height * width = "
                    + (long) depth * height * width + " entries, got " + huValues.length);
        }
        if (sopInstanceUids.size() != depth) {
            throw new IllegalArgumentException("sopInstanceUids must have depth = " + depth + " entries, got "
                    + sopInstanceUids.size());
        }
        for (double spacing : new double[] {sliceSpacingMm, rowSpacingMm, columnSpacingMm}) {
            if (!(spacing > 0) || !Double.isFinite(spacing)) {
                throw new IllegalArgumentException("spacings must be finite and > 0 mm, got slice " + sliceSpacingMm
                        + ", row " + rowSpacingMm + ", column " + columnSpacingMm);
            }
        }
    }

    /** @return depth * height * width */
    public int voxelCount() {
        return huValues.length;
    }

    /** @return the volume of one voxel in millilitres */
    public double voxelVolumeMl() {
        return sliceSpacingMm * rowSpacingMm * columnSpacingMm / 1000.0;
    }
}
