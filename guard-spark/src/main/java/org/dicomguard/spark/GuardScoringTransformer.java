package org.dicomguard.spark;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

import java.time.Duration;
import java.util.Arrays;

/**
 * A Spark ML {@link Transformer} that scores grouped studies: rows of {@link ArchiveScoring#groupStudies}
 * ({@value GuardScoring#STUDY_KEY} and {@code files}: paths and sizes, no bytes) in, one output-contract
 * row per study out ({@link ContractRows#schema}), the rows {@link ArchiveScoring#scoreStudies} gives.
 * Usable as a stage of an ML {@code Pipeline} and saved with it (its Params only: the bundle is a
 * location, not copied).
 *
 * <pre>{@code
 * Dataset<Row> studies = ArchiveScoring.groupStudies(spark.read().format("dicom").load(archive));
 * GuardScoringTransformer scorer = new GuardScoringTransformer().setBundle("bundle.zip").setInferenceThreads(1);
 * Dataset<Row> results = new Pipeline().setStages(new PipelineStage[] {scorer}).fit(studies).transform(studies);
 * }</pre>
 *
 * <p>Params: {@code bundle} (required: a path every executor can read, or the name of a bundle shipped
 * with {@code --files}), {@code inferenceThreads} (ONNX Runtime intra-op threads of each executor's
 * Pipeline, 0..256, default 1: one task per core), {@code studiesPerTask} (1..10000, default 2) and
 * {@code studyTimeLimitSeconds} (default 600); the byte and file bounds per study are
 * {@link ArchiveScoringSettings#defaults()}'.
 */
public final class GuardScoringTransformer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;
    private final Param<String> bundle;
    private final IntParam inferenceThreads;
    private final IntParam studiesPerTask;
    private final IntParam studyTimeLimitSeconds;

    /** A scorer with a fresh uid and the default Params. */
    public GuardScoringTransformer() {
        this(Identifiable$.MODULE$.randomUID("dicomGuardScorer"));
    }

    /** @param uid the stage's uid (as {@link DefaultParamsReadable} restores it) */
    public GuardScoringTransformer(String uid) {
        this.uid = uid;
        ArchiveScoringSettings d = ArchiveScoringSettings.defaults();
        bundle = new Param<>(this, "bundle", "model bundle folder or zip, readable on driver and executors "
                + "(or the name of a bundle shipped with --files)");
        inferenceThreads = new IntParam(this, "inferenceThreads",
                "ONNX Runtime intra-op threads of each executor's Pipeline (0: ONNX Runtime decides)",
                ParamValidators.inRange(0, 256));
        studiesPerTask = new IntParam(this, "studiesPerTask", "studies per scoring task",
                ParamValidators.inRange(1, 10_000));
        studyTimeLimitSeconds = new IntParam(this, "studyTimeLimitSeconds",
                "wall time one study may take before it becomes a failed row", ParamValidators.gtEq(1));
        setDefault(inferenceThreads, d.inferenceThreads());
        setDefault(studiesPerTask, d.studiesPerTask());
        setDefault(studyTimeLimitSeconds, (int) d.studyTimeLimit().toSeconds());
    }

    @Override
    public String uid() {
        return uid;
    }

    /** @return the bundle Param */
    public Param<String> bundle() {
        return bundle;
    }

    /** @return the inference threads Param */
    public IntParam inferenceThreads() {
        return inferenceThreads;
    }

    /** @return the studies-per-task Param */
    public IntParam studiesPerTask() {
        return studiesPerTask;
    }

    /** @return the per-study time limit Param, in seconds */
    public IntParam studyTimeLimitSeconds() {
        return studyTimeLimitSeconds;
    }

    /** @param value bundle location @return this */
    public GuardScoringTransformer setBundle(String value) {
        set(bundle, value);
        return this;
    }

    /** @param value intra-op threads, 0..256 @return this */
    public GuardScoringTransformer setInferenceThreads(int value) {
        set(inferenceThreads, value);
        return this;
    }

    /** @param value studies per task, 1..10000 @return this */
    public GuardScoringTransformer setStudiesPerTask(int value) {
        set(studiesPerTask, value);
        return this;
    }

    /** @param value seconds, at least 1 @return this */
    public GuardScoringTransformer setStudyTimeLimitSeconds(int value) {
        set(studyTimeLimitSeconds, value);
        return this;
    }

    /** @return the settings these Params give */
    public ArchiveScoringSettings settings() {
        return ArchiveScoringSettings.defaults()
                .withInferenceThreads((Integer) getOrDefault(inferenceThreads))
                .withStudiesPerTask((Integer) getOrDefault(studiesPerTask))
                .withStudyTimeLimit(Duration.ofSeconds((Integer) getOrDefault(studyTimeLimitSeconds)));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        return ArchiveScoring.scoreStudies(dataset.toDF(), bundleLocation(), settings());
    }

    /**
     * @throws IllegalArgumentException when the bundle is not set or the input lacks
     *                                  {@value GuardScoring#STUDY_KEY} (string) or {@code files}
     *                                  (array of struct with {@value GuardScoring#PATH} and {@value ArchiveScoring#SIZE_BYTES})
     * @throws IllegalStateException    when the bundle cannot be loaded on the driver
     */
    @Override
    public StructType transformSchema(StructType schema) {
        String location = bundleLocation();
        java.util.List<String> names = Arrays.asList(schema.fieldNames());
        if (!names.contains(GuardScoring.STUDY_KEY) || !names.contains("files")) {
            throw new IllegalArgumentException("input columns " + names + " must include \"" + GuardScoring.STUDY_KEY
                    + "\" and \"files\" (ArchiveScoring.groupStudies gives them)");
        }
        DataType files = schema.apply("files").dataType();
        if (!(files instanceof ArrayType array) || !(array.elementType() instanceof StructType element)
                || !Arrays.asList(element.fieldNames()).containsAll(java.util.List.of(GuardScoring.PATH,
                ArchiveScoring.SIZE_BYTES))) {
            throw new IllegalArgumentException("column \"files\" must be an array of struct<" + GuardScoring.PATH
                    + ", " + ArchiveScoring.SIZE_BYTES + ">, got " + files.simpleString());
        }
        return ContractRows.schema(GuardScoring.pathologyCodes(location));
    }

    private String bundleLocation() {
        if (!isDefined(bundle)) {
            throw new IllegalArgumentException("Param bundle is not set (setBundle)");
        }
        return getOrDefault(bundle);
    }

    @Override
    public GuardScoringTransformer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** @return the reader of a saved scorer (as part of a saved ML Pipeline or alone) */
    public static MLReader<GuardScoringTransformer> read() {
        return new DefaultParamsReadable<GuardScoringTransformer>() {
        }.read();
    }

    /**
     * @param path where {@code write().save(path)} put it
     * @return the scorer with its Params
     */
    public static GuardScoringTransformer load(String path) {
        return read().load(path);
    }
}
