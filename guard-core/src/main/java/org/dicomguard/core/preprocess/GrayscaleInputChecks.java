package org.dicomguard.core.preprocess;

/**
 * The checks every single-frame grayscale input of a task shares (mammography, chest radiograph):
 * shape, stored values, bit depth, sign and photometric interpretation. Messages name the field,
 * the value and the allowed range. Stateless.
 */
public final class GrayscaleInputChecks {

    private GrayscaleInputChecks() {
    }

    /**
     * @param rows                      image rows, at least 1
     * @param columns                   image columns, at least 1
     * @param storedValues              rows x columns stored values, not modified
     * @param bitsStored                in [1, 16]
     * @param pixelRepresentation       0 (unsigned) or 1 (two's complement)
     * @param photometricInterpretation MONOCHROME1 or MONOCHROME2
     * @throws IllegalArgumentException naming the first field out of its range
     */
    public static void requireValid(int rows, int columns, short[] storedValues, int bitsStored,
                                    int pixelRepresentation, String photometricInterpretation) {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be >= 1, got " + rows + "x" + columns);
        }
        if (storedValues == null || storedValues.length != (long) rows * columns) {
            throw new IllegalArgumentException("storedValues must hold rows*columns=" + (long) rows * columns
                    + " values, got " + (storedValues == null ? "null" : storedValues.length));
        }
        if (bitsStored < 1 || bitsStored > 16) {
            throw new IllegalArgumentException("bitsStored must be in [1, 16], got " + bitsStored);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new IllegalArgumentException("pixelRepresentation must be 0 or 1, got " + pixelRepresentation);
        }
        if (!"MONOCHROME1".equals(photometricInterpretation) && !"MONOCHROME2".equals(photometricInterpretation)) {
            throw new IllegalArgumentException("photometricInterpretation must be MONOCHROME1 or MONOCHROME2, got "
                    + photometricInterpretation);
        }
    }
}
