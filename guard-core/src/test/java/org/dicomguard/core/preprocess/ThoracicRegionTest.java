package org.dicomguard.core.preprocess;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ThoracicRegionTest {

    /** Two lung blobs on a 50 x 50 grid: rows 10..39, left lung columns 8..19, right lung 30..41. */
    static byte[] twoLungs(int rows, int columns, int rightLungLastRow) {
        byte[] lungs = new byte[rows * columns];
        for (int y = 10; y < 40; y++) {
            for (int x = 8; x < 20; x++) {
                lungs[y * columns + x] = 1;
            }
            for (int x = 30; x < 42 && y <= rightLungLastRow; x++) {
                lungs[y * columns + x] = 1;
            }
        }
        return lungs;
    }

    @Test
    void fromLungs_twoLungs_fillsMediastinumAndAddsOnePixelBand() {
        byte[] region = ThoracicRegion.fromLungs(twoLungs(50, 50, 39), 1, 50, 50);
        // Between the lungs (mediastinum) is inside; the band is round(0.02 * 50) = 1 pixel.
        assertEquals(1, region[25 * 50 + 25]);
        assertEquals(1, region[9 * 50 + 7]);
        assertEquals(0, region[8 * 50 + 25]);
        assertEquals(0, region[25 * 50 + 6]);
        assertEquals(1, region[25 * 50 + 42]);
        assertEquals(0, region[25 * 50 + 43]);
        assertEquals(0, region[45 * 50 + 25]);
    }

    @Test
    void fromLungs_fluidTookOneLungsBase_mirrorCoversIt() {
        // The right lung ends at row 29 (fluid below it); the left lung goes on to row 39.
        byte[] region = ThoracicRegion.fromLungs(twoLungs(50, 50, 29), 1, 50, 50);
        // Row 35 holds only the left lung (8..19); its mirror image (30..41) is inside too.
        assertEquals(1, region[35 * 50 + 35]);
        assertEquals(1, region[35 * 50 + 41]);
        assertEquals(0, region[35 * 50 + 44]);
    }

    @Test
    void fromLungs_volume_bandAlongSlicesToo() {
        int depth = 50;
        byte[] lungs = new byte[depth * 10 * 10];
        lungs[(25 * 10 + 5) * 10 + 5] = 1;
        byte[] region = ThoracicRegion.fromLungs(lungs, depth, 10, 10);
        assertEquals(1, region[(26 * 10 + 5) * 10 + 5]);
        assertEquals(0, region[(27 * 10 + 5) * 10 + 5]);
        assertEquals(1, region[(25 * 10 + 6) * 10 + 5]);
    }

    @Test
    void fromLungs_emptyMask_emptyRegion() {
        byte[] region = ThoracicRegion.fromLungs(new byte[100], 1, 10, 10);
        for (byte b : region) {
            assertEquals(0, b);
        }
    }

    @Test
    void fromLungs_wrongLength_rejected() {
        assertThrows(IllegalArgumentException.class, () -> ThoracicRegion.fromLungs(new byte[99], 1, 10, 10));
    }
}
