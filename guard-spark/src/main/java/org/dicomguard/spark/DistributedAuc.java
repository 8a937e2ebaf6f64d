package org.dicomguard.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.evaluation.AucResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * Per-pathology ROC-AUC with its DeLong variance and 95% interval, computed on the cluster: equal
 * (to rounding, 1e-12 in the tests) to {@code RocAuc.auc} on the collected scores, which is what
 * {@code dicom-guard evaluate} reports, but only O(number of partitions) values reach the driver.
 *
 * <p>Design note. DeLong's structural components are midrank differences (Sun &amp; Xu 2014):
 * a positive scored {@code s} has {@code V10 = (negatives below s + half the negatives tied) / n},
 * a negative {@code V01 = (positives above + half tied) / m}. Both depend only on how many cases
 * of each class lie below each distinct score, so: (1) count positives and negatives per distinct
 * score ({@code groupBy}); (2) range-partition the distinct scores and sort within partitions;
 * (3) bring each partition's class totals to the driver and prefix-sum them (one pair of longs per
 * partition); (4) in each partition, a running sum from its offset gives every distinct score's
 * "below" counts, hence the components; (5) sum {@code 2 x pairs} exactly as a long (the AUC) and,
 * in a second pass, the squared deviations of the components from the AUC (the variance). A
 * single-partition window would do the same but pulls every score through one task.
 *
 * <p>Conventions follow {@code RocAuc}: ties count one half; a class with one case gets the
 * component variance 1/4; the interval is {@code auc ± 1.959963984540054 sd} clipped to [0, 1].
 */
public final class DistributedAuc {

    /** The 97.5% standard normal quantile, as in {@code RocAuc}. */
    static final double Z_975 = 1.959963984540054;
    /** Component variance used for a class with one case, as in {@code RocAuc}. */
    static final double SINGLE_CASE_COMPONENT_VARIANCE = 0.25;

    private DistributedAuc() {
    }

    /**
     * AUC of each pathology's probability column over predicted studies that have a label.
     *
     * @param scored         rows from {@link GuardScoring#score}
     * @param labels         {@code studyInstanceUid} plus one 0/1 (int or boolean) column per pathology code
     * @param pathologyCodes codes to evaluate; each needs {@code prob_<code>} in {@code scored} and {@code <code>} in labels
     * @return per code, in the given order
     * @throws IllegalArgumentException as {@link #auc} does
     */
    public static Map<String, AucResult> perPathology(Dataset<Row> scored, Dataset<Row> labels, List<String> pathologyCodes) {
        Dataset<Row> predicted = scored.filter(col("status").equalTo(GuardResult.Status.PREDICTION.jsonName()));
        // Persisted so that each pathology's passes do not score the archive again.
        Dataset<Row> joined = predicted.join(labels, GuardScoring.STUDY_INSTANCE_UID).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Map<String, AucResult> results = new LinkedHashMap<>();
            for (String code : pathologyCodes) {
                results.put(code, auc(joined, ContractRows.probabilityColumn(code), code));
            }
            return results;
        } finally {
            joined.unpersist(false);
        }
    }

    /**
     * @param rows        cases; rows whose score is null are skipped (studies without a prediction)
     * @param scoreColumn numeric score, higher meaning more likely positive
     * @param labelColumn 0/1 or boolean label
     * @return AUC, DeLong variance and interval
     * @throws IllegalArgumentException on a NaN score, a label other than 0/1 or a null label, or an empty class
     */
    public static AucResult auc(Dataset<Row> rows, String scoreColumn, String labelColumn) {
        Dataset<Row> cases = rows.filter(col(scoreColumn).isNotNull())
                .select(col(scoreColumn).cast("double").as("s"), col(labelColumn).cast("int").as("y"));
        Row check = cases.agg(
                functions.sum(functions.when(functions.isnan(col("s")), 1).otherwise(0)),
                functions.sum(functions.when(col("y").isin(0, 1), 0).otherwise(1))).first();
        if (!check.isNullAt(0) && check.getLong(0) > 0) {
            throw new IllegalArgumentException(scoreColumn + " has " + check.getLong(0) + " NaN score(s)");
        }
        if (!check.isNullAt(1) && check.getLong(1) > 0) {
            throw new IllegalArgumentException(labelColumn + " has " + check.getLong(1) + " label(s) that are not 0 or 1");
        }
        Dataset<Row> counts = cases.groupBy("s").agg(
                functions.sum(col("y")).cast("long").as("p"),
                functions.sum(functions.lit(1).minus(col("y"))).cast("long").as("q"));
        int partitions = Integer.parseInt(rows.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        JavaRDD<Row> ranged = counts.repartitionByRange(partitions, col("s")).sortWithinPartitions("s")
                .javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return fromRanged(ranged, labelColumn);
        } finally {
            ranged.unpersist(false);
        }
    }

    private static AucResult fromRanged(JavaRDD<Row> ranged, String labelColumn) {
        List<long[]> totals = new ArrayList<>(ranged.mapPartitionsWithIndex((index, it) -> {
            long p = 0;
            long q = 0;
            while (it.hasNext()) {
                Row r = it.next();
                p += r.getLong(1);
                q += r.getLong(2);
            }
            return Collections.singletonList(new long[]{index, p, q}).iterator();
        }, true).collect());
        totals.sort((a, b) -> Long.compare(a[0], b[0]));
        long[] positivesBefore = new long[totals.size()];
        long[] negativesBefore = new long[totals.size()];
        long m = 0;
        long n = 0;
        for (int i = 0; i < totals.size(); i++) {
            positivesBefore[i] = m;
            negativesBefore[i] = n;
            m += totals.get(i)[1];
            n += totals.get(i)[2];
        }
        if (m < 1 || n < 1) {
            throw new IllegalArgumentException(labelColumn + ": positiveCount = " + m + " and negativeCount = " + n
                    + " must both be >= 1");
        }
        long positiveCount = m;
        long negativeCount = n;
        // Per distinct score: {p, q, 2*negatives below + negatives tied, 2*positives above + positives tied}.
        JavaRDD<long[]> components = ranged.mapPartitionsWithIndex((index, it) -> {
            long posBelow = positivesBefore[index];
            long negBelow = negativesBefore[index];
            List<long[]> out = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                long p = r.getLong(1);
                long q = r.getLong(2);
                out.add(new long[]{p, q, 2 * negBelow + q, 2 * (positiveCount - posBelow - p) + p});
                posBelow += p;
                negBelow += q;
            }
            return out.iterator();
        }, true).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long twicePairs = components.map(c -> c[0] * c[2]).fold(0L, Long::sum);
            double auc = twicePairs / (2.0 * positiveCount * (double) negativeCount);
            double[] squares = components.map(c -> {
                double d10 = c[2] / (2.0 * negativeCount) - auc;
                double d01 = c[3] / (2.0 * positiveCount) - auc;
                return new double[]{c[0] * d10 * d10, c[1] * d01 * d01};
            }).fold(new double[]{0, 0}, (a, b) -> new double[]{a[0] + b[0], a[1] + b[1]});
            double s10 = positiveCount < 2 ? SINGLE_CASE_COMPONENT_VARIANCE : squares[0] / (positiveCount - 1);
            double s01 = negativeCount < 2 ? SINGLE_CASE_COMPONENT_VARIANCE : squares[1] / (negativeCount - 1);
            double variance = s10 / positiveCount + s01 / negativeCount;
            double halfWidth = Z_975 * Math.sqrt(variance);
            double low = Math.max(0.0, Math.min(auc, auc - halfWidth));
            double high = Math.min(1.0, Math.max(auc, auc + halfWidth));
            return new AucResult(Math.toIntExact(positiveCount), Math.toIntExact(negativeCount), auc, variance, low, high);
        } finally {
            components.unpersist(false);
        }
    }
}
