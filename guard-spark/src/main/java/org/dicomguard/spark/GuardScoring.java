package org.dicomguard.spark;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;

import java.util.Arrays;
import java.util.List;

/**
 * Scores DICOM files on Spark: rows of files in, one output-contract row per study out
 * ({@link ContractRows#schema(List)}), the same results {@code dicom-guard score} gives on the
 * same files.
 *
 * <p>Input rows carry a {@value #PATH} string column (a local or shared-file-system path, or a
 * {@code file:} URI as {@code spark.read().format("binaryFile")} gives) and optionally a
 * {@value #CONTENT} binary column with the file's bytes; when {@value #CONTENT} is present it is
 * used and the path only names and orders the files (so archives on HDFS or S3 work). Files are
 * grouped by StudyInstanceUID read from their headers ({@link #withStudyKeys}); an unreadable
 * file forms its own group and gives one {@code failed} row, as in {@code score}.
 *
 * <p>Each executor JVM opens one Pipeline per bundle on first use and closes it when the JVM
 * stops (see {@link ExecutorPipelines}). The bundle is a path every executor can read, or the
 * name of a bundle shipped with {@code spark-submit --files}.
 *
 * <pre>{@code
 * Dataset<Row> files = spark.read().format("binaryFile")
 *         .option("recursiveFileLookup", "true").option("pathGlobFilter", "*.dcm").load(archive);
 * Dataset<Row> results = GuardScoring.score(files, "bundle.zip");
 * }</pre>
 */
public final class GuardScoring {

    /** Input column: the file's path or {@code file:} URI. */
    public static final String PATH = "path";
    /** Optional input column: the file's bytes. */
    public static final String CONTENT = "content";
    /** Column added by {@link #withStudyKeys}: the grouping key (study UID, or a per-file key when unreadable). */
    public static final String STUDY_KEY = "studyKey";
    /** Column added by {@link #withStudyKeys}: StudyDate (0008,0020) as written, null when absent or unreadable. */
    public static final String STUDY_DATE = "studyDate";
    /** Column added by {@link #withStudyKeys}: InstitutionName (0008,0080), null when absent or unreadable. */
    public static final String SITE = "site";
    /** Column added by {@link #withStudyKeys}: StudyInstanceUID, null when unreadable. */
    public static final String STUDY_INSTANCE_UID = "studyInstanceUid";
    /** Key prefix of a file whose header could not be read. */
    static final String UNREADABLE_KEY_PREFIX = "unreadable:";

    private GuardScoring() {
    }

    /**
     * @param files          rows with {@value #PATH} and optionally {@value #CONTENT}; a {@value #STUDY_KEY}
     *                       column, when present, is used as the grouping as given
     * @param bundleLocation bundle folder or zip readable on driver and executors, or shipped with {@code --files}
     * @return one row per study in {@link ContractRows#schema(List)} shape
     * @throws IllegalArgumentException when the {@value #PATH} column is missing
     * @throws IllegalStateException    when the bundle cannot be loaded on the driver
     */
    public static Dataset<Row> score(Dataset<Row> files, String bundleLocation) {
        return score(files, bundleLocation, null);
    }

    /**
     * As {@link #score(Dataset, String)}, with the drift monitor of {@code score --drift-alerts} on every
     * executor: input statistics, probabilities and the rejection rate against the bundle's reference
     * statistics; each executor JVM appends its alerts to {@code drift-alerts-<bundleId>-<pid>.jsonl} in
     * {@code driftAlertsDirectory} (a folder executors can write, e.g. on a shared file system).
     *
     * @param files                as for {@link #score(Dataset, String)}
     * @param bundleLocation       as for {@link #score(Dataset, String)}
     * @param driftAlertsDirectory alert folder, or null for no drift monitor
     * @return one row per study in {@link ContractRows#schema(List)} shape
     */
    public static Dataset<Row> score(Dataset<Row> files, String bundleLocation, String driftAlertsDirectory) {
        requirePathColumn(files);
        List<String> codes = pathologyCodes(bundleLocation);
        Dataset<Row> keyed = Arrays.asList(files.columns()).contains(STUDY_KEY) ? files : withStudyKeys(files, bundleLocation);
        boolean hasContent = Arrays.asList(keyed.columns()).contains(CONTENT);
        Dataset<Row> input = hasContent ? keyed.select(STUDY_KEY, PATH, CONTENT) : keyed.select(STUDY_KEY, PATH);
        return input.groupByKey((MapFunction<Row, String>) row -> row.getString(0), Encoders.STRING())
                .flatMapGroups(new StudyScorer(bundleLocation, codes, hasContent, driftAlertsDirectory), Encoders.row(ContractRows.schema(codes)));
    }

    /**
     * Reads each file's header on the executors and adds {@value #STUDY_KEY}, {@value #STUDY_INSTANCE_UID},
     * {@value #STUDY_DATE} and {@value #SITE} (for {@link ArchiveDrift}). Reading limits are the bundle
     * Pipeline's, as in {@code score}.
     *
     * @param files          rows with {@value #PATH} and optionally {@value #CONTENT}
     * @param bundleLocation as for {@link #score}
     * @return the input columns plus the four header columns
     */
    public static Dataset<Row> withStudyKeys(Dataset<Row> files, String bundleLocation) {
        requirePathColumn(files);
        StructType schema = files.schema()
                .add(STUDY_KEY, DataTypes.StringType, false)
                .add(STUDY_INSTANCE_UID, DataTypes.StringType, true)
                .add(STUDY_DATE, DataTypes.StringType, true)
                .add(SITE, DataTypes.StringType, true);
        return files.mapPartitions(new HeaderKeyer(bundleLocation), Encoders.row(schema));
    }

    /**
     * @param bundleLocation as for {@link #score}
     * @return the bundle's pathology codes in manifest order, the {@code prob_<code>} columns of the output
     * @throws IllegalStateException when the bundle cannot be loaded
     */
    public static List<String> pathologyCodes(String bundleLocation) {
        try {
            return ModelBundle.load(ExecutorPipelines.resolve(bundleLocation)).manifest().pathologies().stream()
                    .map(BundleManifest.PathologySpec::code).toList();
        } catch (BundleLoadException e) {
            throw new IllegalStateException("cannot load bundle " + bundleLocation + ": " + e.getMessage(), e);
        }
    }

    private static void requirePathColumn(Dataset<Row> files) {
        if (!Arrays.asList(files.columns()).contains(PATH)) {
            throw new IllegalArgumentException("input columns " + Arrays.toString(files.columns())
                    + " must include \"" + PATH + "\"");
        }
    }
}
