package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.core.evaluation.AucResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code spark-submit} entry point (and {@code guard-spark/run-local.sh}'s): scores an
 * archive with {@link ArchiveScoring}, writes the results and drift statistics, and, given labels,
 * the per-pathology AUCs.
 *
 * <pre>
 * ScoreArchiveJob ARCHIVE BUNDLE OUT [LABELS_CSV]
 *   OUT/contract   text, one contract JSON line per study (what dicom-guard score writes)
 *   OUT/results    parquet, the typed contract rows ({@link ContractRows#schema})
 *   OUT/drift      csv, {@link ArchiveDrift#byDaySite}
 *   OUT/reasons    csv, {@link ArchiveDrift#rejectionReasonsByDaySite}
 *   OUT/scanner-drift csv, {@link ScannerDrift#byScannerDay}: by scanner and day against the bundle's reference
 *   OUT/auc        csv, per pathology: n, positives, auc, variance, 95% interval (with LABELS_CSV)
 * </pre>
 * LABELS_CSV has a header {@code studyInstanceUid,<code>...} with 0/1 values (a pack's labels.csv).
 * Settings ({@code --conf}): {@code spark.dicomguard.studiesPerTask}, {@code spark.dicomguard.inferenceThreads},
 * {@code spark.dicomguard.studyTimeLimitSeconds}, {@code spark.dicomguard.maxStudyBytes},
 * {@code spark.dicomguard.drift} (default true; false: no drift, reasons and scanner-drift outputs)
 * (defaults: {@link ArchiveScoringSettings#defaults()}). One summary line goes to standard error:
 * files, studies, seconds per phase and shuffle bytes.
 */
public final class ScoreArchiveJob {

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private ScoreArchiveJob() {
    }

    /**
     * @param args ARCHIVE BUNDLE OUT [LABELS_CSV]
     */
    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: ScoreArchiveJob ARCHIVE BUNDLE OUT [LABELS_CSV]");
            System.exit(2);
        }
        String archive = args[0];
        String bundle = args[1];
        String out = args[2];
        long started = System.nanoTime();
        // Executors started by this job get ORT_DISABLE_TELEMETRY=1 (ONNX Runtime 1.29 crashes in its
        // telemetry when the JVM's command line is long, as an executor's is).
        SparkSession spark = SparkSession.builder().appName("dicom-guard score")
                .config("spark.executorEnv.ORT_DISABLE_TELEMETRY", "1").getOrCreate();
        spark.sparkContext().setLogLevel(System.getProperty("dicomguard.logLevel", "WARN"));
        // Every aggregation after scoring has one row per study: Spark's default of 200 shuffle partitions
        // gave the drift step hundreds of near-empty tasks (and a cached 200-partition study table).
        if (!spark.conf().contains(SHUFFLE_PARTITIONS)) {
            spark.conf().set(SHUFFLE_PARTITIONS, String.valueOf(spark.sparkContext().defaultParallelism()));
        }
        PhaseTimes phases = PhaseTimes.register(spark.sparkContext());
        long sessionReady = System.nanoTime();
        ArchiveScoringSettings settings = settings(spark);
        List<String> codes = GuardScoring.pathologyCodes(bundle);
        Dataset<Row> files = ArchiveScoring.discover(spark, archive, bundle).cache();
        long listed = phases.time("discover", files::count);
        Dataset<Row> scored = phases.time("group", () -> ArchiveScoring.score(files, bundle, settings)).cache();
        phases.run("score", () -> scored.write().mode(SaveMode.ErrorIfExists).parquet(out + "/results"));
        long scoredAt = System.nanoTime();
        long studies = scored.count();
        phases.run("contract", () -> scored.select("contractJson").write().mode(SaveMode.ErrorIfExists)
                .text(out + "/contract"));
        if (Boolean.parseBoolean(spark.conf().get("spark.dicomguard.drift", "true"))) {
            phases.run("drift", () -> {
                Dataset<Row> metadata = ArchiveDrift.studyMetadata(files).cache();
                ArchiveDrift.byDaySite(scored, metadata, codes).write().option("header", "true").csv(out + "/drift");
                ArchiveDrift.rejectionReasonsByDaySite(scored, metadata).write().option("header", "true")
                        .csv(out + "/reasons");
                try {
                    ScannerDrift.byScannerDay(scored, metadata, bundle).write().option("header", "true")
                            .csv(out + "/scanner-drift");
                } catch (IllegalStateException e) {
                    // A bundle without a usable drift reference (placeholder OOD profile).
                    System.err.println("dicom-guard spark: no scanner drift written: " + e.getMessage());
                }
            });
        }
        if (args.length == 4) {
            phases.run("auc", () -> {
                Dataset<Row> labels = spark.read().option("header", "true").csv(args[3]);
                try {
                    writeAucs(spark, DistributedAuc.perPathology(scored, labels, codes), out + "/auc");
                } catch (IllegalArgumentException e) {
                    // Labels that cannot give an AUC (one class only among the predicted studies).
                    System.err.println("dicom-guard spark: no AUC written: " + e.getMessage());
                }
            });
        }
        long dicom = files.filter("dicom").count();
        long done = System.nanoTime();
        Map<String, PhaseTimes.Phase> times = phases.phases();
        long scoreShuffle = 0;
        for (String phase : List.of("discover", "group", "score")) {
            scoreShuffle += times.containsKey(phase) ? times.get(phase).shuffleWriteBytes : 0;
        }
        System.err.print(phases.report());
        System.err.printf(Locale.ROOT, "dicom-guard spark: %d files listed, %d read as DICOM, %d result rows; "
                        + "session start %.1f s, discover+score+write results %.1f s (%.2f studies/s), whole job %.1f s; "
                        + "shuffle while scoring %d bytes (%.0f per study)%n",
                listed, dicom, studies, seconds(sessionReady - started), seconds(scoredAt - sessionReady),
                studies / Math.max(1e-9, seconds(scoredAt - sessionReady)), seconds(done - started), scoreShuffle,
                studies == 0 ? 0.0 : (double) scoreShuffle / studies);
        spark.stop();
    }

    private static ArchiveScoringSettings settings(SparkSession spark) {
        ArchiveScoringSettings d = ArchiveScoringSettings.defaults();
        var conf = spark.conf();
        return new ArchiveScoringSettings(
                Integer.parseInt(conf.get("spark.dicomguard.studiesPerTask", String.valueOf(d.studiesPerTask()))),
                Duration.ofSeconds(Long.parseLong(conf.get("spark.dicomguard.studyTimeLimitSeconds",
                        String.valueOf(d.studyTimeLimit().toSeconds())))),
                Long.parseLong(conf.get("spark.dicomguard.maxStudyBytes", String.valueOf(d.maxStudyBytes()))),
                d.maxFilesPerStudy(),
                Integer.parseInt(conf.get("spark.dicomguard.inferenceThreads", String.valueOf(d.inferenceThreads()))));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void writeAucs(SparkSession spark, Map<String, AucResult> aucs, String path) {
        StructType schema = new StructType().add("pathology", DataTypes.StringType).add("n", DataTypes.IntegerType)
                .add("positives", DataTypes.IntegerType).add("auc", DataTypes.DoubleType)
                .add("variance", DataTypes.DoubleType).add("auc95Low", DataTypes.DoubleType)
                .add("auc95High", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        aucs.forEach((code, r) -> rows.add(RowFactory.create(code, r.caseCount(), r.positiveCount(), r.auc(),
                r.variance(), r.auc95Low(), r.auc95High())));
        spark.createDataFrame(rows, schema).coalesce(1).write().option("header", "true").csv(path);
    }
}
