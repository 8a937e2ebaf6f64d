package org.dicomguard.core.task.mammography;

import org.dicomguard.core.preprocess.HistogramMath;
import org.dicomguard.core.preprocess.InputStatistic;
import java.util.ArrayList;
import java.util.List;

/**
 * The named input statistics of a preprocessed mammogram, in a fixed order.
 *
 * <p>Design note: each statistic separates at least one out-of-distribution kind from real
 * breasts: mask area and bounding-box fill (blank, saturated, CT slice), chest-wall contact (bottle
 * phantoms, knees and hands do not grow from an image edge), intensity percentiles inside and outside
 * the mask (inverted photometric, CT air), saturation, and edge density (bones have sharp cortical
 * edges, phantoms none). Intensities are fractions of the stored range in presentation sense (0 dark,
 * 1 bright), so they do not depend on BitsStored. Values of an empty mask are 0, never NaN.
 */
public final class MammographyStatistics {

    /** The statistic names, in output order. */
    public static final List<String> NAMES = List.of(
            "maskAreaFraction", "maskBoundingBoxAspectRatio", "maskBoundingBoxFillFraction",
            "chestWallContactFraction", "insideP01", "insideP50", "insideP99", "insideMean", "insideStd",
            "outsideP50", "outsideP99", "saturatedFraction", "tensorMeanAbsoluteGradient");

    private MammographyStatistics() {
    }

    /** What {@link #compute} needs; arrays are read, not modified. */
    record Inputs(int rows, int columns, double spacingRowMm, double spacingColumnMm, int maxValue,
                  int[] histogram, int[] insideHistogram, MaskGeometry geometry, boolean chestWallRight,
                  float[] tensor, int tensorHeight, int tensorWidth) {
    }

    static List<InputStatistic> compute(Inputs in) {
        double max = in.maxValue();
        int bins = in.maxValue() + 1;
        long pixels = (long) in.rows() * in.columns();
        long area = in.geometry().area();
        long outsideCount = pixels - area;
        double sum = 0;
        double sumSquares = 0;
        for (int v = 0; v < bins; v++) {
            long inside = in.insideHistogram()[v];
            sum += (double) v * inside;
            sumSquares += (double) v * v * inside;
        }
        double mean = area == 0 ? 0 : sum / area;
        double variance = area == 0 ? 0 : Math.max(0, sumSquares / area - mean * mean);
        int bboxRows = in.geometry().boundingBoxRows();
        int bboxColumns = in.geometry().boundingBoxColumns();
        double aspect = area == 0 ? 0
                : (bboxRows * in.spacingRowMm()) / (bboxColumns * in.spacingColumnMm());
        double fill = area == 0 ? 0 : (double) area / ((long) bboxRows * bboxColumns);

        List<InputStatistic> out = new ArrayList<>(NAMES.size());
        out.add(new InputStatistic("maskAreaFraction", "fraction of image", (double) area / pixels));
        out.add(new InputStatistic("maskBoundingBoxAspectRatio", "height mm per width mm", aspect));
        out.add(new InputStatistic("maskBoundingBoxFillFraction", "fraction of bounding box", fill));
        out.add(new InputStatistic("chestWallContactFraction", "fraction of bounding-box rows",
                in.geometry().chestWallContactFraction(in.chestWallRight())));
        out.add(percentile("insideP01", in.insideHistogram(), null, bins, 1, area, max));
        out.add(percentile("insideP50", in.insideHistogram(), null, bins, 50, area, max));
        out.add(percentile("insideP99", in.insideHistogram(), null, bins, 99, area, max));
        out.add(new InputStatistic("insideMean", "fraction of stored range", mean / max));
        out.add(new InputStatistic("insideStd", "fraction of stored range", Math.sqrt(variance) / max));
        out.add(percentile("outsideP50", in.histogram(), in.insideHistogram(), bins, 50, outsideCount, max));
        out.add(percentile("outsideP99", in.histogram(), in.insideHistogram(), bins, 99, outsideCount, max));
        out.add(new InputStatistic("saturatedFraction", "fraction of image",
                (double) in.histogram()[in.maxValue()] / pixels));
        out.add(new InputStatistic("tensorMeanAbsoluteGradient", "normalized intensity per tensor pixel",
                meanAbsoluteGradient(in.tensor(), in.tensorHeight(), in.tensorWidth())));
        return out;
    }

    /** The percentile of {@code histogram - minus} (minus null: of the histogram) as a fraction of max. */
    private static InputStatistic percentile(String name, int[] histogram, int[] minus, int bins, double percentile,
                                             long count, double max) {
        double value = count == 0 ? 0 : HistogramMath.percentileOfDifference(histogram, minus, bins, percentile) / max;
        return new InputStatistic(name, "fraction of stored range", value);
    }

    /** Mean of |dx| + |dy| over tensor pixels whose right and lower neighbours are inside the breast. */
    private static double meanAbsoluteGradient(float[] tensor, int height, int width) {
        double sum = 0;
        long count = 0;
        for (int y = 0; y + 1 < height; y++) {
            for (int x = 0; x + 1 < width; x++) {
                int i = y * width + x;
                float here = tensor[i];
                float right = tensor[i + 1];
                float below = tensor[i + width];
                if (here > 0f && right > 0f && below > 0f) {
                    sum += Math.abs(right - here) + Math.abs(below - here);
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
