package org.dicomguard.core.synthetic;

import org.dicomguard.core.task.chestct.CtSliceInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SyntheticAcquisitionShiftTest {

    private static SyntheticImageHeader header(String photometric) {
        return new SyntheticImageHeader(SyntheticImageHeader.DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION, "MG", "BREAST", "L",
                "CC", 1, 4, 12, 0, photometric, 1.0, 0.0, 0.1, 0.1, "test");
    }

    @Test
    void applyToProjection_gainOnMonochrome2_scalesAndClipsTheStoredValue() {
        short[] out = new SyntheticAcquisitionShift(1.02, 0).applyToProjection(header("MONOCHROME2"),
                new short[] {0, 100, 2000, 4095}, 1);
        assertArrayEquals(new short[] {0, 102, 2040, 4095}, out);
    }

    @Test
    void applyToProjection_gainOnMonochrome1_scalesTheDetectorSignalNotTheStoredValue() {
        // MONOCHROME1 stores max - signal: signal 4095 - 3995 = 100 becomes 102, stored 3993.
        short[] out = new SyntheticAcquisitionShift(1.02, 0).applyToProjection(header("MONOCHROME1"),
                new short[] {4095, 3995, 0}, 1);
        assertArrayEquals(new short[] {4095, 3993, 0}, out);
    }

    @Test
    void applyToProjection_none_returnsTheSameArray() {
        short[] in = {1, 2, 3, 4};
        assertSame(in, SyntheticAcquisitionShift.none().applyToProjection(header("MONOCHROME2"), in, 1));
    }

    @Test
    void applyToProjection_noise_hasTheRequestedSpreadAndIsSeeded() {
        short[] in = new short[20000];
        java.util.Arrays.fill(in, (short) 2000);
        SyntheticAcquisitionShift shift = new SyntheticAcquisitionShift(1, 0.01);
        short[] a = shift.applyToProjection(header("MONOCHROME2"), in, 7);
        assertArrayEquals(a, shift.applyToProjection(header("MONOCHROME2"), in, 7));
        double sum = 0;
        double sum2 = 0;
        for (short v : a) {
            sum += v;
            sum2 += (double) v * v;
        }
        double mean = sum / a.length;
        double sd = Math.sqrt(sum2 / a.length - mean * mean);
        assertEquals(2000, mean, 1.0);
        assertEquals(0.01 * 4095, sd, 0.03 * 0.01 * 4095);
    }

    @Test
    void applyToCt_gain_actsOnAttenuationRelativeToAirAndKeepsPadding() {
        // Signed storage, intercept 0: stored = HU. Air stays, water 0 HU -> 20 HU, bone 1000 -> 1040, padding kept.
        CtSliceInput slice = new CtSliceInput(1, 4, new short[] {-1000, 0, 1000, -3024}, 1, 1.0, 0.0,
                new double[] {0, 0, 0}, new double[] {1, 0, 0, 0, 1, 0}, new double[] {1, 1}, 1.0, "1.2", "1.2.3", 1);
        CtSliceInput out = new SyntheticAcquisitionShift(1.02, 0).applyToCt(slice, 1);
        assertArrayEquals(new short[] {-1000, 20, 1040, -3024}, out.storedValues());
        assertEquals(slice.sopInstanceUid(), out.sopInstanceUid());
    }

    @Test
    void constructor_outOfRange_isRefusedNamingTheValue() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticAcquisitionShift(0.1, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticAcquisitionShift(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticAcquisitionShift(1, 0.5)
                .applyToProjection(header("MONOCHROME2"), new short[1], 1));
    }
}
