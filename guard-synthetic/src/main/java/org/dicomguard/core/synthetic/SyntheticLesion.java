package org.dicomguard.core.synthetic;

/**
 * Ground truth of one synthetic pathology drawn into an image.
 *
 * @param pathologyCode  "mass" or "calcification"
 * @param centerRow      row of the centre in image pixels, may be fractional
 * @param centerColumn   column of the centre in image pixels, may be fractional
 * @param radiusPixels   radius of the lesion (mass) or of the cluster (calcification), &gt; 0
 */
public record SyntheticLesion(String pathologyCode, double centerRow, double centerColumn, double radiusPixels) {

    /** Pathology code of a dense, possibly spiculated mass. */
    public static final String MASS = "mass";
    /** Pathology code of a cluster of bright calcification specks. */
    public static final String CALCIFICATION = "calcification";

    /** Validates the code and radius. */
    public SyntheticLesion {
        if (!MASS.equals(pathologyCode) && !CALCIFICATION.equals(pathologyCode)) {
            throw new IllegalArgumentException("pathologyCode must be \"mass\" or \"calcification\", got " + pathologyCode);
        }
        if (!(radiusPixels > 0)) {
            throw new IllegalArgumentException("radiusPixels must be > 0, got " + radiusPixels);
        }
    }
}
