package org.dicomguard.benchmarks;

import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.PairedDeLong;
import org.dicomguard.core.evaluation.PairedDeLongResult;
import org.dicomguard.core.evaluation.RocAuc;
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
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * ROC-AUC with its DeLong variance and 95% interval ({@link RocAuc#auc}), and the paired DeLong
 * comparison of two score sets ({@link PairedDeLong#compare}), for 10^3 to 10^6 scores read from
 * the same fixture the Python peer uses (about 30 % positives, scores rounded to 1e-4 so ties occur).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AucBenchmark -prof gc}
 * (short: add {@code -f 1 -wi 2 -i 3}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class AucBenchmark {

    /** Number of scores. */
    @Param({"1000", "10000", "100000", "1000000"})
    public int n;

    private double[] scores;
    private double[] secondScores;
    private boolean[] labels;

    /**
     * Reads the first {@code n} scores and derives a correlated second score set.
     *
     * @throws IOException when the fixture cannot be written or read
     */
    @Setup
    public void setUp() throws IOException {
        BenchmarkFixtures.LabeledScores data = BenchmarkFixtures.readScores(BenchmarkFixtures.directory(), n);
        scores = data.scores();
        labels = data.labels();
        Random random = new Random(11);
        secondScores = new double[n];
        for (int i = 0; i < n; i++) {
            secondScores[i] = Math.round((scores[i] + 0.1 * random.nextGaussian()) * 1e4) / 1e4;
        }
    }

    /** @return AUC with DeLong variance and interval */
    @Benchmark
    public AucResult aucWithDeLong() {
        return RocAuc.auc(scores, labels);
    }

    /** @return the paired DeLong comparison */
    @Benchmark
    public PairedDeLongResult pairedDeLong() {
        return PairedDeLong.compare(scores, secondScores, labels);
    }
}
