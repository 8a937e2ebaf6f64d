package org.dicomguard.core.task.chestct;

import java.util.Objects;

/**
 * One CT slice as preprocessing needs it: stored pixel values plus the geometry and rescale
 * attributes of its DICOM header. This is the neutral seam between the DICOM reader (or the
 * synthetic generator) and chest-CT preprocessing; it holds no patient identifiers.
 *
 * <p>The constructor checks structure only (array lengths, positive sizes): plausibility of the
 * geometry (finite values, orthonormal orientation, consistency across slices) is judged by
 * {@link CtSeriesAssembler}, which refuses bad input with a stable code.
 *
 * <p>Immutable in practice: arrays are not copied (slices are large), so callers must not modify
 * them after construction. Safe to share between threads under that rule.
 *
 * @param rows                    number of pixel rows (DICOM Rows), positive
 * @param columns                 number of pixel columns (DICOM Columns), positive
 * @param storedValues            16-bit stored values, row-major, length rows * columns; interpreted as
 *                                unsigned when {@code pixelRepresentation} is 0, as two's complement when 1
 * @param pixelRepresentation     DICOM PixelRepresentation: 0 unsigned, 1 signed
 * @param rescaleSlope            DICOM RescaleSlope, HU per stored unit
 * @param rescaleInterceptHu      DICOM RescaleIntercept in HU
 * @param imagePositionPatientMm  DICOM ImagePositionPatient (x, y, z) of the first pixel's center, mm, length 3
 * @param imageOrientationPatient DICOM ImageOrientationPatient: row direction cosines then column direction cosines, length 6
 * @param pixelSpacingMm          DICOM PixelSpacing: spacing between rows then between columns, mm, length 2
 * @param sliceThicknessMm        DICOM SliceThickness in mm (informative; spacing comes from positions)
 * @param seriesInstanceUid       DICOM SeriesInstanceUID
 * @param sopInstanceUid          DICOM SOPInstanceUID
 * @param instanceNumber          DICOM InstanceNumber (informative; order comes from positions)
 */
public record CtSliceInput(
        int rows,
        int columns,
        short[] storedValues,
        int pixelRepresentation,
        double rescaleSlope,
        double rescaleInterceptHu,
        double[] imagePositionPatientMm,
        double[] imageOrientationPatient,
        double[] pixelSpacingMm,
        double sliceThicknessMm,
        String seriesInstanceUid,
        String sopInstanceUid,
        int instanceNumber) {

    /** Checks structure; see the type's documentation for what is checked later. */
    public CtSliceInput {
        Objects.requireNonNull(storedValues, "storedValues");
        Objects.requireNonNull(imagePositionPatientMm, "imagePositionPatientMm");
        Objects.requireNonNull(imageOrientationPatient, "imageOrientationPatient");
        Objects.requireNonNull(pixelSpacingMm, "pixelSpacingMm");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be >= 1, got " + rows + " x " + columns);
        }
        if ((long) rows * columns != storedValues.length) {
            throw new IllegalArgumentException("storedValues must have rows * columns = " + (long) rows * columns
                    + " entries, got " + storedValues.length);
        }
        if (pixelRepresentation != 0 && pixelRepresentation != 1) {
            throw new IllegalArgumentException("pixelRepresentation must be 0 or 1, got " + pixelRepresentation);
        }
        checkLength("imagePositionPatientMm", imagePositionPatientMm, 3);
        checkLength("imageOrientationPatient", imageOrientationPatient, 6);
        checkLength("pixelSpacingMm", pixelSpacingMm, 2);
    }

    /**
     * @param index row-major pixel index in [0, rows * columns)
     * @return the value in HU: stored value (signed or unsigned per pixelRepresentation) times slope plus intercept
     */
    public double huAt(int index) {
        int stored = pixelRepresentation == 0 ? storedValues[index] & 0xFFFF : storedValues[index];
        return stored * rescaleSlope + rescaleInterceptHu;
    }

    private static void checkLength(String field, double[] values, int length) {
        if (values.length != length) {
            throw new IllegalArgumentException(field + " must have " + length + " entries, got " + values.length);
        }
    }
}
