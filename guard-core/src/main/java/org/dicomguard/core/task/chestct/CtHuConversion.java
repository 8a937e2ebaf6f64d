package org.dicomguard.core.task.chestct;

/**
 * Stored values to Hounsfield units: {@code HU = stored * RescaleSlope + RescaleIntercept}, with
 * the stored value read as unsigned or two's complement per PixelRepresentation.
 *
 * <p>Design note: the integer fast path (slope 1, integer intercept, the usual CT case) avoids
 * floating point per voxel; otherwise values are rounded half-up and clamped to the short range.
 *
 * <p>Stateless and thread-safe.
 */
public final class CtHuConversion {

    private CtHuConversion() {
    }

    /**
     * @param slice  the slice to convert, not modified
     * @param target receives {@code rows * columns} HU values, modified
     * @param offset first index written in {@code target}
     */
    public static void toHu(CtSliceInput slice, short[] target, int offset) {
        short[] stored = slice.storedValues();
        int count = stored.length;
        boolean unsigned = slice.pixelRepresentation() == 0;
        double slope = slice.rescaleSlope();
        double intercept = slice.rescaleInterceptHu();
        if (slope == 1.0 && intercept == Math.rint(intercept) && Math.abs(intercept) < 1e6) {
            int add = (int) intercept;
            for (int i = 0; i < count; i++) {
                int value = (unsigned ? stored[i] & 0xFFFF : stored[i]) + add;
                target[offset + i] = clampToShort(value);
            }
            return;
        }
        for (int i = 0; i < count; i++) {
            double value = (unsigned ? stored[i] & 0xFFFF : stored[i]) * slope + intercept;
            target[offset + i] = clampToShort((int) Math.max(Integer.MIN_VALUE + 1.0,
                    Math.min(Integer.MAX_VALUE - 1.0, Math.floor(value + 0.5))));
        }
    }

    private static short clampToShort(int value) {
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
    }
}
