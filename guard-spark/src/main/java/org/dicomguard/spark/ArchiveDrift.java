package org.dicomguard.spark;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dicomguard.contract.GuardResult;

import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Drift statistics of a scored archive by day and site: how the result mix, the rejection
 * reasons, the probabilities and the input-distribution score move over time and across sites.
 *
 * <p>Day is the StudyDate (0008,0020) parsed as {@code yyyyMMdd} (null when absent or malformed),
 * site the InstitutionName (0008,0080) (null when absent), both taken from
 * {@link GuardScoring#withStudyKeys} through {@link #studyMetadata}; a caller with its own site
 * mapping passes any {@code studyInstanceUid, studyDate, site} dataset instead. The input
 * statistic summarised is the statistics gate's {@code oodScore} (the Mahalanobis distance of the
 * study's image statistics to the bundle's reference profile); per-feature statistics are in the
 * Pipeline's monitoring events, not in the contract rows. Percentiles are Spark's
 * {@code percentile_approx} (relative rank error 1/10000), fine for monitoring, not for reporting
 * exact quantiles.
 */
public final class ArchiveDrift {

    /** Column: the study day (date). */
    public static final String DAY = "day";

    private ArchiveDrift() {
    }

    /**
     * @param keyedFiles the output of {@link GuardScoring#withStudyKeys}
     * @return one row per readable study: {@code studyInstanceUid, studyDate, site}, and the scanner
     *         columns {@code manufacturer, manufacturerModelName, stationName} when the files carry them
     *         ({@link ArchiveScoring#discover} rows do)
     */
    public static Dataset<Row> studyMetadata(Dataset<Row> keyedFiles) {
        List<Column> columns = new ArrayList<>();
        columns.add(functions.min(GuardScoring.SITE).as(GuardScoring.SITE));
        for (String scanner : ScannerDrift.SCANNER_COLUMNS) {
            if (java.util.Arrays.asList(keyedFiles.columns()).contains(scanner)) {
                columns.add(functions.min(scanner).as(scanner));
            }
        }
        return keyedFiles.filter(col(GuardScoring.STUDY_INSTANCE_UID).isNotNull())
                .groupBy(GuardScoring.STUDY_INSTANCE_UID)
                .agg(functions.min(GuardScoring.STUDY_DATE).as(GuardScoring.STUDY_DATE), columns.toArray(new Column[0]));
    }

    /**
     * Per (day, site): {@code studies, predictions, rejected, failed, rejectedFraction}, and for
     * predictions {@code mean_prob_<code>, p50_prob_<code>, p90_prob_<code>} per pathology,
     * {@code meanAnyPathology, meanOodScore, p95OodScore}. Studies without metadata (unreadable
     * files) fall in the null day and site.
     *
     * @param scored         rows from {@link GuardScoring#score}
     * @param metadata       {@code studyInstanceUid, studyDate, site}, one row per study
     * @param pathologyCodes the bundle's codes
     * @return the statistics, sorted by day then site
     */
    public static Dataset<Row> byDaySite(Dataset<Row> scored, Dataset<Row> metadata, List<String> pathologyCodes) {
        Column prediction = col("status").equalTo(GuardResult.Status.PREDICTION.jsonName());
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(functions.sum(when(prediction, 1).otherwise(0)).as("predictions"));
        aggregates.add(functions.sum(when(col("status").equalTo(GuardResult.Status.REJECTED.jsonName()), 1).otherwise(0))
                .as("rejected"));
        aggregates.add(functions.sum(when(col("status").equalTo(GuardResult.Status.FAILED.jsonName()), 1).otherwise(0))
                .as("failed"));
        aggregates.add(functions.avg(when(col("status").equalTo(GuardResult.Status.REJECTED.jsonName()), 1.0)
                .otherwise(0.0)).as("rejectedFraction"));
        for (String code : pathologyCodes) {
            String column = ContractRows.probabilityColumn(code);
            aggregates.add(functions.avg(col(column)).as("mean_" + column));
            aggregates.add(functions.percentile_approx(col(column), lit(0.5), lit(10000)).as("p50_" + column));
            aggregates.add(functions.percentile_approx(col(column), lit(0.9), lit(10000)).as("p90_" + column));
        }
        aggregates.add(functions.avg(col("anyPathology")).as("meanAnyPathology"));
        aggregates.add(functions.avg(col("oodScore")).as("meanOodScore"));
        aggregates.add(functions.percentile_approx(col("oodScore"), lit(0.95), lit(10000)).as("p95OodScore"));
        return withDaySite(scored, metadata)
                .groupBy(DAY, GuardScoring.SITE)
                .agg(functions.count(lit(1)).as("studies"), aggregates.toArray(new Column[0]))
                .orderBy(col(DAY).asc_nulls_first(), col(GuardScoring.SITE).asc_nulls_first());
    }

    /**
     * @param scored   rows from {@link GuardScoring#score}
     * @param metadata as for {@link #byDaySite}
     * @return {@code day, site, reasonCode, reasons}: rejection reasons per code (a study rejected for
     *         two reasons counts under both)
     */
    public static Dataset<Row> rejectionReasonsByDaySite(Dataset<Row> scored, Dataset<Row> metadata) {
        return withDaySite(scored, metadata)
                .select(col(DAY), col(GuardScoring.SITE), functions.explode(col("reasonCodes")).as("reasonCode"))
                .groupBy(DAY, GuardScoring.SITE, "reasonCode")
                .agg(functions.count(lit(1)).as("reasons"))
                .orderBy(col(DAY).asc_nulls_first(), col(GuardScoring.SITE).asc_nulls_first(), col("reasonCode"));
    }

    private static Dataset<Row> withDaySite(Dataset<Row> scored, Dataset<Row> metadata) {
        return withMetadata(scored, metadata);
    }

    /** The scored rows with the study's {@value #DAY}, site and (when the metadata has them) scanner columns. */
    static Dataset<Row> withMetadata(Dataset<Row> scored, Dataset<Row> metadata) {
        List<Column> columns = new ArrayList<>();
        columns.add(col(GuardScoring.STUDY_INSTANCE_UID));
        columns.add(functions.try_to_timestamp(col(GuardScoring.STUDY_DATE), lit("yyyyMMdd")).cast("date").as(DAY));
        columns.add(col(GuardScoring.SITE));
        for (String scanner : ScannerDrift.SCANNER_COLUMNS) {
            if (java.util.Arrays.asList(metadata.columns()).contains(scanner)) {
                columns.add(col(scanner));
            }
        }
        Dataset<Row> days = metadata.select(columns.toArray(new Column[0]));
        return scored.join(days, scored.col(GuardScoring.STUDY_INSTANCE_UID).equalTo(days.col(GuardScoring.STUDY_INSTANCE_UID)),
                "left_outer").drop(days.col(GuardScoring.STUDY_INSTANCE_UID));
    }
}
