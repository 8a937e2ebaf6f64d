package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.preprocess.GrayscaleInputChecks;

/**
 * A neutral, in-memory chest radiograph: what preprocessing needs from the header and the decoded
 * pixels. {@code storedValues} is not copied (a clinical image is 12 MB): callers must not modify
 * it while it is in use.
 *
 * @param rows                      Rows, &gt;= 1
 * @param columns                   Columns, &gt;= 1
 * @param storedValues              stored values, row-major, rows*columns, read with {@code & 0xFFFF}
 * @param bitsStored                BitsStored, 1..16
 * @param pixelRepresentation       0 unsigned, 1 two's complement
 * @param photometricInterpretation MONOCHROME1 (inverted after VOI) or MONOCHROME2
 * @param rescaleSlope              RescaleSlope (1 when absent), finite and non-zero
 * @param rescaleIntercept          RescaleIntercept (0 when absent), finite
 * @param voi                       the image's own VOI: window, VOI LUT or none
 * @param pixelSpacingRowMm         row spacing in mm (PixelSpacing, else ImagerPixelSpacing), &gt; 0
 * @param pixelSpacingColumnMm      column spacing in mm, &gt; 0
 */
public record ChestXrayImageInput(int rows, int columns, short[] storedValues, int bitsStored,
                                  int pixelRepresentation, String photometricInterpretation, double rescaleSlope,
                                  double rescaleIntercept, ChestXrayVoi voi, double pixelSpacingRowMm,
                                  double pixelSpacingColumnMm) {

    /** Validates every field; messages name the field, the value and the allowed range. */
    public ChestXrayImageInput {
        GrayscaleInputChecks.requireValid(rows, columns, storedValues, bitsStored, pixelRepresentation,
                photometricInterpretation);
        if (rescaleSlope == 0 || !Double.isFinite(rescaleSlope) || !Double.isFinite(rescaleIntercept)) {
            throw new IllegalArgumentException("rescaleSlope must be finite and non-zero and rescaleIntercept finite,"
                    + " got " + rescaleSlope + ", " + rescaleIntercept);
        }
        if (voi == null) {
            throw new IllegalArgumentException("voi must not be null (use ChestXrayVoi.None)");
        }
        if (!(pixelSpacingRowMm > 0 && Double.isFinite(pixelSpacingRowMm))
                || !(pixelSpacingColumnMm > 0 && Double.isFinite(pixelSpacingColumnMm))) {
            throw new IllegalArgumentException("pixel spacing must be finite and > 0 mm, got " + pixelSpacingRowMm
                    + "\\" + pixelSpacingColumnMm);
        }
    }
}
