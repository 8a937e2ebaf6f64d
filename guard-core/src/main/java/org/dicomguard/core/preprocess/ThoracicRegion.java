package org.dicomguard.core.preprocess;

/**
 * The thoracic region a chest task's findings can lie in, drawn from its lung mask on the model
 * input's grid: the lungs, the mediastinum and heart between them (each row of each slice filled
 * from its leftmost to its rightmost lung pixel, and that span's mirror image about the grid's
 * middle column, so fluid that took one lung's place is covered), and a band around both for the
 * pleura and the
 * chest wall's inner edge (a box dilation by {@value #BAND_FRACTION} of the grid's extent per axis).
 *
 * <p>Design note: the lung mask alone is the wrong region for occlusion tests: a pleural effusion
 * is fluid outside the aerated lung and cardiomegaly is the heart between the lungs, so a
 * sound model's evidence for them lies outside the lung mask by anatomy. The band is a fraction
 * of the grid because preprocessing scales the lungs' bounding box to the grid: 6% of it is
 * about 15 to 20 mm of an adult chest. What stays outside is what a shortcut reads: the
 * neck and shoulders, the abdomen below the diaphragm, the corners, markers and collimation.
 *
 * <p>Stateless and thread-safe.
 */
public final class ThoracicRegion {

    /** Half-width of the band, as a fraction of the grid's extent along each axis. */
    public static final double BAND_FRACTION = 0.02;

    private ThoracicRegion() {
    }

    /**
     * @param lungs  0/1 lung mask on the grid, index {@code (z * height + y) * width + x}, not modified
     * @param depth  slices (1 for a 2D image)
     * @param height rows
     * @param width  columns
     * @return a new 0/1 mask of the thoracic region on the same grid; all 0 when the lung mask is
     */
    public static byte[] fromLungs(byte[] lungs, int depth, int height, int width) {
        if ((long) depth * height * width != lungs.length) {
            throw new IllegalArgumentException("lung mask holds " + lungs.length + " values, the grid "
                    + (long) depth * height * width);
        }
        byte[] region = new byte[lungs.length];
        for (int row = 0; row < depth * height; row++) {
            int offset = row * width;
            int first = -1;
            int last = -1;
            for (int x = 0; x < width; x++) {
                if (lungs[offset + x] != 0) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            if (first < 0) {
                continue;
            }
            // Mirrored about the grid's middle: the crop centers the lungs, and a finding that
            // took one lung's place in this row (fluid) sits where the other lung's mirror image is.
            int from = Math.min(first, width - 1 - last);
            int to = Math.max(last, width - 1 - first);
            for (int x = from; x <= to; x++) {
                region[offset + x] = 1;
            }
        }
        dilate(region, depth, height, width, 1, band(width));
        dilate(region, depth, height, width, width, band(height));
        if (depth > 1) {
            dilate(region, depth, height, width, width * height, band(depth));
        }
        return region;
    }

    private static int band(int extent) {
        return extent <= 1 ? 0 : Math.max(1, (int) Math.round(BAND_FRACTION * extent));
    }

    /** One-axis box dilation by {@code radius} along the axis whose neighbours lie {@code stride} apart. */
    private static void dilate(byte[] mask, int depth, int height, int width, int stride, int radius) {
        if (radius == 0) {
            return;
        }
        int length = stride == 1 ? width : stride == width ? height : depth;
        byte[] line = new byte[length];
        int lines = mask.length / length;
        for (int l = 0; l < lines; l++) {
            // The first element of line l along this axis: the other two axes' indices.
            int start = stride == 1 ? l * width
                    : stride == width ? (l / width) * width * height + l % width
                    : l;
            int last = -radius - 1;
            for (int i = 0; i < length; i++) {
                line[i] = mask[start + i * stride];
            }
            for (int i = 0; i < length; i++) {
                if (line[i] != 0) {
                    last = i;
                }
                // Forward pass: within radius after a set element.
                if (i - last <= radius) {
                    mask[start + i * stride] = 1;
                }
            }
            last = length + radius + 1;
            for (int i = length - 1; i >= 0; i--) {
                if (line[i] != 0) {
                    last = i;
                }
                if (last - i <= radius) {
                    mask[start + i * stride] = 1;
                }
            }
        }
    }
}
