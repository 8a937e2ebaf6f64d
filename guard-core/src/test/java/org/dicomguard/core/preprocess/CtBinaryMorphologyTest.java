package org.dicomguard.core.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CtBinaryMorphologyTest {

    /** Brute-force box filter: the reference the separable sweeps must equal. */
    private static byte[] reference(byte[] mask, int d, int h, int w, int rz, int ry, int rx, boolean dilate) {
        byte[] out = new byte[mask.length];
        for (int z = 0; z < d; z++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    boolean any = false;
                    boolean all = true;
                    for (int dz = -rz; dz <= rz; dz++) {
                        for (int dy = -ry; dy <= ry; dy++) {
                            for (int dx = -rx; dx <= rx; dx++) {
                                int zz = z + dz;
                                int yy = y + dy;
                                int xx = x + dx;
                                boolean inside = zz >= 0 && zz < d && yy >= 0 && yy < h && xx >= 0 && xx < w;
                                // Outside counts as unset for dilation and as set for erosion.
                                boolean set = inside && mask[(zz * h + yy) * w + xx] != 0;
                                any |= set;
                                all &= inside ? set : true;
                            }
                        }
                    }
                    out[(z * h + y) * w + x] = (byte) ((dilate ? any : all) ? 1 : 0);
                }
            }
        }
        return out;
    }

    @Test
    void dilateAndErode_randomMasks_equalBruteForceBox() {
        Random random = new Random(3);
        int d = 5;
        int h = 7;
        int w = 9;
        for (int trial = 0; trial < 20; trial++) {
            byte[] mask = new byte[d * h * w];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (random.nextDouble() < 0.3 + 0.03 * trial ? 1 : 0);
            }
            int rz = random.nextInt(2);
            int ry = random.nextInt(3);
            int rx = random.nextInt(3);
            assertEquals(java.util.Arrays.toString(reference(mask, d, h, w, rz, ry, rx, true)),
                    java.util.Arrays.toString(CtBinaryMorphology.dilate(mask, d, h, w, rz, ry, rx)), "dilate " + trial);
            assertEquals(java.util.Arrays.toString(reference(mask, d, h, w, rz, ry, rx, false)),
                    java.util.Arrays.toString(CtBinaryMorphology.erode(mask, d, h, w, rz, ry, rx)), "erode " + trial);
        }
    }

    @Test
    void fillHolesPerSlice_ringWithHoleAndOpenNotch_fillsOnlyTheHole() {
        int h = 7;
        int w = 7;
        byte[] mask = new byte[h * w];
        for (int y = 1; y <= 5; y++) {
            for (int x = 1; x <= 5; x++) {
                mask[y * w + x] = 1;
            }
        }
        mask[3 * w + 3] = 0;
        mask[1 * w + 3] = 0;
        mask[2 * w + 3] = 0;
        // (3,3) connects to the notch at (1..2, 3), which opens to row 0: not a hole.
        byte[] copy = mask.clone();
        CtBinaryMorphology.fillHolesPerSlice(copy, 1, h, w);
        assertEquals(0, copy[3 * w + 3]);
        mask[1 * w + 3] = 1;
        CtBinaryMorphology.fillHolesPerSlice(mask, 1, h, w);
        assertEquals(1, mask[3 * w + 3], "enclosed pocket is filled");
        assertEquals(1, mask[2 * w + 3]);
        assertEquals(0, mask[0]);
    }
}
