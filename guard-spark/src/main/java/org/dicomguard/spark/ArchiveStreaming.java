package org.dicomguard.spark;

import org.apache.spark.api.java.function.FlatMapGroupsWithStateFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.GroupState;
import org.apache.spark.sql.streaming.GroupStateTimeout;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;

import static org.apache.spark.sql.functions.col;

/**
 * Structured Streaming over a landing folder: files that arrive are keyed by study from their header
 * prefix (as {@link ArchiveScoring#discover} does: content sniffing, no pixel data), gathered per
 * study in checkpointed state, and a study is scored once it has been quiet (no new file) for the
 * quiet period; its row is appended to a Parquet results table with {@link ArchiveResults#appendNew}.
 * So a study whose files land across several micro-batches is scored once, whole, and a replayed
 * batch (restart from the checkpoint) adds no second row.
 *
 * <pre>{@code
 * StreamingQuery q = ArchiveStreaming.start(spark, "s3a://landing/", "bundle.zip", "s3a://results/table",
 *         "s3a://results/checkpoint", ArchiveStreaming.Settings.defaults());
 * }</pre>
 *
 * <p>Quiet means no file of the study seen by the stream for {@link Settings#quietPeriod()} of
 * processing time (a group-state timeout). A file of a study that lands after the study was
 * scored starts a new pending study; its (partial) row is not added when the table already holds
 * the study for this bundle and model, so size the quiet period to the longest gap between a
 * study's files in the landing folder. Files are read in place: the landing folder must keep them
 * until their study is scored.
 */
public final class ArchiveStreaming {

    /**
     * @param quietPeriod how long a study must get no new file before it is scored; positive
     * @param trigger     micro-batch interval (also how often quiet studies are looked for); positive
     * @param scoring     per-study bounds and threads of the scoring tasks
     */
    public record Settings(Duration quietPeriod, Duration trigger, ArchiveScoringSettings scoring) implements Serializable {

        public Settings {
            Objects.requireNonNull(scoring, "scoring");
            if (quietPeriod == null || quietPeriod.isNegative() || quietPeriod.isZero()
                    || trigger == null || trigger.isNegative() || trigger.isZero()) {
                throw new IllegalArgumentException("quietPeriod and trigger must be positive, got " + quietPeriod
                        + " and " + trigger);
            }
        }

        /** @return 5 minutes quiet, a 30 s trigger, {@link ArchiveScoringSettings#defaults()} */
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(5), Duration.ofSeconds(30), ArchiveScoringSettings.defaults());
        }
    }

    /** Columns of Spark's {@code binaryFile} source; only path and length are read (no content). */
    private static final StructType BINARY_FILE_SCHEMA = new StructType()
            .add("path", DataTypes.StringType, false)
            .add("modificationTime", DataTypes.TimestampType, false)
            .add("length", DataTypes.LongType, false)
            .add("content", DataTypes.BinaryType, true);

    private ArchiveStreaming() {
    }

    /**
     * Starts the stream.
     *
     * @param spark          the session
     * @param landing        the landing folder (searched recursively), any Hadoop file-system URI or local path
     * @param bundleLocation as for {@link GuardScoring#score}
     * @param resultsTable   the Parquet results table ({@link ArchiveResults})
     * @param checkpoint     the query's checkpoint folder (pending studies and offsets live there)
     * @param settings       quiet period, trigger, scoring
     * @return the running query
     * @throws IllegalStateException when the bundle cannot be loaded on the driver
     * @throws TimeoutException      as {@link org.apache.spark.sql.streaming.DataStreamWriter#start()}
     */
    public static StreamingQuery start(SparkSession spark, String landing, String bundleLocation, String resultsTable,
                                       String checkpoint, Settings settings) throws TimeoutException {
        String modelSha256;
        try {
            modelSha256 = ModelBundle.load(ExecutorPipelines.resolve(bundleLocation)).modelSha256();
        } catch (BundleLoadException e) {
            throw new IllegalStateException("cannot load bundle " + bundleLocation + ": " + e.getMessage(), e);
        }
        HeaderPass headers = new HeaderPass(bundleLocation, HadoopFiles.shipped(spark.sparkContext()),
                DicomFileFilter.byContent());
        Dataset<Row> files = spark.readStream().format("binaryFile").schema(BINARY_FILE_SCHEMA)
                .option("recursiveFileLookup", "true").load(landing)
                .select(col("path"), col("length"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) headers::call, Encoders.row(HeaderPass.SCHEMA))
                .filter(col(ArchiveScoring.DICOM));
        Dataset<Row> quietStudies = files
                .groupByKey((MapFunction<Row, String>) r -> r.getAs(GuardScoring.STUDY_KEY), Encoders.STRING())
                .flatMapGroupsWithState(new QuietRule(settings.quietPeriod().toMillis()), OutputMode.Append(),
                        Encoders.javaSerialization(PendingStudy.class), Encoders.row(ArchiveScoring.STUDY_SCHEMA),
                        GroupStateTimeout.ProcessingTimeTimeout());
        ArchiveScoringSettings scoring = settings.scoring();
        return quietStudies.writeStream()
                .queryName("dicom-guard-landing")
                .outputMode(OutputMode.Append())
                .option("checkpointLocation", checkpoint)
                .trigger(Trigger.ProcessingTime(settings.trigger().toMillis()))
                .foreachBatch((VoidFunction2<Dataset<Row>, Long>) (batch, id) -> {
                    if (!batch.isEmpty()) {
                        ArchiveResults.appendNew(ArchiveScoring.scoreStudies(batch, bundleLocation, scoring),
                                modelSha256, resultsTable);
                    }
                })
                .start();
    }

    /** A study's files seen so far (path to size, in path order): the checkpointed state of one pending study. */
    public static final class PendingStudy implements Serializable {

        private static final long serialVersionUID = 1L;

        private final TreeMap<String, Long> files = new TreeMap<>();

        /** @return the files, path to size (the live map) */
        TreeMap<String, Long> files() {
            return files;
        }
    }

    /**
     * The study-completeness rule: new files join the study's pending state and restart its quiet
     * timer; when the timer runs out the study is emitted whole and its state removed.
     */
    static final class QuietRule implements FlatMapGroupsWithStateFunction<String, Row, PendingStudy, Row> {

        private static final long serialVersionUID = 1L;

        private final long quietMillis;

        QuietRule(long quietMillis) {
            this.quietMillis = quietMillis;
        }

        @Override
        public Iterator<Row> call(String key, Iterator<Row> rows, GroupState<PendingStudy> state) {
            if (state.hasTimedOut()) {
                PendingStudy pending = state.get();
                state.remove();
                List<Row> files = new ArrayList<>(pending.files().size());
                pending.files().forEach((path, size) -> files.add(RowFactory.create(path, size)));
                // An array column of an encoded Row is a Scala Seq.
                return Collections.singletonList(RowFactory.create(key,
                        scala.jdk.javaapi.CollectionConverters.asScala(files).toList())).iterator();
            }
            PendingStudy pending = state.exists() ? state.get() : new PendingStudy();
            int pathIndex = HeaderPass.SCHEMA.fieldIndex(GuardScoring.PATH);
            int sizeIndex = HeaderPass.SCHEMA.fieldIndex(ArchiveScoring.SIZE_BYTES);
            while (rows.hasNext()) {
                Row r = rows.next();
                pending.files().put(r.getString(pathIndex), r.getLong(sizeIndex));
            }
            state.update(pending);
            state.setTimeoutDuration(quietMillis);
            return Collections.emptyIterator();
        }
    }
}
