package org.dicomguard.core.preprocess;

/**
 * Percentiles and Otsu's threshold on integer histograms.
 *
 * <p>Design note: all intensity decisions of mammography preprocessing are made on a histogram of
 * at most 65536 presentation values, so each costs O(bins) regardless of the image size. Otsu
 * (1979), "A threshold selection method from gray-level histograms", IEEE Trans. SMC 9(1):62-66,
 * maximizes the between-class variance.
 */
public final class HistogramMath {

    private HistogramMath() {
    }

    /**
     * @param histogram  counts per value, not modified
     * @param bins       number of bins to use, &lt;= histogram.length
     * @param percentile in [0, 100]
     * @return the smallest value whose cumulative count reaches percentile% of the total; 0 when empty
     */
    public static int percentile(int[] histogram, int bins, double percentile) {
        return percentileOfDifference(histogram, null, bins, percentile);
    }

    /**
     * The percentile of the histogram {@code histogram - minus}, bin by bin, without building it
     * (e.g. outside a mask = whole image minus inside).
     *
     * @param histogram  counts per value, not modified
     * @param minus      counts to subtract per value, each &lt;= the histogram's; null for none
     * @param bins       number of bins to use, &lt;= both lengths
     * @param percentile in [0, 100]
     * @return as {@link #percentile(int[], int, double)} for the difference
     */
    public static int percentileOfDifference(int[] histogram, int[] minus, int bins, double percentile) {
        long total = 0;
        for (int i = 0; i < bins; i++) {
            total += histogram[i] - (minus == null ? 0 : minus[i]);
        }
        if (total == 0) {
            return 0;
        }
        double target = Math.max(1, percentile / 100.0 * total);
        long cumulative = 0;
        for (int i = 0; i < bins; i++) {
            cumulative += histogram[i] - (minus == null ? 0 : minus[i]);
            if (cumulative >= target) {
                return i;
            }
        }
        return bins - 1;
    }

    /**
     * @param histogram counts per value, not modified
     * @param bins      number of bins to use
     * @return the Otsu threshold t: values &lt;= t are background, values &gt; t foreground
     */
    public static int otsu(int[] histogram, int bins) {
        long total = 0;
        double weightedTotal = 0;
        for (int i = 0; i < bins; i++) {
            total += histogram[i];
            weightedTotal += (double) i * histogram[i];
        }
        if (total == 0) {
            return 0;
        }
        long backgroundCount = 0;
        double backgroundSum = 0;
        double bestVariance = -1;
        int best = 0;
        for (int t = 0; t < bins; t++) {
            backgroundCount += histogram[t];
            if (backgroundCount == 0) {
                continue;
            }
            long foregroundCount = total - backgroundCount;
            if (foregroundCount == 0) {
                break;
            }
            backgroundSum += (double) t * histogram[t];
            double meanBackground = backgroundSum / backgroundCount;
            double meanForeground = (weightedTotal - backgroundSum) / foregroundCount;
            double difference = meanBackground - meanForeground;
            double variance = (double) backgroundCount * foregroundCount * difference * difference;
            if (variance > bestVariance) {
                bestVariance = variance;
                best = t;
            }
        }
        return best;
    }
}
