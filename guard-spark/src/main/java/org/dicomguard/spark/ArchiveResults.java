package org.dicomguard.spark;

import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;

/**
 * A Parquet results table that archives can append to and rerun into: a study scored again with
 * the same bundle and model is not added a second time, so the table holds one row per
 * (study, bundleId, modelSha256). A new bundle or model version adds its own rows beside the old.
 *
 * <p>The merge key is {@value #RESULT_KEY}: the StudyInstanceUID, or, for a row without one (a
 * file whose header was unreadable), a SHA-256 of its contract line; with {@code bundleId} and
 * {@value #MODEL_SHA256}. The first row stored for a key stays (insert if absent); to rescore
 * studies that failed for a passing reason, delete their rows first.
 *
 * <p>Delta Lake would give transactional MERGE; its Spark 4 artifact was not resolvable from
 * the registry this project builds against, so this is plain Parquet: reruns are idempotent,
 * but two jobs appending the same study at the same moment can both add it.
 */
public final class ArchiveResults {

    /** Column added to stored rows: the bundle's model SHA-256. */
    public static final String MODEL_SHA256 = "modelSha256";
    /** Column added to stored rows: the study part of the merge key. */
    public static final String RESULT_KEY = "resultKey";

    private ArchiveResults() {
    }

    /**
     * Appends the rows of {@code scored} whose key the table does not hold yet.
     *
     * @param scored      rows of {@link ContractRows#schema} (e.g. {@link ArchiveScoring#score})
     * @param modelSha256 the bundle's model SHA-256 ({@code ModelBundle.modelSha256()})
     * @param table       the Parquet folder (any Hadoop file system); created when absent
     * @return how many rows were added
     */
    public static long appendNew(Dataset<Row> scored, String modelSha256, String table) {
        SparkSession spark = scored.sparkSession();
        Column key = coalesce(col(GuardScoring.STUDY_INSTANCE_UID), sha2(col("contractJson"), 256));
        Dataset<Row> keyed = scored.withColumn(MODEL_SHA256, lit(modelSha256).cast(DataTypes.StringType))
                .withColumn(RESULT_KEY, key)
                .dropDuplicates(RESULT_KEY, "bundleId", MODEL_SHA256);
        Dataset<Row> fresh = exists(spark, table)
                ? keyed.join(spark.read().parquet(table).select(RESULT_KEY, "bundleId", MODEL_SHA256).alias("stored"),
                keyed.col(RESULT_KEY).equalTo(col("stored." + RESULT_KEY)).and(keyed.col("bundleId").equalTo(col("stored.bundleId")))
                        .and(keyed.col(MODEL_SHA256).equalTo(col("stored." + MODEL_SHA256))), "left_anti")
                : keyed;
        // Materialized before writing: the anti-join reads the table the rows are appended to.
        fresh = fresh.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long added = fresh.count();
            if (added > 0) {
                fresh.write().mode(SaveMode.Append).parquet(table);
            }
            return added;
        } finally {
            fresh.unpersist(false);
        }
    }

    private static boolean exists(SparkSession spark, String table) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(table);
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            return fs.exists(new org.apache.hadoop.fs.Path(path, "_SUCCESS")) || fs.exists(path)
                    && fs.listStatus(path, p -> p.getName().endsWith(".parquet")).length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look at " + table, e);
        }
    }
}
