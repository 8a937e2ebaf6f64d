package org.dicomguard.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output contract as Spark rows: one row per study, columns in this order:
 * <ol>
 *   <li>{@code studyInstanceUid} string, null when no file of the study could be read</li>
 *   <li>{@code status} string: {@code prediction}, {@code rejected} or {@code failed}
 *       (the contract's JSON names)</li>
 *   <li>{@code bundleId} string</li>
 *   <li>{@code prob_<code>} float per bundle pathology, in manifest order; null unless a prediction</li>
 *   <li>{@code anyPathology} float, null unless a prediction</li>
 *   <li>{@code oodScore} double, the statistics-gate score of a prediction; null otherwise
 *       (a rejection carries its evidence in {@code contractJson})</li>
 *   <li>{@code reasonCodes} array&lt;string&gt;, the rejection reason codes in contract order; empty
 *       unless rejected</li>
 *   <li>{@code errorCode} string, null unless failed</li>
 *   <li>{@code contractJson} string, exactly the line {@code dicom-guard score} writes</li>
 * </ol>
 */
public final class ContractRows {

    /** Prefix of the per-pathology probability columns. */
    public static final String PROBABILITY_PREFIX = "prob_";

    private ContractRows() {
    }

    /**
     * @param pathologyCodes the bundle's pathology codes in manifest order
     * @return the output schema
     */
    public static StructType schema(List<String> pathologyCodes) {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField("studyInstanceUid", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        fields.add(DataTypes.createStructField("bundleId", DataTypes.StringType, false));
        for (String code : pathologyCodes) {
            fields.add(DataTypes.createStructField(probabilityColumn(code), DataTypes.FloatType, true));
        }
        fields.add(DataTypes.createStructField("anyPathology", DataTypes.FloatType, true));
        fields.add(DataTypes.createStructField("oodScore", DataTypes.DoubleType, true));
        fields.add(DataTypes.createStructField("reasonCodes",
                DataTypes.createArrayType(DataTypes.StringType, false), false));
        fields.add(DataTypes.createStructField("errorCode", DataTypes.StringType, true));
        fields.add(DataTypes.createStructField("contractJson", DataTypes.StringType, false));
        return DataTypes.createStructType(fields);
    }

    /**
     * @param pathologyCode a bundle pathology code
     * @return its probability column name, {@code prob_<code>}
     */
    public static String probabilityColumn(String pathologyCode) {
        return PROBABILITY_PREFIX + pathologyCode;
    }

    /**
     * @param result         a Pipeline result
     * @param pathologyCodes the bundle's pathology codes in manifest order
     * @return the row in {@link #schema(List)} shape
     */
    public static Row toRow(GuardResult result, List<String> pathologyCodes) {
        Object[] values = new Object[pathologyCodes.size() + 8];
        int i = 0;
        values[i++] = result.studyInstanceUidIfKnown().orElse(null);
        values[i++] = result.status().jsonName();
        values[i++] = result.bundleId();
        Float anyPathology = null;
        Double oodScore = null;
        List<String> reasonCodes = List.of();
        String errorCode = null;
        if (result instanceof Prediction p) {
            for (String code : pathologyCodes) {
                Optional<PathologyFinding> finding = p.finding(code);
                values[i++] = finding.map(PathologyFinding::probability).orElse(null);
            }
            anyPathology = p.anyPathology().probability();
            oodScore = p.ood().score();
        } else {
            i += pathologyCodes.size();
            if (result instanceof Rejected r) {
                reasonCodes = r.reasons().stream().map(RejectionReason::code).toList();
            } else if (result instanceof Failed f) {
                errorCode = f.errorCode();
            }
        }
        values[i++] = anyPathology;
        values[i++] = oodScore;
        values[i++] = scala.jdk.javaapi.CollectionConverters.asScala(reasonCodes).toSeq();
        values[i++] = errorCode;
        values[i] = ContractJson.write(result);
        return RowFactory.create(values);
    }
}
