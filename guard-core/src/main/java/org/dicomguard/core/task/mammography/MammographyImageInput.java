package org.dicomguard.core.task.mammography;

import org.dicomguard.core.preprocess.GrayscaleInputChecks;

/**
 * A neutral, in-memory mammography image: what preprocessing needs from the DICOM header and the
 * decoded pixels, nothing else.
 *
 * <p>{@code storedValues} is not copied (a full-field image is 17 MB): callers must not modify it
 * while it is in use.
 *
 * @param rows                      Rows, &gt;= 1
 * @param columns                   Columns, &gt;= 1
 * @param storedValues              stored pixel values, row-major, rows*columns; unsigned 16-bit values
 *                                  above 32767 appear negative and are read with {@code & 0xFFFF}
 * @param bitsStored                BitsStored, 1..16
 * @param pixelRepresentation       PixelRepresentation: 0 unsigned, 1 two's complement
 * @param photometricInterpretation "MONOCHROME1" (high values dark, inverted here) or "MONOCHROME2"
 * @param rescaleSlope              RescaleSlope, finite and non-zero; a negative slope inverts like MONOCHROME1
 * @param rescaleIntercept          RescaleIntercept, finite
 * @param imageLaterality           ImageLaterality "L" or "R", or "" when unknown (orientation is then taken from the image)
 * @param viewPosition              ViewPosition, e.g. "CC" or "MLO", "" when unknown
 * @param pixelSpacingRowMm         PixelSpacing[0] in mm, &gt; 0
 * @param pixelSpacingColumnMm      PixelSpacing[1] in mm, &gt; 0
 */
public record MammographyImageInput(
        int rows,
        int columns,
        short[] storedValues,
        int bitsStored,
        int pixelRepresentation,
        String photometricInterpretation,
        double rescaleSlope,
        double rescaleIntercept,
        String imageLaterality,
        String viewPosition,
        double pixelSpacingRowMm,
        double pixelSpacingColumnMm) {

    /** Validates every field; messages name the field, the value and the allowed range. */
    public MammographyImageInput {
        GrayscaleInputChecks.requireValid(rows, columns, storedValues, bitsStored, pixelRepresentation,
                photometricInterpretation);
        if (rescaleSlope == 0 || !Double.isFinite(rescaleSlope)) {
            throw new IllegalArgumentException("rescaleSlope must be finite and non-zero, got " + rescaleSlope);
        }
        if (!Double.isFinite(rescaleIntercept)) {
            throw new IllegalArgumentException("rescaleIntercept must be finite, got " + rescaleIntercept);
        }
        if (!"L".equals(imageLaterality) && !"R".equals(imageLaterality) && !"".equals(imageLaterality)) {
            throw new IllegalArgumentException("imageLaterality must be \"L\", \"R\" or \"\", got " + imageLaterality);
        }
        if (viewPosition == null) {
            throw new IllegalArgumentException("viewPosition must not be null (use \"\" when unknown)");
        }
        if (!(pixelSpacingRowMm > 0 && Double.isFinite(pixelSpacingRowMm))
                || !(pixelSpacingColumnMm > 0 && Double.isFinite(pixelSpacingColumnMm))) {
            throw new IllegalArgumentException("pixel spacing must be finite and > 0 mm, got " + pixelSpacingRowMm
                    + "\\" + pixelSpacingColumnMm);
        }
    }

    /** @return true when high stored values are dark: MONOCHROME1 with a positive slope or MONOCHROME2 with a negative one */
    public boolean invertsToPresentation() {
        return "MONOCHROME1".equals(photometricInterpretation) ^ (rescaleSlope < 0);
    }
}
