package org.dicomguard.core.preprocess;

/**
 * Binary morphology on 3D byte masks (0 = unset, 1 = set), index {@code (z * height + y) * width + x}.
 *
 * <p>Design note: box structuring elements are separable, so dilation and erosion are three 1D
 * passes, each linear in the voxel count whatever the radius: a forward sweep remembers the last
 * set (or unset) position per line and a backward sweep the next one (van Herk 1992 and Gil &amp;
 * Werman 1993 give the general min/max filter; for binary data the distance to the last hit is
 * enough). Lines are swept plane by plane with one int per line so that the inner loop reads
 * memory contiguously for all three axes. Voxels outside the volume count as unset for dilation
 * and as set for erosion, so a mask touching the border is not eroded from that side.
 *
 * <p>Hole filling is 2D per slice: a hole is an unset region not 4-connected to the slice border.
 *
 * <p>Stateless and thread-safe; every method documents which arrays it modifies.
 */
public final class CtBinaryMorphology {

    private static final int FAR = Integer.MAX_VALUE / 4;

    private CtBinaryMorphology() {
    }

    /**
     * Dilation by a box of half-widths (rz, ry, rx) voxels.
     *
     * @param mask input, not modified
     * @return a new mask
     */
    public static byte[] dilate(byte[] mask, int depth, int height, int width, int rz, int ry, int rx) {
        return box(mask, depth, height, width, rz, ry, rx, true);
    }

    /**
     * Erosion by a box of half-widths (rz, ry, rx) voxels; outside the volume counts as set.
     *
     * @param mask input, not modified
     * @return a new mask
     */
    public static byte[] erode(byte[] mask, int depth, int height, int width, int rz, int ry, int rx) {
        return box(mask, depth, height, width, rz, ry, rx, false);
    }

    /** The box is separable: one sweep along x, then y, then z. */
    private static byte[] box(byte[] mask, int depth, int height, int width, int rz, int ry, int rx,
                              boolean dilate) {
        byte[] a = mask.clone();
        byte[] b = new byte[mask.length];
        sweep(a, b, depth * height, width, 1, rx, dilate);
        sweep(b, a, depth, height, width, ry, dilate);
        sweep(a, b, 1, depth, height * width, rz, dilate);
        return b;
    }

    /**
     * One axis of a box filter. Lines are {@code outer} blocks of {@code length} planes of
     * {@code inner} voxels; the filter runs along the planes.
     *
     * @param src    input, not modified
     * @param dst    output, overwritten
     * @param dilate true for dilation (any set within r), false for erosion (no unset within r)
     */
    private static void sweep(byte[] src, byte[] dst, int outer, int length, int inner, int r, boolean dilate) {
        if (r == 0) {
            System.arraycopy(src, 0, dst, 0, src.length);
            return;
        }
        if (inner == 1) {
            sweepContiguous(src, dst, outer, length, r, dilate);
            return;
        }
        byte hit = dilate ? (byte) 1 : (byte) 0;
        int[] last = new int[inner];
        for (int o = 0; o < outer; o++) {
            int block = o * length * inner;
            java.util.Arrays.fill(last, -FAR);
            for (int i = 0; i < length; i++) {
                int row = block + i * inner;
                for (int j = 0; j < inner; j++) {
                    if (src[row + j] == hit) {
                        last[j] = i;
                    }
                    boolean near = i - last[j] <= r;
                    dst[row + j] = (byte) (dilate ? (near ? 1 : 0) : (near ? 0 : 1));
                }
            }
            java.util.Arrays.fill(last, FAR);
            for (int i = length - 1; i >= 0; i--) {
                int row = block + i * inner;
                for (int j = 0; j < inner; j++) {
                    if (src[row + j] == hit) {
                        last[j] = i;
                    }
                    if (last[j] - i <= r) {
                        dst[row + j] = dilate ? (byte) 1 : (byte) 0;
                    }
                }
            }
        }
    }

    /** The same filter along contiguous lines (the x axis), with the line state in locals. */
    private static void sweepContiguous(byte[] src, byte[] dst, int lines, int length, int r, boolean dilate) {
        byte hit = dilate ? (byte) 1 : (byte) 0;
        byte near = dilate ? (byte) 1 : (byte) 0;
        byte far = dilate ? (byte) 0 : (byte) 1;
        for (int line = 0; line < lines; line++) {
            int start = line * length;
            int last = -FAR;
            for (int i = 0; i < length; i++) {
                if (src[start + i] == hit) {
                    last = i;
                }
                dst[start + i] = i - last <= r ? near : far;
            }
            last = FAR;
            for (int i = length - 1; i >= 0; i--) {
                if (src[start + i] == hit) {
                    last = i;
                }
                if (last - i <= r) {
                    dst[start + i] = near;
                }
            }
        }
    }

    /**
     * Fills, slice by slice, every unset region not 4-connected to the slice border.
     *
     * @param mask modified in place
     */
    public static void fillHolesPerSlice(byte[] mask, int depth, int height, int width) {
        int plane = height * width;
        byte[] outside = new byte[plane];
        int[] queue = new int[plane];
        char[] columnOf = CtConnectedComponents.columnLookup(height, width);
        for (int z = 0; z < depth; z++) {
            int base = z * plane;
            java.util.Arrays.fill(outside, (byte) 0);
            CtConnectedComponents.floodSliceFromBorder(mask, base, false, outside, 0, height, width, columnOf, queue);
            for (int p = 0; p < plane; p++) {
                if (outside[p] == 0) {
                    mask[base + p] = 1;
                }
            }
        }
    }
}
