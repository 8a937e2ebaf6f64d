package org.dicomguard.spark;

import org.apache.spark.sql.Encoders;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Throughput of single-JVM {@code score} and of {@link GuardScoring} on local[2] over the same
 * pack, for the README; off by default (timings are not asserted, and they need a quiet machine):
 * {@code mvn -pl guard-spark -am verify -Dtest=ThroughputReportTest -Dguard.spark.throughput=true
 * -Dguard.spark.throughputStudies=64 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "guard.spark.throughput", matches = "true")
class ThroughputReportTest {

    private static final int REPETITIONS = 3;

    @Test
    void report_samePack_printsMedianStudiesPerSecond(@TempDir Path dir) throws Exception {
        int studies = Integer.getInteger("guard.spark.throughputStudies", 64);
        Path pack = dir.resolve("pack");
        TestArchiveWriter.write(pack, 99L, studies, List.of());
        Path bundle = SyntheticArchive.get().bundle;

        double[] single = new double[REPETITIONS];
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(bundle)).build()) {
            scoreAll(pipeline, pack); // warm-up: class loading, JIT, ONNX Runtime session
            for (int r = 0; r < REPETITIONS; r++) {
                long t = System.nanoTime();
                assertEquals(studies, scoreAll(pipeline, pack));
                single[r] = studies / ((System.nanoTime() - t) / 1e9);
            }
        }
        double[] spark = new double[REPETITIONS];
        runSpark(pack, bundle); // warm-up: executor Pipeline, codegen
        for (int r = 0; r < REPETITIONS; r++) {
            long t = System.nanoTime();
            assertEquals(studies, runSpark(pack, bundle));
            spark[r] = studies / ((System.nanoTime() - t) / 1e9);
        }
        System.out.printf(java.util.Locale.ROOT, "THROUGHPUT studies=%d single-JVM score median %.1f studies/s %s;"
                        + " Spark local[2] median %.1f studies/s %s%n", studies, median(single), Arrays.toString(single),
                median(spark), Arrays.toString(spark));
    }

    private static int scoreAll(Pipeline pipeline, Path pack) {
        int count = 0;
        for (StudyFiles group : new StudyGrouper(pipeline.reader()).group(List.of(pack))) {
            ContractJson.write(pipeline.run(group));
            count++;
        }
        return count;
    }

    private static int runSpark(Path pack, Path bundle) {
        return GuardScoring.score(GuardScoringTest.binaryFiles(pack.toString()), bundle.toString())
                .select("contractJson").as(Encoders.STRING()).collectAsList().size();
    }

    private static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy[copy.length / 2];
    }
}
