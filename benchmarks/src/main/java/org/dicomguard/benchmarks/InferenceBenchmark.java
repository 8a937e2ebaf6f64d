package org.dicomguard.benchmarks;

import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.OrtModel;
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

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * ONNX Runtime inference of a committed demo model ({@code samples/bundles/demo-<task>}) through
 * {@link OrtModel#run}, with {@link InferenceSettings#defaults()}: mammography input [1, 4, 256, 208],
 * chest CT [1, 1, 32, 64, 64]. The input is seeded uniform noise in [0, 1) (the range of the
 * prepared tensors); the demo models are plain convolutional networks, so their cost does not depend
 * on the values.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar InferenceBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InferenceBenchmark {

    /** Demo bundle task. */
    @Param({"mammography", "chest-ct"})
    public String task;

    private OrtModel model;
    private float[] input;

    /**
     * Opens the demo model and fills one input.
     *
     * @throws Exception when the bundle or the model cannot be loaded
     */
    @Setup
    public void setUp() throws Exception {
        model = ModelBundle.load(PipelineFixtures.bundle(task)).openModel(InferenceSettings.defaults());
        input = new float[model.inputLength()];
        Random random = new Random(11);
        for (int i = 0; i < input.length; i++) {
            input[i] = random.nextFloat();
        }
    }

    /** Releases the ONNX Runtime session. */
    @TearDown
    public void tearDown() {
        model.close();
    }

    /**
     * @return the model's output probabilities
     * @throws Exception when ONNX Runtime fails
     */
    @Benchmark
    public float[] run() throws Exception {
        return model.run(input);
    }
}
