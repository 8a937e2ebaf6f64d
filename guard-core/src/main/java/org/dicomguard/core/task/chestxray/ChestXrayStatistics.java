package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.preprocess.CropBox;
import org.dicomguard.core.preprocess.InputStatistic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The named input statistics of a preprocessed chest radiograph, in a fixed order, for the OOD
 * gate and the drift monitor.
 *
 * <p>Design note: each statistic separates at least one out-of-distribution kind from frontal
 * chest radiographs: collimated area (phantom shots, tight extremity fields), body and lung area
 * (blank, saturated, hand, knee, skull, bottle phantom have no two dark fields in a body), lung
 * balance and centroid (lateral chest, abdomen), lung field size in mm (hand, mammogram), the
 * presentation medians of air, lungs and soft tissue (inverted photometric, CT slice: lungs as dark
 * as air), and the tensor's mean gradient (noise, texture). Intensities are presentation fractions
 * (0 dark, 1 bright), so they do not depend on BitsStored. Values of empty regions are 0, never NaN.
 */
public final class ChestXrayStatistics {

    /** The statistic names, in output order. */
    public static final List<String> NAMES = List.of(
            "collimatedAreaFraction", "bodyAreaFraction", "lungAreaFractionOfBody", "lungComponentCount",
            "lungAreaBalanceRatio", "lungFieldHeightMm", "lungFieldWidthMm", "lungCentroidRowFraction",
            "lungCentroidColumnFraction", "airPresentationP50", "lungPresentationP50", "lungPresentationStd",
            "softTissuePresentationP50", "saturatedFraction", "tensorMeanAbsoluteGradient");

    private ChestXrayStatistics() {
    }

    /** What {@link #compute} reads; arrays are not modified. */
    record Inputs(float[] working, int rows, int columns, double spacingRowMm, double spacingColumnMm,
                  ChestXrayLungFields.Masks masks, float[] tensor, int tensorHeight, int tensorWidth) {
    }

    static List<InputStatistic> compute(Inputs in) {
        CropBox field = in.masks().field();
        byte[] body = in.masks().bodyMask();
        byte[] lungs = in.masks().lungMask();
        int fieldArea = field.rowCount() * field.columnCount();
        float[] air = new float[fieldArea];
        float[] lung = new float[fieldArea];
        float[] soft = new float[fieldArea];
        int nAir = 0;
        int nLung = 0;
        int nSoft = 0;
        int saturated = 0;
        long bodyArea = 0;
        double rowSum = 0;
        double columnSum = 0;
        int r0 = Integer.MAX_VALUE;
        int r1 = -1;
        int c0 = Integer.MAX_VALUE;
        int c1 = -1;
        for (int r = field.rowStart(); r < field.rowEnd(); r++) {
            for (int c = field.columnStart(); c < field.columnEnd(); c++) {
                int i = r * in.columns() + c;
                float v = in.working()[i];
                if (v >= 0.995f || v <= 0.005f) {
                    saturated++;
                }
                if (lungs[i] != 0) {
                    lung[nLung++] = v;
                    rowSum += r - field.rowStart();
                    columnSum += c - field.columnStart();
                    r0 = Math.min(r0, r);
                    r1 = Math.max(r1, r);
                    c0 = Math.min(c0, c);
                    c1 = Math.max(c1, c);
                } else if (body[i] != 0) {
                    soft[nSoft++] = v;
                } else {
                    air[nAir++] = v;
                }
                if (body[i] != 0) {
                    bodyArea++;
                }
            }
        }
        long[] areas = in.masks().lungAreas();
        List<InputStatistic> out = new ArrayList<>(NAMES.size());
        out.add(new InputStatistic("collimatedAreaFraction", "fraction of image",
                1 - (double) fieldArea / ((long) in.rows() * in.columns())));
        out.add(new InputStatistic("bodyAreaFraction", "fraction of field", (double) bodyArea / fieldArea));
        out.add(new InputStatistic("lungAreaFractionOfBody", "fraction of body",
                bodyArea == 0 ? 0 : (double) nLung / bodyArea));
        out.add(new InputStatistic("lungComponentCount", "count", in.masks().lungComponents()));
        out.add(new InputStatistic("lungAreaBalanceRatio", "smaller per larger lung area",
                areas[0] == 0 ? 0 : (double) areas[1] / areas[0]));
        out.add(new InputStatistic("lungFieldHeightMm", "mm", r1 < 0 ? 0 : (r1 - r0 + 1) * in.spacingRowMm()));
        out.add(new InputStatistic("lungFieldWidthMm", "mm", c1 < 0 ? 0 : (c1 - c0 + 1) * in.spacingColumnMm()));
        out.add(new InputStatistic("lungCentroidRowFraction", "fraction of field height",
                nLung == 0 ? 0 : rowSum / nLung / field.rowCount()));
        out.add(new InputStatistic("lungCentroidColumnFraction", "fraction of field width",
                nLung == 0 ? 0 : columnSum / nLung / field.columnCount()));
        out.add(new InputStatistic("airPresentationP50", "presentation fraction", median(air, nAir)));
        out.add(new InputStatistic("lungPresentationP50", "presentation fraction", median(lung, nLung)));
        out.add(new InputStatistic("lungPresentationStd", "presentation fraction", std(lung, nLung)));
        out.add(new InputStatistic("softTissuePresentationP50", "presentation fraction", median(soft, nSoft)));
        out.add(new InputStatistic("saturatedFraction", "fraction of field", (double) saturated / fieldArea));
        out.add(new InputStatistic("tensorMeanAbsoluteGradient", "normalized units per pixel",
                meanGradient(in.tensor(), in.tensorHeight(), in.tensorWidth())));
        return out;
    }

    private static double median(float[] values, int n) {
        if (n == 0) {
            return 0;
        }
        Arrays.sort(values, 0, n);
        return values[n / 2];
    }

    private static double std(float[] values, int n) {
        if (n == 0) {
            return 0;
        }
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
            squares += (double) values[i] * values[i];
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }

    private static double meanGradient(float[] t, int h, int w) {
        double sum = 0;
        long count = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c + 1 < w; c++) {
                sum += Math.abs(t[r * w + c + 1] - t[r * w + c]);
                count++;
            }
        }
        for (int r = 0; r + 1 < h; r++) {
            for (int c = 0; c < w; c++) {
                sum += Math.abs(t[(r + 1) * w + c] - t[r * w + c]);
                count++;
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
