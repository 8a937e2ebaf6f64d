package org.dicomguard.core.preprocess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CtConnectedComponentsTest {

    @Test
    void reachableFromInPlaneBorder_pocketOpenOnlyThroughNextSlice_reached() {
        // 3 slices of 5 x 5. Slice 1 holds an enclosed air voxel at (2,2); slice 2 connects it
        // to the border through a channel along row 2. Slice 0 holds an enclosed voxel with no way out.
        int d = 3;
        int h = 5;
        int w = 5;
        byte[] air = new byte[d * h * w];
        air[(0 * h + 2) * w + 2] = 1;
        air[(1 * h + 2) * w + 2] = 1;
        for (int x = 0; x <= 2; x++) {
            air[(2 * h + 2) * w + x] = 1;
        }
        byte[] reached = CtConnectedComponents.reachableFromInPlaneBorder(air, d, h, w);
        assertEquals(1, reached[(2 * h + 2) * w + 0], "border voxel");
        assertEquals(1, reached[(1 * h + 2) * w + 2], "reached through the next slice");
        assertEquals(1, reached[(0 * h + 2) * w + 2], "reached through two slices");
        air[(2 * h + 2) * w + 1] = 0;
        reached = CtConnectedComponents.reachableFromInPlaneBorder(air, d, h, w);
        assertEquals(0, reached[(1 * h + 2) * w + 2], "channel cut: enclosed");
    }

    @Test
    void componentsBySize_twoBlobs_largestFirstWithCounts() {
        int d = 2;
        int h = 4;
        int w = 6;
        byte[] mask = new byte[d * h * w];
        mask[0] = 1;
        mask[w] = 1;
        mask[h * w] = 1;
        mask[5] = 1;
        long[][] components = CtConnectedComponents.componentsBySize(mask, d, h, w);
        assertEquals(2, components.length);
        assertEquals(3, components[0][1]);
        assertEquals(0, components[0][0]);
        assertEquals(1, components[1][1]);
        byte[] kept = CtConnectedComponents.keepComponents(mask, d, h, w, new int[] {5});
        assertEquals(1, kept[5]);
        assertEquals(0, kept[0]);
    }
}
