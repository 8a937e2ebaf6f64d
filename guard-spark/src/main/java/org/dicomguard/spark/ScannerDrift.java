package org.dicomguard.spark;

import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.monitoring.BundleDriftAlerts;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.drift.KolmogorovSmirnov;
import org.dicomguard.ood.profile.ReferenceProfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

/**
 * Drift by scanner and day against the bundle's reference statistics: per (Manufacturer,
 * ManufacturerModelName, StationName, StudyDate) the result mix, the rejection rate beside the rate
 * the bundle expects (its OOD profile's target false-reject rate times images per study, the
 * expectation of {@code score --drift-alerts}' rejection-rate monitor), and, per pathology, the
 * two-sample Kolmogorov-Smirnov statistic and asymptotic p-value of the group's predicted
 * probabilities against the profile's reference sample of that probability (the drift monitor's
 * {@code probability:<code>} stream, {@link KolmogorovSmirnov} as the monitor computes it).
 *
 * <p>A group's probabilities are gathered in one row ({@code collect_list}): a scanner-day holds
 * hundreds to thousands of studies, not millions. The reference samples (at most
 * {@value DriftReference#MAX_STORED_VALUES} values per stream) travel with the task.
 */
public final class ScannerDrift {

    /** Scanner columns of {@link ArchiveDrift#studyMetadata} (from the header pass). */
    public static final List<String> SCANNER_COLUMNS = List.of("manufacturer", "manufacturerModelName", "stationName");

    private ScannerDrift() {
    }

    /**
     * @param scored         rows from {@link ArchiveScoring#score}
     * @param metadata       {@link ArchiveDrift#studyMetadata} of {@link ArchiveScoring#discover} rows (it
     *                       carries the scanner columns)
     * @param bundleLocation the bundle whose profile holds the reference statistics
     * @return per scanner and day: {@code manufacturer, manufacturerModelName, stationName, day, studies,
     *         predictions, rejected, failed, rejectedFraction, expectedRejectedFraction}, then per pathology
     *         {@code ks_prob_<code>} and {@code ksP_prob_<code>} (null without predictions or reference),
     *         sorted by scanner then day
     * @throws IllegalStateException when the bundle or its profile cannot be loaded
     */
    public static Dataset<Row> byScannerDay(Dataset<Row> scored, Dataset<Row> metadata, String bundleLocation) {
        ReferenceProfile profile;
        ModelBundle bundle;
        try {
            bundle = ModelBundle.load(ExecutorPipelines.resolve(bundleLocation));
            profile = BundleDriftAlerts.profile(bundle);
        } catch (BundleLoadException e) {
            throw new IllegalStateException("cannot load the reference statistics of " + bundleLocation + ": "
                    + e.getMessage(), e);
        }
        List<String> codes = GuardScoring.pathologyCodes(bundleLocation);
        double expected = Math.min(0.5, profile.targetFalseRejectRate()
                * bundle.manifest().task().gatedImagesPerStudy());
        Map<String, double[]> references = new LinkedHashMap<>();
        for (String code : codes) {
            String stream = DriftReference.PROBABILITY_PREFIX + code;
            references.put(code, profile.driftReference().sortedSamplesByStream().containsKey(stream)
                    ? profile.driftReference().sortedSample(stream) : null);
        }
        Column prediction = col("status").equalTo(GuardResult.Status.PREDICTION.jsonName());
        Column rejected = col("status").equalTo(GuardResult.Status.REJECTED.jsonName());
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(functions.sum(when(prediction, 1).otherwise(0)).as("predictions"));
        aggregates.add(functions.sum(when(rejected, 1).otherwise(0)).as("rejected"));
        aggregates.add(functions.sum(when(col("status").equalTo(GuardResult.Status.FAILED.jsonName()), 1).otherwise(0))
                .as("failed"));
        aggregates.add(functions.avg(when(rejected, 1.0).otherwise(0.0)).as("rejectedFraction"));
        for (String code : codes) {
            String column = ContractRows.probabilityColumn(code);
            aggregates.add(functions.collect_list(when(prediction, col(column))).as("all_" + column));
        }
        List<String> keys = new ArrayList<>(SCANNER_COLUMNS);
        keys.add(ArchiveDrift.DAY);
        Dataset<Row> grouped = ArchiveDrift.withMetadata(scored, metadata)
                .groupBy(keys.stream().map(functions::col).toArray(Column[]::new))
                .agg(functions.count(functions.lit(1)).as("studies"), aggregates.toArray(new Column[0]));
        StructType schema = new StructType();
        for (String key : SCANNER_COLUMNS) {
            schema = schema.add(key, DataTypes.StringType, true);
        }
        schema = schema.add(ArchiveDrift.DAY, DataTypes.DateType, true)
                .add("studies", DataTypes.LongType, false).add("predictions", DataTypes.LongType, false)
                .add("rejected", DataTypes.LongType, false).add("failed", DataTypes.LongType, false)
                .add("rejectedFraction", DataTypes.DoubleType, false)
                .add("expectedRejectedFraction", DataTypes.DoubleType, false);
        for (String code : codes) {
            schema = schema.add("ks_" + ContractRows.probabilityColumn(code), DataTypes.DoubleType, true)
                    .add("ksP_" + ContractRows.probabilityColumn(code), DataTypes.DoubleType, true);
        }
        int fixed = keys.size() + 6;
        List<double[]> referenceList = new ArrayList<>(references.values());
        return grouped.map((MapFunction<Row, Row>) r -> {
            Object[] values = new Object[fixed + 2 * referenceList.size()];
            int at = keys.size();
            for (int i = 0; i < at; i++) {
                values[i] = r.get(i);
            }
            for (int i = 0; i < 4; i++) {
                values[at + i] = r.getLong(at + i);
            }
            values[at + 4] = r.getDouble(at + 4);
            values[fixed - 1] = expected;
            for (int c = 0; c < referenceList.size(); c++) {
                List<Float> probabilities = r.getList(at + 5 + c);
                double[] reference = referenceList.get(c);
                if (reference == null || probabilities.isEmpty()) {
                    continue;
                }
                double[] sample = probabilities.stream().mapToDouble(Float::doubleValue).sorted().toArray();
                double d = KolmogorovSmirnov.statistic(sample, reference);
                values[fixed + 2 * c] = d;
                values[fixed + 2 * c + 1] = KolmogorovSmirnov.pValue(d, sample.length, reference.length);
            }
            return RowFactory.create(values);
        }, Encoders.row(schema)).orderBy(keys.stream().map(k -> col(k).asc_nulls_first()).toArray(Column[]::new));
    }
}
