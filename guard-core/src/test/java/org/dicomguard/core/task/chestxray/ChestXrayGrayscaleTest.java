package org.dicomguard.core.task.chestxray;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The grayscale pipeline order of PS3.3 C.11: rescale, then VOI, then MONOCHROME1 inversion. */
class ChestXrayGrayscaleTest {

    private static ChestXrayImageInput image(String photometric, double slope, double intercept, ChestXrayVoi voi,
                                             short... values) {
        return new ChestXrayImageInput(1, values.length, values, 12, 0, photometric, slope, intercept, voi, 0.15, 0.15);
    }

    @Test
    void table_linearWindow_followsPs33Formula() {
        // PS3.3 C.11.2.1.2.1, c = 2048, w = 4096: x <= c - 0.5 - (w-1)/2 -> 0; else (x - (c - 0.5)) / (w - 1) + 0.5
        float[] t = ChestXrayGrayscale.table(image("MONOCHROME2", 1, 0, new ChestXrayVoi.Window(2048, 4096, ""),
                (short) 0, (short) 1000, (short) 4095));
        assertEquals(0.0, t[0], 1e-6);
        assertEquals((1000 - 2047.5) / 4095 + 0.5, t[1000], 1e-6);
        assertEquals(1.0, t[4095], 1e-6);
    }

    @Test
    void table_rescaleBeforeWindow_windowInModalityUnits() {
        // slope 2, intercept -1000: stored 1000 -> modality 1000, the window centre.
        float[] t = ChestXrayGrayscale.table(image("MONOCHROME2", 2, -1000,
                new ChestXrayVoi.Window(1000, 200, "LINEAR_EXACT"), (short) 1000));
        assertEquals(0.5, t[1000], 1e-6);
        assertEquals(0.0, t[900], 1e-6);
        assertEquals(1.0, t[1100], 1e-6);
    }

    @Test
    void table_monochrome1_invertsAfterVoi() {
        ChestXrayVoi window = new ChestXrayVoi.Window(1000, 1000, "LINEAR_EXACT");
        float[] m2 = ChestXrayGrayscale.table(image("MONOCHROME2", 1, 0, window, (short) 600));
        float[] m1 = ChestXrayGrayscale.table(image("MONOCHROME1", 1, 0, window, (short) 600));
        assertEquals(0.1, m2[600], 1e-6);
        assertEquals(0.9, m1[600], 1e-6);
    }

    @Test
    void table_sigmoid_isHalfAtCentre() {
        float[] t = ChestXrayGrayscale.table(image("MONOCHROME2", 1, 0, new ChestXrayVoi.Window(500, 100, "SIGMOID"),
                (short) 500));
        assertEquals(0.5, t[500], 1e-6);
        assertEquals(1 / (1 + Math.exp(-4.0 * 50 / 100)), t[550], 1e-6);
    }

    @Test
    void table_voiLut_mapsThroughEntriesAndClampsOutside() {
        ChestXrayVoi lut = new ChestXrayVoi.Lut(100, 8, new int[]{0, 51, 255});
        float[] t = ChestXrayGrayscale.table(image("MONOCHROME2", 1, 0, lut, (short) 101));
        assertEquals(0.0, t[50], 1e-6);
        assertEquals(0.2, t[101], 1e-6);
        assertEquals(1.0, t[4000], 1e-6);
    }

    @Test
    void table_noVoi_mapsImageModalityRange() {
        float[] t = ChestXrayGrayscale.table(image("MONOCHROME2", 1, 0, new ChestXrayVoi.None(),
                (short) 100, (short) 300));
        assertEquals(0.0, t[100], 1e-6);
        assertEquals(0.5, t[200], 1e-6);
        assertEquals(1.0, t[300], 1e-6);
    }

    @Test
    void window_linearWidthBelowOne_rejectedWithName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChestXrayVoi.Window(10, 0.5, "LINEAR"));
        assertEquals(true, e.getMessage().contains("WindowWidth"));
    }
}
