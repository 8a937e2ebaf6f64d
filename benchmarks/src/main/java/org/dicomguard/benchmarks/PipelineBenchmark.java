package org.dicomguard.benchmarks;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The whole {@link Pipeline} per study (read, header rules, preprocessing, statistics gate, ONNX
 * inference) on one pre-written synthetic in-distribution study of the small size (four 512 x 416
 * mammograms, or one chest CT series), with the committed demo bundle. The Pipeline is shared by
 * every benchmark thread ({@code Scope.Benchmark}), so running with {@code -t 1} and {@code -t 2}
 * and comparing throughput measures how one shared Pipeline scales.
 *
 * <p>Run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar PipelineBenchmark -bm thrpt -tu s -t 1 -prof gc}, then
 * the same with {@code -t 2} (short: add {@code -f 1 -wi 2 -i 3 -r 3s}).
 * Setup fails when the study is not accepted, so a score always means a full prediction.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class PipelineBenchmark {

    /** Demo bundle task. */
    @Param({"mammography", "chest-ct"})
    public String task;

    private Pipeline pipeline;
    private List<Path> study;

    /**
     * Builds the Pipeline and writes the study, then checks that the study is predicted.
     *
     * @throws Exception when the bundle cannot be loaded or the study is not accepted
     */
    @Setup
    public void setUp() throws Exception {
        study = PipelineFixtures.studies(task, 1).get(0);
        pipeline = Pipeline.builder(ModelBundle.load(PipelineFixtures.bundle(task))).build();
        GuardResult first = pipeline.run(study);
        if (!(first instanceof Prediction)) {
            throw new IllegalStateException("the " + task + " study was not predicted: " + first);
        }
    }

    /** Closes the Pipeline. */
    @TearDown
    public void tearDown() {
        pipeline.close();
    }

    /** @return the study's result */
    @Benchmark
    public GuardResult run() {
        return pipeline.run(study);
    }
}
