package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardScoringTest {

    private static SyntheticArchive archive;

    @BeforeAll
    static void writeArchive() throws Exception {
        archive = SyntheticArchive.get();
    }

    static Dataset<Row> binaryFiles(String folder) {
        return LocalSpark.session().read().format("binaryFile")
                .option("recursiveFileLookup", "true").option("pathGlobFilter", "*.dcm").load(folder);
    }

    @Test
    void score_binaryContent_givesTheScoreLinesStudyByStudy() {
        Dataset<Row> scored = GuardScoring.score(binaryFiles(archive.pack.toString()), archive.bundle.toString());
        List<String> lines = scored.select("contractJson").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(sorted(archive.scoreLines), sorted(lines));
    }

    @Test
    void score_pathsOnly_givesTheScoreLinesStudyByStudy() {
        Dataset<Row> paths = binaryFiles(archive.pack.toString()).select(GuardScoring.PATH);
        Dataset<Row> scored = GuardScoring.score(paths, archive.bundle.toString());
        List<String> lines = scored.select("contractJson").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(sorted(archive.scoreLines), sorted(lines));
    }

    @Test
    void score_withDriftAlertsFolder_givesTheSameLinesAndEachExecutorOpensItsAlertFile(@TempDir Path alerts)
            throws Exception {
        Dataset<Row> scored = GuardScoring.score(binaryFiles(archive.pack.toString()), archive.bundle.toString(),
                alerts.toString());
        List<String> lines = scored.select("contractJson").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(sorted(archive.scoreLines), sorted(lines));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(alerts)) {
            List<String> names = files.map(f -> f.getFileName().toString()).toList();
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).startsWith("drift-alerts-") && names.get(0).endsWith(".jsonl"), names.toString());
        }
    }

    @Test
    void score_eachStatus_fillsTheTypedColumnsFromTheContract() {
        List<Row> rows = GuardScoring.score(binaryFiles(archive.pack.toString()), archive.bundle.toString()).collectAsList();
        int[] seen = new int[3];
        for (Row row : rows) {
            GuardResult result = ContractJson.read(row.getAs("contractJson"));
            assertEquals(result.status().jsonName(), row.getAs("status"));
            assertEquals(result.bundleId(), row.getAs("bundleId"));
            assertEquals(result.studyInstanceUidIfKnown().orElse(null), row.getAs("studyInstanceUid"));
            List<String> reasons = row.getList(row.fieldIndex("reasonCodes"));
            if (result instanceof Prediction p) {
                seen[0]++;
                for (var finding : p.pathologies()) {
                    assertEquals(finding.probability(), (float) row.getAs(ContractRows.probabilityColumn(finding.code())));
                }
                assertEquals(p.anyPathology().probability(), (float) row.getAs("anyPathology"));
                assertEquals(p.ood().score(), (double) row.getAs("oodScore"));
                assertTrue(reasons.isEmpty());
                assertNull(row.getAs("errorCode"));
            } else if (result instanceof Rejected r) {
                seen[1]++;
                assertEquals(r.reasons().stream().map(x -> x.code()).toList(), reasons);
                assertNull(row.getAs("prob_mass"));
                assertNull(row.getAs("errorCode"));
            } else {
                seen[2]++;
                assertEquals(((Failed) result).errorCode(), row.getAs("errorCode"));
                assertNull(row.getAs("oodScore"));
            }
        }
        assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0,
                "the pack must exercise every status, got predictions/rejected/failed = " + seen[0] + "/" + seen[1] + "/"
                        + seen[2] + "; first line " + rows.get(0).getAs("contractJson"));
    }

    @Test
    void score_missingPathColumn_isRefusedNamingTheColumns() {
        Dataset<Row> noPath = binaryFiles(archive.pack.toString()).select("content");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GuardScoring.score(noPath, archive.bundle.toString()));
        assertEquals("input columns [content] must include \"path\"", e.getMessage());
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
