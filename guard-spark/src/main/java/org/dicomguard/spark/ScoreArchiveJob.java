package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.core.evaluation.AucResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code spark-submit} entry point: scores an archive, writes the results and drift
 * statistics, and, given labels, the per-pathology AUCs.
 *
 * <pre>
 * ScoreArchiveJob ARCHIVE BUNDLE OUT [LABELS_CSV]
 *   OUT/contract   text, one contract JSON line per study (what dicom-guard score writes)
 *   OUT/results    parquet, the typed contract rows ({@link ContractRows#schema})
 *   OUT/drift      csv, {@link ArchiveDrift#byDaySite}
 *   OUT/reasons    csv, {@link ArchiveDrift#rejectionReasonsByDaySite}
 *   OUT/auc        csv, per pathology: n, positives, auc, variance, 95% interval (with LABELS_CSV)
 * </pre>
 * LABELS_CSV has a header {@code studyInstanceUid,<code>...} with 0/1 values (a pack's labels.csv).
 */
public final class ScoreArchiveJob {

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
        SparkSession spark = SparkSession.builder().appName("dicom-guard score " + archive).getOrCreate();
        List<String> codes = GuardScoring.pathologyCodes(bundle);
        Dataset<Row> files = spark.read().format("binaryFile")
                .option("recursiveFileLookup", "true").option("pathGlobFilter", "*.dcm").load(archive);
        Dataset<Row> keyed = GuardScoring.withStudyKeys(files.select(GuardScoring.PATH, GuardScoring.CONTENT), bundle);
        Dataset<Row> scored = GuardScoring.score(keyed, bundle).cache();
        scored.write().mode(SaveMode.ErrorIfExists).parquet(out + "/results");
        scored.select("contractJson").write().mode(SaveMode.ErrorIfExists).text(out + "/contract");
        // A second pass over the archive (header reads only matter, but binaryFile reads whole files):
        // cheaper than caching the archive's bytes.
        Dataset<Row> metadata = ArchiveDrift.studyMetadata(keyed).cache();
        ArchiveDrift.byDaySite(scored, metadata, codes).write().option("header", "true").csv(out + "/drift");
        ArchiveDrift.rejectionReasonsByDaySite(scored, metadata).write().option("header", "true").csv(out + "/reasons");
        if (args.length == 4) {
            Dataset<Row> labels = spark.read().option("header", "true").csv(args[3]);
            writeAucs(spark, DistributedAuc.perPathology(scored, labels, codes), out + "/auc");
        }
        spark.stop();
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
