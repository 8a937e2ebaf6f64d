package org.dicomguard.ood.rules;

/**
 * Physical distance between pixel centres, from Pixel Spacing (0028,0030) or, for projection
 * radiographs, Imager Pixel Spacing (0018,1164); which one is the reader's choice.
 *
 * @param rowMm    spacing between rows (the first value of the attribute), in mm, finite and &gt; 0
 * @param columnMm spacing between columns (the second value), in mm, finite and &gt; 0
 */
public record PixelSpacingMm(double rowMm, double columnMm) {

    /** Validates both values. */
    public PixelSpacingMm {
        if (!(Double.isFinite(rowMm) && rowMm > 0) || !(Double.isFinite(columnMm) && columnMm > 0)) {
            throw new IllegalArgumentException("pixel spacing must be finite and > 0 mm, got rowMm=" + rowMm
                    + " columnMm=" + columnMm);
        }
    }
}
