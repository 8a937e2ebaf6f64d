package org.dicomguard.core.synthetic;

import org.dicomguard.core.task.mammography.MammographyImageInput;

import java.util.List;

/**
 * One synthetic image with its header, stored pixel values and ground truth.
 *
 * <p>The arrays are not copied (an image is up to 17 MB): treat them as read-only.
 *
 * @param kind              what the image really shows
 * @param header            the header values a file of it would carry
 * @param storedValues      stored pixel values, row-major, {@code rows * columns}; unsigned values
 *                          above 32767 appear negative in Java and are read with {@code & 0xFFFF}
 * @param breastMask        ground-truth breast mask, row-major, 1 = breast tissue (pectoral muscle
 *                          included, burned-in marker excluded), 0 elsewhere; all 0 for kinds other
 *                          than {@link MammographySyntheticKind#BREAST} and
 *                          {@link MammographySyntheticKind#WRONG_PHOTOMETRIC}
 * @param lesions           ground truth of the pathologies drawn, empty when none
 * @param markerBox         row0, column0, row1, column1 (exclusive) of the burned-in side marker, or
 *                          an empty array when there is none
 */
public record MammographySyntheticImage(
        MammographySyntheticKind kind,
        SyntheticImageHeader header,
        short[] storedValues,
        byte[] breastMask,
        List<SyntheticLesion> lesions,
        int[] markerBox) {

    /** Validates array sizes against the header and copies the lesion list. */
    public MammographySyntheticImage {
        int pixelCount = header.rows() * header.columns();
        if (storedValues.length != pixelCount || breastMask.length != pixelCount) {
            throw new IllegalArgumentException("storedValues and breastMask must hold rows*columns=" + pixelCount
                    + " values, got " + storedValues.length + " and " + breastMask.length);
        }
        if (markerBox.length != 0 && markerBox.length != 4) {
            throw new IllegalArgumentException("markerBox must be empty or hold 4 values, got " + markerBox.length);
        }
        lesions = List.copyOf(lesions);
    }

    /**
     * @return the neutral preprocessing input carrying this image's header values and pixels (the
     *         pixel array is shared, not copied)
     */
    public MammographyImageInput toPreprocessingInput() {
        return new MammographyImageInput(header.rows(), header.columns(), storedValues, header.bitsStored(),
                header.pixelRepresentation(), header.photometricInterpretation(), header.rescaleSlope(),
                header.rescaleIntercept(), header.imageLaterality(), header.viewPosition(),
                header.pixelSpacingRowMm(), header.pixelSpacingColumnMm());
    }

    /** @return number of ground-truth breast pixels */
    public long breastPixelCount() {
        long count = 0;
        for (byte b : breastMask) {
            count += b;
        }
        return count;
    }
}
