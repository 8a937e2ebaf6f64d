package org.dicomguard.core.synthetic.chestxray;

/**
 * Options of the synthetic chest radiograph generator.
 *
 * @param minSidePixels              smallest Rows, in [64, 4096]
 * @param maxSidePixels              largest Rows, in [minSidePixels, 4096]
 * @param minPixelSpacingMm          smallest pixel spacing, mm, &gt; 0
 * @param maxPixelSpacingMm          largest pixel spacing, mm, &gt;= min
 * @param findingPrevalenceFraction  chance of each finding per study, independently, in [0, 1]
 * @param monochrome1Fraction        chance of MONOCHROME1 storage, in [0, 1]
 */
public record ChestXraySyntheticOptions(int minSidePixels, int maxSidePixels, double minPixelSpacingMm,
                                        double maxPixelSpacingMm, double findingPrevalenceFraction,
                                        double monochrome1Fraction) {

    /** Validates the ranges. */
    public ChestXraySyntheticOptions {
        if (minSidePixels < 64 || maxSidePixels < minSidePixels || maxSidePixels > 4096) {
            throw new IllegalArgumentException("side must satisfy 64 <= min <= max <= 4096 pixels, got ["
                    + minSidePixels + ", " + maxSidePixels + "]");
        }
        if (!(minPixelSpacingMm > 0 && maxPixelSpacingMm >= minPixelSpacingMm)) {
            throw new IllegalArgumentException("pixel spacing must satisfy 0 < min <= max mm, got ["
                    + minPixelSpacingMm + ", " + maxPixelSpacingMm + "]");
        }
        if (!(findingPrevalenceFraction >= 0 && findingPrevalenceFraction <= 1)
                || !(monochrome1Fraction >= 0 && monochrome1Fraction <= 1)) {
            throw new IllegalArgumentException("fractions must be in [0, 1], got " + findingPrevalenceFraction
                    + ", " + monochrome1Fraction);
        }
    }

    /** @return clinical detector sizes: 2000 to 3000 pixels a side at 0.1 to 0.2 mm */
    public static ChestXraySyntheticOptions realistic() {
        return new ChestXraySyntheticOptions(2000, 3000, 0.1, 0.2, 0.2, 0.4);
    }

    /** @return reduced images for fast packs and tests: 448 to 512 pixels at 0.75 to 0.9 mm */
    public static ChestXraySyntheticOptions small() {
        return new ChestXraySyntheticOptions(448, 512, 0.75, 0.9, 0.2, 0.4);
    }
}
