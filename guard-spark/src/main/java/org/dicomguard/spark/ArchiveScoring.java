package org.dicomguard.spark;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

/**
 * Scores a DICOM archive on Spark with keys, not bytes, through the shuffle:
 *
 * <ol>
 *   <li>{@link #discover}: the archive is listed on the driver through the Hadoop FileSystem
 *       (local, HDFS, S3A, ...); tasks open each file, keep it when its first bytes say DICOM
 *       ({@link DicomFileFilter}, so UID-named exports are found), and read its header prefix
 *       only: one row per file with the study key and typed header columns ({@link HeaderPass#SCHEMA}).</li>
 *   <li>{@link #score}: file rows (path and size, no bytes) are grouped by study, each study gets
 *       an index, and studies are spread over {@code ceil(studies / studiesPerTask)} partitions by
 *       that index, so parallelism follows study count, not bytes. Each scoring task reads its
 *       studies' files itself ({@link StudyTask}); the archive's pixels are read once.</li>
 * </ol>
 *
 * <pre>{@code
 * Dataset<Row> files = ArchiveScoring.discover(spark, "hdfs:///archive/2024", "bundle.zip").cache();
 * Dataset<Row> results = ArchiveScoring.score(files, "bundle.zip", ArchiveScoringSettings.defaults());
 * }</pre>
 *
 * <p>The result rows are {@link ContractRows#schema(List)}, one per study (and one per unreadable
 * file), equal to the lines of {@code dicom-guard score} over the same files.
 */
public final class ArchiveScoring {

    /** File-row column: the file's size in bytes. */
    public static final String SIZE_BYTES = "sizeBytes";
    /** File-row column: whether the file is read as DICOM (false: skipped by the {@link DicomFileFilter}). */
    public static final String DICOM = "dicom";
    /** File-row column: the reader's error code when the header could not be read, else null. */
    public static final String HEADER_ERROR = "headerError";
    static final int HEADER_ERROR_INDEX = 15;

    /** Study rows between grouping and scoring: the key and the files (path, size). */
    static final StructType STUDY_SCHEMA = new StructType()
            .add(GuardScoring.STUDY_KEY, DataTypes.StringType, false)
            .add("files", DataTypes.createArrayType(new StructType()
                    .add(GuardScoring.PATH, DataTypes.StringType, false)
                    .add(SIZE_BYTES, DataTypes.LongType, false)), false);

    private ArchiveScoring() {
    }

    /** As {@link #discover(SparkSession, String, String, DicomFileFilter)} with {@link DicomFileFilter#byContent()}. */
    public static Dataset<Row> discover(SparkSession spark, String archive, String bundleLocation) {
        return discover(spark, archive, bundleLocation, DicomFileFilter.byContent());
    }

    /**
     * Lists the archive and reads each DICOM file's header prefix in the tasks.
     *
     * @param spark          the session
     * @param archive        a folder (searched recursively) or file, any Hadoop file-system URI or local path
     * @param bundleLocation as for {@link GuardScoring#score}: the header reads use its Pipeline's limits
     * @param filter         which files are DICOM
     * @return one row per listed file in {@link HeaderPass#SCHEMA}; cache it when it is used twice
     * @throws java.io.UncheckedIOException when the archive cannot be listed
     */
    public static Dataset<Row> discover(SparkSession spark, String archive, String bundleLocation,
                                        DicomFileFilter filter) {
        HadoopFiles files = HadoopFiles.shipped(spark.sparkContext());
        JavaRDD<Row> rows = headerRows(spark, files, archive, bundleLocation, filter);
        return spark.createDataFrame(rows, HeaderPass.SCHEMA);
    }

    /** Lists on the driver, reads header prefixes in tasks: rows of {@link HeaderPass#SCHEMA}. */
    static JavaRDD<Row> headerRows(SparkSession spark, HadoopFiles files, String archive, String bundleLocation,
                                   DicomFileFilter filter) {
        List<HadoopFiles.Entry> listed = files.list(archive);
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = Math.max(1, Math.min(listed.size(), context.defaultParallelism() * 4));
        return context.parallelize(listed, slices)
                .map(e -> org.apache.spark.sql.RowFactory.create(e.path(), e.sizeBytes()))
                .mapPartitions(new HeaderPass(bundleLocation, files, filter));
    }

    /**
     * @param discovered     rows of {@link #discover} (at least {@value GuardScoring#PATH}, {@value #SIZE_BYTES},
     *                       {@value #DICOM} and {@value GuardScoring#STUDY_KEY})
     * @param bundleLocation as for {@link GuardScoring#score}
     * @param settings       tasks and per-study bounds
     * @return one row per study in {@link ContractRows#schema(List)} shape
     * @throws IllegalStateException when the bundle cannot be loaded on the driver
     */
    public static Dataset<Row> score(Dataset<Row> discovered, String bundleLocation, ArchiveScoringSettings settings) {
        return scoreStudies(groupStudies(discovered), bundleLocation, settings);
    }

    /**
     * Groups file rows by study: keys and paths go through the shuffle, never file bytes.
     *
     * @param discovered rows of {@link #discover}; rows of {@code format("dicom")} (no {@value #DICOM}
     *                   column: every row is DICOM) work too
     * @return one row per study in {@link #STUDY_SCHEMA}: {@value GuardScoring#STUDY_KEY} and
     *         {@code files} (array of {@value GuardScoring#PATH}, {@value #SIZE_BYTES})
     */
    public static Dataset<Row> groupStudies(Dataset<Row> discovered) {
        Dataset<Row> dicom = java.util.Arrays.asList(discovered.columns()).contains(DICOM)
                ? discovered.filter(col(DICOM)) : discovered;
        return dicom.groupBy(GuardScoring.STUDY_KEY)
                .agg(collect_list(struct(GuardScoring.PATH, SIZE_BYTES)).as("files"));
    }

    /**
     * Scores grouped studies: each study gets an index and the studies are spread over
     * {@code ceil(studies / studiesPerTask)} partitions by that index, so parallelism follows study
     * count, not bytes; each scoring task reads its studies' files itself ({@link StudyTask}).
     *
     * @param studies        rows with {@value GuardScoring#STUDY_KEY} and {@code files} as {@link #groupStudies} gives
     * @param bundleLocation as for {@link GuardScoring#score}
     * @param settings       tasks and per-study bounds
     * @return one row per study in {@link ContractRows#schema(List)} shape
     * @throws IllegalStateException when the bundle cannot be loaded on the driver
     */
    public static Dataset<Row> scoreStudies(Dataset<Row> studies, String bundleLocation, ArchiveScoringSettings settings) {
        SparkSession spark = studies.sparkSession();
        List<String> codes = GuardScoring.pathologyCodes(bundleLocation);
        JavaRDD<Row> keyed = studies.select(GuardScoring.STUDY_KEY, "files").javaRDD()
                .persist(StorageLevel.MEMORY_AND_DISK());
        long count = keyed.count();
        int partitions = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (count + settings.studiesPerTask() - 1)
                / settings.studiesPerTask()));
        // Index i goes to partition i mod n (HashPartitioner on a Long index): equal study counts per task.
        JavaRDD<Row> spread = keyed.zipWithIndex().mapToPair(t -> new scala.Tuple2<>(t._2(), t._1()))
                .partitionBy(new HashPartitioner(partitions)).values();
        HadoopFiles files = HadoopFiles.shipped(spark.sparkContext());
        JavaRDD<Row> scored = spread.mapPartitions(new StudyTask(bundleLocation, codes, settings, files));
        return spark.createDataFrame(scored, ContractRows.schema(codes));
    }
}
