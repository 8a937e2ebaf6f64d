package org.dicomguard.benchmarks;

import org.dicomguard.core.task.mammography.MammographyStatistics;
import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.gate.GateDecision;
import org.dicomguard.ood.gate.MahalanobisGate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Mahalanobis gate decision on the 13 mammography input statistics (distance, threshold, top
 * contributing features), from a value array and from named {@link InputStatistics}. The
 * statistics themselves are computed inside mammography preprocessing from histograms it already
 * holds, so they are timed with {@link MammographyPreprocessBenchmark}, not separately.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar GateBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GateBenchmark {

    private MahalanobisGate gate;
    private double[] values;
    private InputStatistics statistics;

    /** Builds a gate with a random positive definite covariance and one in-distribution input. */
    @Setup
    public void setUp() {
        List<String> names = MammographyStatistics.NAMES;
        int p = names.size();
        List<FeatureSpec> specs = new ArrayList<>(p);
        for (String name : names) {
            specs.add(new FeatureSpec(name, "1"));
        }
        Random random = new Random(7);
        double[][] a = new double[p][p];
        for (double[] row : a) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian();
            }
        }
        double[][] covariance = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                double sum = i == j ? p : 0;
                for (int k = 0; k < p; k++) {
                    sum += a[i][k] * a[j][k];
                }
                covariance[i][j] = sum;
            }
        }
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                covariance[i][j] = covariance[j][i];
            }
        }
        gate = new MahalanobisGate(specs, new double[p], covariance, 6.0);
        values = new double[p];
        for (int i = 0; i < p; i++) {
            values[i] = random.nextGaussian();
        }
        statistics = InputStatistics.of(specs, values);
    }

    /** @return the decision for a value array */
    @Benchmark
    public GateDecision evaluateValues() {
        return gate.evaluate(values);
    }

    /** @return the decision for named statistics */
    @Benchmark
    public GateDecision evaluateStatistics() {
        return gate.evaluate(statistics);
    }
}
