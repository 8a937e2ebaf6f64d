package org.dicomguard.core.synthetic;

/**
 * The header values a real file of the synthetic image would carry, named by DICOM keyword.
 *
 * <p>BitsAllocated is always 16 and HighBit is {@code bitsStored - 1}.
 *
 * @param sopClassUid               SOPClassUID, e.g. Digital Mammography X-Ray Image Storage - For Presentation
 * @param modality                  Modality: "MG", "CT" or "DX"
 * @param bodyPartExamined          BodyPartExamined: "BREAST", "CHEST", "KNEE", "HAND" or "" when a phantom has none
 * @param imageLaterality           ImageLaterality: "L", "R" or "" when not applicable
 * @param viewPosition              ViewPosition: "CC", "MLO" or "" when not applicable
 * @param rows                      Rows, &gt;= 1
 * @param columns                   Columns, &gt;= 1
 * @param bitsStored                BitsStored, 8..16
 * @param pixelRepresentation       PixelRepresentation: 0 unsigned, 1 signed
 * @param photometricInterpretation PhotometricInterpretation: "MONOCHROME1" or "MONOCHROME2"
 * @param rescaleSlope              RescaleSlope, non-zero
 * @param rescaleIntercept          RescaleIntercept
 * @param pixelSpacingRowMm         PixelSpacing[0]: distance between rows in mm, &gt; 0
 * @param pixelSpacingColumnMm      PixelSpacing[1]: distance between columns in mm, &gt; 0
 * @param manufacturer              Manufacturer, always "DICOM Guard synthetic"
 */
public record SyntheticImageHeader(
        String sopClassUid,
        String modality,
        String bodyPartExamined,
        String imageLaterality,
        String viewPosition,
        int rows,
        int columns,
        int bitsStored,
        int pixelRepresentation,
        String photometricInterpretation,
        double rescaleSlope,
        double rescaleIntercept,
        double pixelSpacingRowMm,
        double pixelSpacingColumnMm,
        String manufacturer) {

    /** SOPClassUID of Digital Mammography X-Ray Image Storage - For Presentation. */
    public static final String DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.2";
    /** SOPClassUID of CT Image Storage. */
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    /** SOPClassUID of Digital X-Ray Image Storage - For Presentation. */
    public static final String DIGITAL_XRAY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";

    /** Validates the geometry and pixel description. */
    public SyntheticImageHeader {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be >= 1, got " + rows + "x" + columns);
        }
        if (bitsStored < 8 || bitsStored > 16) {
            throw new IllegalArgumentException("bitsStored must be in [8, 16], got " + bitsStored);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new IllegalArgumentException("pixelRepresentation must be 0 or 1, got " + pixelRepresentation);
        }
        if (!"MONOCHROME1".equals(photometricInterpretation) && !"MONOCHROME2".equals(photometricInterpretation)) {
            throw new IllegalArgumentException("photometricInterpretation must be MONOCHROME1 or MONOCHROME2, got "
                    + photometricInterpretation);
        }
        if (rescaleSlope == 0 || !Double.isFinite(rescaleSlope) || !Double.isFinite(rescaleIntercept)) {
            throw new IllegalArgumentException("rescaleSlope must be finite and non-zero and rescaleIntercept finite, got "
                    + rescaleSlope + ", " + rescaleIntercept);
        }
        if (!(pixelSpacingRowMm > 0) || !(pixelSpacingColumnMm > 0)) {
            throw new IllegalArgumentException("pixel spacing must be > 0 mm, got " + pixelSpacingRowMm + "\\" + pixelSpacingColumnMm);
        }
    }

    /** @return 16: every synthetic image is stored in 16-bit words */
    public int bitsAllocated() {
        return 16;
    }

    /**
     * A copy that claims to be a mammogram (Modality MG, BodyPartExamined BREAST, the given side and
     * view) whatever the pixels show: used to let an out-of-distribution image pass header rules so
     * that only the statistics gate can catch it.
     *
     * @param laterality "L" or "R"
     * @param view       "CC" or "MLO"
     * @return a new header
     */
    public SyntheticImageHeader asMammography(String laterality, String view) {
        return new SyntheticImageHeader(DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION, "MG", "BREAST", laterality, view,
                rows, columns, bitsStored, pixelRepresentation, photometricInterpretation, rescaleSlope,
                rescaleIntercept, pixelSpacingRowMm, pixelSpacingColumnMm, manufacturer);
    }
}
