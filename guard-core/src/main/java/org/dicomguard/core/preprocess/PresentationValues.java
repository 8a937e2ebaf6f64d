package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.mammography.MammographyImageInput;

/**
 * Maps stored pixel values to presentation values in [0, 2^BitsStored - 1] where high means bright
 * (dense tissue), through a 65536-entry lookup table indexed by {@code storedValue & 0xFFFF}.
 *
 * <p>Handles PixelRepresentation (sign extension from BitsStored), bits above BitsStored (ignored, as
 * DICOM PS3.5 8.1.1 says they are not pixel data) and inversion for MONOCHROME1 or a negative
 * RescaleSlope. Stateless and thread-safe.
 */
public final class PresentationValues {

    /** Size of the lookup table: one entry per 16-bit stored value. */
    public static final int TABLE_SIZE = 65536;

    private PresentationValues() {
    }

    /**
     * @param input image whose header decides the mapping, not modified
     * @param into  table of {@link #TABLE_SIZE} entries, overwritten
     */
    public static void fillTable(MammographyImageInput input, char[] into) {
        fillTable(input, into, 0, TABLE_SIZE - 1);
    }

    /**
     * @param input image whose header decides the mapping, not modified
     * @param into  table of {@link #TABLE_SIZE} entries; entries {@code first..last} are overwritten,
     *              the others left as they are
     * @param first first table index to fill, &gt;= 0
     * @param last  last table index to fill, &lt; {@link #TABLE_SIZE}
     */
    public static void fillTable(MammographyImageInput input, char[] into, int first, int last) {
        int bits = input.bitsStored();
        int maxValue = maxValue(input);
        boolean signed = input.pixelRepresentation() == 1;
        boolean invert = input.invertsToPresentation();
        for (int raw = first; raw <= last; raw++) {
            int value = signed ? ((raw << (32 - bits)) >> (32 - bits)) + (1 << (bits - 1)) : raw & maxValue;
            into[raw] = (char) (invert ? maxValue - value : value);
        }
    }

    /**
     * @param input image, not modified
     * @return a new lookup table
     */
    public static char[] table(MammographyImageInput input) {
        char[] table = new char[TABLE_SIZE];
        fillTable(input, table);
        return table;
    }

    /**
     * @param input image
     * @return the largest presentation value, 2^BitsStored - 1
     */
    public static int maxValue(MammographyImageInput input) {
        return (1 << input.bitsStored()) - 1;
    }
}
