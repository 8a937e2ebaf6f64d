package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.PackEvaluation;
import org.dicomguard.core.evaluation.PackEvaluationLabels;
import org.dicomguard.core.evaluation.PackEvaluationResult;
import org.dicomguard.core.evaluation.PathologyEvaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.apache.spark.sql.functions.col;

/**
 * {@code dicom-guard evaluate} over a scored archive on the cluster: the same verdict
 * ({@link PackEvaluationResult#passed()}: each pathology's DeLong 95% lower bound against the bundle's
 * reference AUC minus the non-inferiority margin, no problem, and at most the allowed share of
 * labelled studies without a prediction), the same {@code metrics.json}
 * ({@link PackEvaluationResult#metricsJson()}), with the AUCs computed by {@link DistributedAuc}
 * (a constant number of Spark jobs whatever the pathology count) and the coverage and OOD counts
 * by joins; only per-pathology sums, the unscored labelled studies and the OOD studies' codes reach
 * the driver. The rules are {@link PackEvaluation#evaluate}'s; ROC curves are not drawn
 * ({@code curves} is empty: they need every score on one machine).
 */
public final class DistributedEvaluation {

    private DistributedEvaluation() {
    }

    /**
     * @param scored                      rows of {@link ArchiveScoring#score} over the pack
     * @param labels                      the pack's labels ({@link PackEvaluationLabels#read})
     * @param manifest                    the bundle's manifest (codes, reference AUCs)
     * @param nonInferiorityMargin        allowed AUC loss in [0, 0.5]
     * @param maxUnscoredLabelledFraction in [0, 1]
     * @return the evaluation, without ROC curves
     * @throws IllegalArgumentException on a margin or fraction out of range
     */
    public static PackEvaluationResult evaluate(Dataset<Row> scored, PackEvaluationLabels labels, BundleManifest manifest,
                                                double nonInferiorityMargin, double maxUnscoredLabelledFraction) {
        if (!(nonInferiorityMargin >= 0 && nonInferiorityMargin <= 0.5)) {
            throw new IllegalArgumentException("nonInferiorityMargin must be in [0, 0.5], got " + nonInferiorityMargin);
        }
        if (!(maxUnscoredLabelledFraction >= 0 && maxUnscoredLabelledFraction <= 1)) {
            throw new IllegalArgumentException("maxUnscoredLabelledFraction must be in [0, 1], got " + maxUnscoredLabelledFraction);
        }
        SparkSession spark = scored.sparkSession();
        Dataset<Row> labelRows = labelRows(spark, labels);
        Dataset<Row> oodRows = spark.createDataFrame(labels.oodKinds().entrySet().stream()
                .map(e -> RowFactory.create(e.getKey(), e.getValue())).toList(), new StructType()
                .add(GuardScoring.STUDY_INSTANCE_UID, DataTypes.StringType, false).add("kind", DataTypes.StringType, false));
        Dataset<Row> results = scored.select(col(GuardScoring.STUDY_INSTANCE_UID), col("status"), col("reasonCodes"),
                col("errorCode"));

        List<PackEvaluationResult.Unscored> unscored = unscored(labels, labelRows, results);
        Map<String, PackEvaluationResult.OodKind> ood = ood(oodRows, results);
        int unreadable = Math.toIntExact(results.filter(col(GuardScoring.STUDY_INSTANCE_UID).isNull()).count());
        int unlisted = Math.toIntExact(results.filter(col(GuardScoring.STUDY_INSTANCE_UID).isNotNull())
                .join(labelRows, results.col(GuardScoring.STUDY_INSTANCE_UID).equalTo(labelRows.col(GuardScoring.STUDY_INSTANCE_UID)), "left_anti")
                .join(oodRows, results.col(GuardScoring.STUDY_INSTANCE_UID).equalTo(oodRows.col(GuardScoring.STUDY_INSTANCE_UID)), "left_anti")
                .select(GuardScoring.STUDY_INSTANCE_UID).distinct().count());

        List<String> problems = new ArrayList<>();
        List<String> evaluable = new ArrayList<>();
        for (String code : labels.pathologyCodes()) {
            if (manifest.pathologies().stream().noneMatch(p -> p.code().equals(code))) {
                problems.add(code + ": the bundle does not score this pathology");
            } else {
                evaluable.add(code);
            }
        }
        Map<String, DistributedAuc.PathologyAuc> aucs = evaluable.isEmpty() ? Map.of()
                : DistributedAuc.perPathologyCounted(scored, labelRows, evaluable);
        List<PathologyEvaluation> evaluations = new ArrayList<>();
        for (String code : evaluable) {
            DistributedAuc.PathologyAuc counted = aucs.get(code);
            Optional<AucResult> auc = counted.auc();
            Optional<BundleManifest.ReferenceAuc> reference = manifest.referenceMetrics().pathologies().stream()
                    .filter(r -> r.code().equals(code)).findFirst();
            if (auc.isEmpty()) {
                problems.add(code + ": the scored studies hold " + counted.positives() + " positives of "
                        + (counted.positives() + counted.negatives())
                        + "; AUC needs both classes");
            } else if (reference.isEmpty()) {
                problems.add(code + ": the bundle has no reference AUC for this pathology");
            } else {
                evaluations.add(PathologyEvaluation.of(code, auc.get(), reference.get().auc(), nonInferiorityMargin));
            }
        }
        return new PackEvaluationResult(manifest.bundleId(), evaluations, Map.of(), labels.labels().size(), unscored,
                maxUnscoredLabelledFraction, ood, unreadable, unlisted, problems);
    }

    /** labels.csv as rows: {@code studyInstanceUid} and one int column per pathology code. */
    static Dataset<Row> labelRows(SparkSession spark, PackEvaluationLabels labels) {
        StructType schema = new StructType().add(GuardScoring.STUDY_INSTANCE_UID, DataTypes.StringType, false);
        for (String code : labels.pathologyCodes()) {
            schema = schema.add(code, DataTypes.IntegerType, false);
        }
        List<Row> rows = new ArrayList<>(labels.labels().size());
        labels.labels().forEach((uid, y) -> {
            Object[] values = new Object[y.length + 1];
            values[0] = uid;
            for (int i = 0; i < y.length; i++) {
                values[i + 1] = y[i];
            }
            rows.add(RowFactory.create(values));
        });
        return spark.createDataFrame(rows, schema);
    }

    /** Labelled studies without a prediction, in labels.csv order, as {@code evaluate} lists them. */
    private static List<PackEvaluationResult.Unscored> unscored(PackEvaluationLabels labels, Dataset<Row> labelRows,
                                                                Dataset<Row> results) {
        Map<String, PackEvaluationResult.Unscored> found = new HashMap<>();
        for (Row r : labelRows.select(GuardScoring.STUDY_INSTANCE_UID)
                .join(results, labelRows.col(GuardScoring.STUDY_INSTANCE_UID).equalTo(results.col(GuardScoring.STUDY_INSTANCE_UID)), "left_outer")
                .filter(col("status").isNull().or(col("status").notEqual(GuardResult.Status.PREDICTION.jsonName())))
                .select(labelRows.col(GuardScoring.STUDY_INSTANCE_UID), col("status"), col("reasonCodes"), col("errorCode"))
                .collectAsList()) {
            String uid = r.getString(0);
            found.put(uid, r.isNullAt(1) ? new PackEvaluationResult.Unscored(uid, "missing", List.of("NOT_IN_PACK"))
                    : new PackEvaluationResult.Unscored(uid, r.getString(1), codes(r)));
        }
        List<PackEvaluationResult.Unscored> ordered = new ArrayList<>();
        for (String uid : labels.labels().keySet()) {
            if (found.containsKey(uid)) {
                ordered.add(found.get(uid));
            }
        }
        return ordered;
    }

    /** Per ood.csv kind: studies, rejected, failed, predicted and studies per code. */
    private static Map<String, PackEvaluationResult.OodKind> ood(Dataset<Row> oodRows, Dataset<Row> results) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> byCode = new TreeMap<>();
        for (Row r : oodRows.join(results, oodRows.col(GuardScoring.STUDY_INSTANCE_UID)
                        .equalTo(results.col(GuardScoring.STUDY_INSTANCE_UID)), "left_outer")
                .select(col("kind"), col("status"), col("reasonCodes"), col("errorCode")).collectAsList()) {
            String kind = r.getString(0);
            int[] c = counts.computeIfAbsent(kind, k -> new int[4]);
            Map<String, Integer> codes = byCode.computeIfAbsent(kind, k -> new TreeMap<>());
            c[0]++;
            if (r.isNullAt(1)) {
                continue;
            }
            String status = r.getString(1);
            c[1] += status.equals(GuardResult.Status.REJECTED.jsonName()) ? 1 : 0;
            c[2] += status.equals(GuardResult.Status.FAILED.jsonName()) ? 1 : 0;
            c[3] += status.equals(GuardResult.Status.PREDICTION.jsonName()) ? 1 : 0;
            codes(r).forEach(code -> codes.merge(code, 1, Integer::sum));
        }
        Map<String, PackEvaluationResult.OodKind> result = new LinkedHashMap<>();
        counts.forEach((kind, c) -> result.put(kind, new PackEvaluationResult.OodKind(c[0], c[1], c[2], c[3],
                byCode.get(kind))));
        return result;
    }

    /** Rejection reason codes, or the error code, of a row with status, reasonCodes, errorCode at 1..3. */
    private static List<String> codes(Row r) {
        if (!r.isNullAt(3)) {
            return List.of(r.getString(3));
        }
        return r.isNullAt(2) ? List.of() : r.getList(2);
    }
}
