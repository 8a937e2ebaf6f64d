package org.dicomguard.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
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
import java.util.Optional;

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
 * <p>All pathologies go through these passes together (keyed by pathology, range-partitioned by
 * pathology then score), so the job count is constant: one check-and-count aggregation, the range
 * sampling, the partition totals, the pair sums and the squared deviations, whatever the number
 * of pathologies.
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
     * One pathology's cases and, when both classes are present, its AUC.
     *
     * @param positives cases labelled 1 among the scored ones
     * @param negatives cases labelled 0 among the scored ones
     * @param auc       empty when a class has no case
     */
    public record PathologyAuc(long positives, long negatives, Optional<AucResult> auc) {
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
        Map<String, AucResult> results = new LinkedHashMap<>();
        perPathologyCounted(scored, labels, pathologyCodes).forEach((code, r) -> results.put(code,
                r.auc().orElseThrow(() -> oneClass(code, r))));
        return results;
    }

    /**
     * As {@link #perPathology}, but a pathology whose scored studies hold one class only gets an empty
     * AUC with its counts instead of an exception (what {@code evaluate} reports as a problem).
     *
     * @param scored         rows from {@link GuardScoring#score}
     * @param labels         as for {@link #perPathology}
     * @param pathologyCodes codes to evaluate
     * @return per code, in the given order
     * @throws IllegalArgumentException on a NaN score or a label other than 0/1
     */
    public static Map<String, PathologyAuc> perPathologyCounted(Dataset<Row> scored, Dataset<Row> labels,
                                                               List<String> pathologyCodes) {
        Dataset<Row> predicted = scored.filter(col("status").equalTo(GuardResult.Status.PREDICTION.jsonName()));
        Dataset<Row> joined = predicted.join(labels, GuardScoring.STUDY_INSTANCE_UID);
        List<String> scores = pathologyCodes.stream().map(ContractRows::probabilityColumn).toList();
        List<PathologyAuc> computed = compute(joined, scores, pathologyCodes);
        Map<String, PathologyAuc> results = new LinkedHashMap<>();
        for (int i = 0; i < pathologyCodes.size(); i++) {
            results.put(pathologyCodes.get(i), computed.get(i));
        }
        return results;
    }

    /**
     * @param rows        cases; rows whose score is null are skipped (studies without a prediction)
     * @param scoreColumn numeric score, higher meaning more likely positive
     * @param labelColumn 0/1 or boolean label
     * @return AUC, DeLong variance and interval
     * @throws IllegalArgumentException on a NaN score, a label other than 0/1 or a null label, or an empty class
     */
    public static AucResult auc(Dataset<Row> rows, String scoreColumn, String labelColumn) {
        PathologyAuc r = compute(rows, List.of(scoreColumn), List.of(labelColumn)).get(0);
        return r.auc().orElseThrow(() -> oneClass(labelColumn, r));
    }

    private static IllegalArgumentException oneClass(String labelColumn, PathologyAuc r) {
        return new IllegalArgumentException(labelColumn + ": positiveCount = " + r.positives() + " and negativeCount = "
                + r.negatives() + " must both be >= 1");
    }

    /** Every (score, label) column pair at once; see the class comment for the passes. */
    private static List<PathologyAuc> compute(Dataset<Row> rows, List<String> scoreColumns, List<String> labelColumns) {
        int k = scoreColumns.size();
        Column[] pairs = new Column[k];
        for (int i = 0; i < k; i++) {
            pairs[i] = functions.struct(functions.lit(i).as("k"), col(scoreColumns.get(i)).cast("double").as("s"),
                    col(labelColumns.get(i)).cast("int").as("y"));
        }
        Dataset<Row> cases = rows.select(functions.explode(functions.array(pairs)).as("c"))
                .select(col("c.k").as("k"), col("c.s").as("s"), col("c.y").as("y"))
                .filter(col("s").isNotNull());
        long[] nan = new long[k];
        long[] invalid = new long[k];
        for (Row r : cases.groupBy("k").agg(
                functions.sum(functions.when(functions.isnan(col("s")), 1).otherwise(0)),
                functions.sum(functions.when(col("y").isin(0, 1), 0).otherwise(1))).collectAsList()) {
            nan[r.getInt(0)] = r.getLong(1);
            invalid[r.getInt(0)] = r.getLong(2);
        }
        for (int i = 0; i < k; i++) {
            if (nan[i] > 0) {
                throw new IllegalArgumentException(scoreColumns.get(i) + " has " + nan[i] + " NaN score(s)");
            }
            if (invalid[i] > 0) {
                throw new IllegalArgumentException(labelColumns.get(i) + " has " + invalid[i]
                        + " label(s) that are not 0 or 1");
            }
        }
        Dataset<Row> counts = cases.groupBy("k", "s").agg(
                functions.sum(col("y")).cast("long").as("p"),
                functions.sum(functions.lit(1).minus(col("y"))).cast("long").as("q"));
        int partitions = Integer.parseInt(rows.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        JavaRDD<Row> ranged = counts.repartitionByRange(partitions, col("k"), col("s")).sortWithinPartitions("k", "s")
                .javaRDD().persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return fromRanged(ranged, k);
        } finally {
            ranged.unpersist(false);
        }
    }

    private static List<PathologyAuc> fromRanged(JavaRDD<Row> ranged, int k) {
        // Per partition and pathology: positives and negatives; then each one's counts before each partition.
        List<long[]> totals = new ArrayList<>(ranged.mapPartitionsWithIndex((index, it) -> {
            long[] sums = new long[1 + 2 * k];
            sums[0] = index;
            while (it.hasNext()) {
                Row r = it.next();
                sums[1 + 2 * r.getInt(0)] += r.getLong(2);
                sums[2 + 2 * r.getInt(0)] += r.getLong(3);
            }
            return Collections.singletonList(sums).iterator();
        }, true).collect());
        totals.sort((a, b) -> Long.compare(a[0], b[0]));
        long[][] positivesBefore = new long[totals.size()][k];
        long[][] negativesBefore = new long[totals.size()][k];
        long[] m = new long[k];
        long[] n = new long[k];
        for (int i = 0; i < totals.size(); i++) {
            for (int c = 0; c < k; c++) {
                positivesBefore[i][c] = m[c];
                negativesBefore[i][c] = n[c];
                m[c] += totals.get(i)[1 + 2 * c];
                n[c] += totals.get(i)[2 + 2 * c];
            }
        }
        // Per distinct (pathology, score): {k, p, q, 2*negatives below + negatives tied, 2*positives above + positives tied}.
        JavaRDD<long[]> components = ranged.mapPartitionsWithIndex((index, it) -> {
            long[] posBelow = positivesBefore[index].clone();
            long[] negBelow = negativesBefore[index].clone();
            List<long[]> out = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                int c = r.getInt(0);
                long p = r.getLong(2);
                long q = r.getLong(3);
                out.add(new long[]{c, p, q, 2 * negBelow[c] + q, 2 * (m[c] - posBelow[c] - p) + p});
                posBelow[c] += p;
                negBelow[c] += q;
            }
            return out.iterator();
        }, true).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long[] twicePairs = components.map(x -> {
                long[] v = new long[k];
                v[(int) x[0]] = x[1] * x[3];
                return v;
            }).fold(new long[k], DistributedAuc::addLongs);
            double[] auc = new double[k];
            for (int c = 0; c < k; c++) {
                auc[c] = m[c] < 1 || n[c] < 1 ? Double.NaN : twicePairs[c] / (2.0 * m[c] * (double) n[c]);
            }
            double[] squares = components.map(x -> {
                int c = (int) x[0];
                double[] v = new double[2 * k];
                if (m[c] >= 1 && n[c] >= 1) {
                    double d10 = x[3] / (2.0 * n[c]) - auc[c];
                    double d01 = x[4] / (2.0 * m[c]) - auc[c];
                    v[2 * c] = x[1] * d10 * d10;
                    v[2 * c + 1] = x[2] * d01 * d01;
                }
                return v;
            }).fold(new double[2 * k], DistributedAuc::addDoubles);
            List<PathologyAuc> results = new ArrayList<>(k);
            for (int c = 0; c < k; c++) {
                if (m[c] < 1 || n[c] < 1) {
                    results.add(new PathologyAuc(m[c], n[c], Optional.empty()));
                    continue;
                }
                double s10 = m[c] < 2 ? SINGLE_CASE_COMPONENT_VARIANCE : squares[2 * c] / (m[c] - 1);
                double s01 = n[c] < 2 ? SINGLE_CASE_COMPONENT_VARIANCE : squares[2 * c + 1] / (n[c] - 1);
                double variance = s10 / m[c] + s01 / n[c];
                double halfWidth = Z_975 * Math.sqrt(variance);
                double low = Math.max(0.0, Math.min(auc[c], auc[c] - halfWidth));
                double high = Math.min(1.0, Math.max(auc[c], auc[c] + halfWidth));
                results.add(new PathologyAuc(m[c], n[c], Optional.of(new AucResult(Math.toIntExact(m[c]),
                        Math.toIntExact(n[c]), auc[c], variance, low, high))));
            }
            return results;
        } finally {
            components.unpersist(false);
        }
    }

    private static long[] addLongs(long[] a, long[] b) {
        long[] sum = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static double[] addDoubles(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }
}
