package org.dicomguard.benchmarks;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Output contract v1: {@link ContractJson#write} and the strict {@link ContractJson#read} of a
 * prediction with 8 pathologies.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ContractJsonBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ContractJsonBenchmark {

    private Prediction prediction;
    private String json;

    /** Builds the prediction and its JSON once. */
    @Setup
    public void setUp() {
        String[] codes = {"mass", "calcification", "asymmetry", "distortion", "nodule", "emphysema",
            "groundGlass", "effusion"};
        PathologyFinding[] findings = new PathologyFinding[codes.length];
        for (int i = 0; i < codes.length; i++) {
            findings[i] = PathologyFinding.of(codes[i], 0.0731f + 0.1f * i, 0.31f);
        }
        List<PathologyFinding> list = List.of(findings);
        prediction = new Prediction("1.2.826.0.1.3680043.8.498.12345678901234567890", "demo-mammography-1",
                "a".repeat(64), list, AnyPathology.derivedFrom(AnyPathologyRule.MAX, list),
                new OodAssessment(3.2, 7.9), new Provenance("0.1.0", "b".repeat(64)));
        json = ContractJson.write(prediction);
    }

    /** @return the JSON text */
    @Benchmark
    public String write() {
        return ContractJson.write(prediction);
    }

    /** @return the strictly read result */
    @Benchmark
    public GuardResult strictRead() {
        return ContractJson.read(json);
    }
}
