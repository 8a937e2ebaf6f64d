package org.dicomguard.core.task.chestct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Assembles CT slices of one series into a {@link CtVolume} in HU, or refuses them with a
 * {@link SeriesAssemblyException} carrying a stable code.
 *
 * <p>Design note: order comes from ImagePositionPatient projected on the slice normal (the cross
 * product of the two ImageOrientationPatient directions), never from InstanceNumber, which
 * scanners and PACS renumber freely. Spacing comes from the positions, not SliceThickness
 * (overlapping reconstructions have spacing below thickness). Every slice must share series,
 * orientation, size and pixel spacing; a missing slice shows as a gap about twice the median and
 * is refused rather than interpolated over, because a model fed a silently stretched volume
 * gives a confident wrong answer.
 *
 * <p>Stateless and thread-safe.
 */
public final class CtSeriesAssembler {

    /** Largest difference between direction cosines of two slices still called the same orientation. */
    private static final double ORIENTATION_TOLERANCE = 1e-3;
    /** Largest relative difference of pixel spacings still called the same. */
    private static final double PIXEL_SPACING_RELATIVE_TOLERANCE = 1e-3;
    /** Slices closer than this fraction of the median gap (or 0.01 mm) are duplicates. */
    private static final double DUPLICATE_FRACTION_OF_GAP = 0.05;
    /** In-plane shift between slices, in pixels, beyond which positions are not stacked (gantry tilt). */
    private static final double MAX_IN_PLANE_SHIFT_PIXELS = 0.5;

    private CtSeriesAssembler() {
    }

    /**
     * @param slices slices of one series in any order, not modified
     * @param config supplies {@code minSliceCount} and {@code maxSliceSpacingDeviationFraction}
     * @return the volume in HU, slices ascending along the normal
     * @throws SeriesAssemblyException if the slices do not form one evenly spaced volume
     */
    public static CtVolume assemble(List<CtSliceInput> slices, ChestCtPreprocessingConfig config)
            throws SeriesAssemblyException {
        Objects.requireNonNull(slices, "slices");
        Objects.requireNonNull(config, "config");
        if (slices.size() < config.minSliceCount()) {
            throw new SeriesAssemblyException(SeriesAssemblyErrorCode.TOO_FEW_SLICES, "series has " + slices.size()
                    + " slices, minSliceCount is " + config.minSliceCount());
        }
        CtSliceInput first = slices.get(0);
        double[] normal = checkGeometry(first);
        for (int i = 1; i < slices.size(); i++) {
            checkSameSeries(first, slices.get(i), i);
        }
        int n = slices.size();
        double[] positionAlongNormalMm = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            double[] p = slices.get(i).imagePositionPatientMm();
            if (!allFinite(p)) {
                throw new SeriesAssemblyException(SeriesAssemblyErrorCode.INVALID_GEOMETRY,
                        "ImagePositionPatient of slice " + slices.get(i).sopInstanceUid() + " is not finite");
            }
            positionAlongNormalMm[i] = dot(p, normal);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> positionAlongNormalMm[i]));
        double sliceSpacingMm = checkSpacing(slices, order, positionAlongNormalMm, config);
        checkStacked(slices, order, first);
        return toVolume(slices, order, sliceSpacingMm);
    }

    private static double[] checkGeometry(CtSliceInput slice) throws SeriesAssemblyException {
        double[] o = slice.imageOrientationPatient();
        double[] s = slice.pixelSpacingMm();
        if (!allFinite(o) || !allFinite(s) || !(s[0] > 0) || !(s[1] > 0)) {
            throw new SeriesAssemblyException(SeriesAssemblyErrorCode.INVALID_GEOMETRY,
                    "ImageOrientationPatient " + Arrays.toString(o) + " or PixelSpacing " + Arrays.toString(s)
                            + " is not finite and positive");
        }
        double[] row = {o[0], o[1], o[2]};
        double[] column = {o[3], o[4], o[5]};
        if (Math.abs(dot(row, row) - 1) > 1e-2 || Math.abs(dot(column, column) - 1) > 1e-2
                || Math.abs(dot(row, column)) > 1e-2) {
            throw new SeriesAssemblyException(SeriesAssemblyErrorCode.INVALID_GEOMETRY,
                    "ImageOrientationPatient " + Arrays.toString(o) + " is not two orthonormal directions");
        }
        double[] normal = {
            row[1] * column[2] - row[2] * column[1],
            row[2] * column[0] - row[0] * column[2],
            row[0] * column[1] - row[1] * column[0]};
        double length = Math.sqrt(dot(normal, normal));
        for (int k = 0; k < 3; k++) {
            normal[k] /= length;
        }
        return normal;
    }

    private static void checkSameSeries(CtSliceInput first, CtSliceInput other, int index)
            throws SeriesAssemblyException {
        if (!first.seriesInstanceUid().equals(other.seriesInstanceUid())) {
            throw mixed("slice " + index + " has SeriesInstanceUID " + other.seriesInstanceUid() + ", slice 0 has "
                    + first.seriesInstanceUid());
        }
        if (first.rows() != other.rows() || first.columns() != other.columns()) {
            throw mixed("slice " + index + " is " + other.rows() + " x " + other.columns() + ", slice 0 is "
                    + first.rows() + " x " + first.columns());
        }
        for (int k = 0; k < 6; k++) {
            if (!(Math.abs(first.imageOrientationPatient()[k] - other.imageOrientationPatient()[k])
                    <= ORIENTATION_TOLERANCE)) {
                throw mixed("slice " + index + " has ImageOrientationPatient "
                        + Arrays.toString(other.imageOrientationPatient()) + ", slice 0 has "
                        + Arrays.toString(first.imageOrientationPatient()) + " (tolerance " + ORIENTATION_TOLERANCE
                        + ")");
            }
        }
        for (int k = 0; k < 2; k++) {
            double a = first.pixelSpacingMm()[k];
            double b = other.pixelSpacingMm()[k];
            if (!(Math.abs(a - b) <= PIXEL_SPACING_RELATIVE_TOLERANCE * a)) {
                throw mixed("slice " + index + " has PixelSpacing " + Arrays.toString(other.pixelSpacingMm())
                        + " mm, slice 0 has " + Arrays.toString(first.pixelSpacingMm()) + " mm");
            }
        }
    }

    private static double checkSpacing(List<CtSliceInput> slices, Integer[] order, double[] position,
            ChestCtPreprocessingConfig config) throws SeriesAssemblyException {
        // minSliceCount >= 2 (validated in the config), so there is at least one gap.
        int n = order.length;
        double[] gaps = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            gaps[i] = position[order[i + 1]] - position[order[i]];
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double medianGapMm = sorted[(n - 1) / 2];
        double duplicateToleranceMm = Math.max(0.01, DUPLICATE_FRACTION_OF_GAP * medianGapMm);
        for (int i = 0; i < gaps.length; i++) {
            if (gaps[i] <= duplicateToleranceMm) {
                throw new SeriesAssemblyException(SeriesAssemblyErrorCode.DUPLICATE_POSITION, "slices "
                        + slices.get(order[i]).sopInstanceUid() + " and " + slices.get(order[i + 1]).sopInstanceUid()
                        + " are " + gaps[i] + " mm apart along the normal (duplicate below " + duplicateToleranceMm
                        + " mm)");
            }
        }
        double allowedMm = config.maxSliceSpacingDeviationFraction() * medianGapMm;
        for (int i = 0; i < gaps.length; i++) {
            if (Math.abs(gaps[i] - medianGapMm) > allowedMm) {
                throw new SeriesAssemblyException(SeriesAssemblyErrorCode.INCONSISTENT_SPACING, "gap " + gaps[i]
                        + " mm between slices " + i + " and " + (i + 1) + " (in position order) deviates from the median gap "
                        + medianGapMm + " mm by more than maxSliceSpacingDeviationFraction "
                        + config.maxSliceSpacingDeviationFraction());
            }
        }
        return medianGapMm;
    }

    private static void checkStacked(List<CtSliceInput> slices, Integer[] order, CtSliceInput first)
            throws SeriesAssemblyException {
        double[] o = first.imageOrientationPatient();
        double[] row = {o[0], o[1], o[2]};
        double[] column = {o[3], o[4], o[5]};
        double[] p0 = slices.get(order[0]).imagePositionPatientMm();
        for (int i = 1; i < order.length; i++) {
            double[] p = slices.get(order[i]).imagePositionPatientMm();
            double[] d = {p[0] - p0[0], p[1] - p0[1], p[2] - p0[2]};
            double shiftColumnsPixels = dot(d, row) / first.pixelSpacingMm()[1];
            double shiftRowsPixels = dot(d, column) / first.pixelSpacingMm()[0];
            if (Math.abs(shiftColumnsPixels) > MAX_IN_PLANE_SHIFT_PIXELS
                    || Math.abs(shiftRowsPixels) > MAX_IN_PLANE_SHIFT_PIXELS) {
                throw new SeriesAssemblyException(SeriesAssemblyErrorCode.INVALID_GEOMETRY, "slice "
                        + slices.get(order[i]).sopInstanceUid() + " is shifted in-plane by (" + shiftColumnsPixels
                        + ", " + shiftRowsPixels + ") pixels against the first slice (gantry tilt?), at most "
                        + MAX_IN_PLANE_SHIFT_PIXELS + " allowed");
            }
        }
    }

    private static CtVolume toVolume(List<CtSliceInput> slices, Integer[] order, double sliceSpacingMm)
            throws SeriesAssemblyException {
        CtSliceInput first = slices.get(0);
        int planeSize = first.rows() * first.columns();
        short[] hu = new short[Math.multiplyExact(planeSize, order.length)];
        List<String> sopUids = new ArrayList<>(order.length);
        for (int z = 0; z < order.length; z++) {
            CtSliceInput slice = slices.get(order[z]);
            if (!Double.isFinite(slice.rescaleSlope()) || !Double.isFinite(slice.rescaleInterceptHu())) {
                throw new SeriesAssemblyException(SeriesAssemblyErrorCode.INVALID_GEOMETRY,
                        "rescale slope/intercept of slice " + slice.sopInstanceUid() + " is not finite");
            }
            CtHuConversion.toHu(slice, hu, z * planeSize);
            sopUids.add(slice.sopInstanceUid());
        }
        return new CtVolume(order.length, first.rows(), first.columns(), hu, sliceSpacingMm,
                first.pixelSpacingMm()[0], first.pixelSpacingMm()[1], first.seriesInstanceUid(), sopUids);
    }

    private static SeriesAssemblyException mixed(String message) {
        return new SeriesAssemblyException(SeriesAssemblyErrorCode.MIXED_SERIES, message);
    }

    private static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }
}
