package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.RocAuc;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DistributedAucTest {

    private static final double TOLERANCE = 1e-12;
    private static final StructType SCHEMA = new StructType()
            .add("score", DataTypes.DoubleType, true)
            .add("label", DataTypes.IntegerType, true);

    @Test
    void auc_tiedScoresOverManyPartitions_equalsSingleMachineDeLong() {
        SplittableRandom random = new SplittableRandom(42);
        int count = 600;
        double[] scores = new double[count];
        boolean[] labels = new boolean[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextDouble() < 0.3;
            // Rounded to 0.05 so that many scores tie within and across classes.
            double raw = random.nextDouble() * 0.7 + (labels[i] ? 0.3 : 0.0);
            scores[i] = Math.round(raw * 20) / 20.0;
        }
        assertSame(RocAuc.auc(scores, labels), DistributedAuc.auc(dataset(scores, labels), "score", "label"));
    }

    @Test
    void auc_continuousScores_equalsSingleMachineDeLong() {
        SplittableRandom random = new SplittableRandom(7);
        int count = 301;
        double[] scores = new double[count];
        boolean[] labels = new boolean[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 3 == 0;
            scores[i] = random.nextGaussian() + (labels[i] ? 0.8 : 0.0);
        }
        assertSame(RocAuc.auc(scores, labels), DistributedAuc.auc(dataset(scores, labels), "score", "label"));
    }

    @Test
    void auc_singlePositiveAndAllTied_usesTheSameSmallClassConventions() {
        double[] scores = {0.5, 0.5, 0.5, 0.5, 0.5};
        boolean[] labels = {false, true, false, false, false};
        AucResult expected = RocAuc.auc(scores, labels);
        assertSame(expected, DistributedAuc.auc(dataset(scores, labels), "score", "label"));
        assertEquals(0.5, expected.auc());
    }

    @Test
    void auc_nullScores_areSkippedLikeStudiesWithoutPrediction() {
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(0.9, 1));
        rows.add(RowFactory.create(0.2, 0));
        rows.add(RowFactory.create(0.4, 1));
        rows.add(RowFactory.create(0.6, 0));
        rows.add(RowFactory.create(null, 1));
        AucResult expected = RocAuc.auc(new double[]{0.9, 0.2, 0.4, 0.6}, new boolean[]{true, false, true, false});
        assertSame(expected, DistributedAuc.auc(LocalSpark.session().createDataFrame(rows, SCHEMA), "score", "label"));
    }

    @Test
    void auc_emptyClass_isRefusedNamingBothCounts() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DistributedAuc.auc(
                dataset(new double[]{0.1, 0.2}, new boolean[]{true, true}), "score", "label"));
        assertEquals("label: positiveCount = 2 and negativeCount = 0 must both be >= 1", e.getMessage());
    }

    @Test
    void auc_nanScoreOrBadLabel_isRefused() {
        List<Row> nan = List.of(RowFactory.create(Double.NaN, 1), RowFactory.create(0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> DistributedAuc.auc(
                LocalSpark.session().createDataFrame(nan, SCHEMA), "score", "label"));
        List<Row> badLabel = List.of(RowFactory.create(0.3, 2), RowFactory.create(0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> DistributedAuc.auc(
                LocalSpark.session().createDataFrame(badLabel, SCHEMA), "score", "label"));
    }

    static void assertSame(AucResult expected, AucResult actual) {
        assertEquals(expected.positiveCount(), actual.positiveCount());
        assertEquals(expected.negativeCount(), actual.negativeCount());
        assertEquals(expected.auc(), actual.auc(), TOLERANCE);
        assertEquals(expected.variance(), actual.variance(), TOLERANCE);
        assertEquals(expected.auc95Low(), actual.auc95Low(), TOLERANCE);
        assertEquals(expected.auc95High(), actual.auc95High(), TOLERANCE);
    }

    private static Dataset<Row> dataset(double[] scores, boolean[] labels) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            rows.add(RowFactory.create(scores[i], labels[i] ? 1 : 0));
        }
        // Several input partitions, so the groupBy and range partitioning really shuffle.
        return LocalSpark.session().createDataFrame(rows, SCHEMA).repartition(3);
    }
}
