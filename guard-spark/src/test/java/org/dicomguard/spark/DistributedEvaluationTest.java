package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.ContractLines;
import org.dicomguard.core.evaluation.EvaluationCsv;
import org.dicomguard.core.evaluation.OurScores;
import org.dicomguard.core.evaluation.RocAuc;
import org.dicomguard.core.evaluation.StudyTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DistributedEvaluationTest {

    private static SyntheticArchive archive;
    private static Dataset<Row> keyed;
    private static Dataset<Row> scored;
    private static List<String> codes;

    @BeforeAll
    static void scoreArchive() throws Exception {
        archive = SyntheticArchive.get();
        keyed = GuardScoring.withStudyKeys(GuardScoringTest.binaryFiles(archive.pack.toString()), archive.bundle.toString())
                .cache();
        scored = GuardScoring.score(keyed, archive.bundle.toString()).cache();
        codes = GuardScoring.pathologyCodes(archive.bundle.toString());
    }

    @AfterAll
    static void release() {
        scored.unpersist();
        keyed.unpersist();
    }

    @Test
    void perPathology_scoredPack_equalsSingleMachineEvaluationOfTheScoreLines(@TempDir Path dir) throws Exception {
        Dataset<Row> labels = LocalSpark.session().read().option("header", "true").csv(archive.labels.toString());
        Map<String, AucResult> distributed = DistributedAuc.perPathology(scored, labels, codes);

        // Single machine: the score lines and labels.csv through the evaluation readers, aligned by study.
        OurScores ours = ContractLines.readScores(SyntheticArchive.writeLines(dir.resolve("scores.jsonl"), archive.scoreLines));
        StudyTable labelTable = EvaluationCsv.readStudyTable(archive.labels, true);
        Map<String, Integer> labelRows = labelTable.rowIndexByStudy();
        StudyTable probabilities = ours.probabilities();
        assertEquals(codes, new ArrayList<>(distributed.keySet()));
        for (String code : codes) {
            List<Double> scores = new ArrayList<>();
            List<Boolean> positives = new ArrayList<>();
            int scoreColumn = probabilities.pathologyCodes().indexOf(code);
            int labelColumn = labelTable.pathologyCodes().indexOf(code);
            for (int row = 0; row < probabilities.size(); row++) {
                Integer labelRow = labelRows.get(probabilities.studyInstanceUids().get(row));
                if (labelRow != null) {
                    scores.add(probabilities.value(row, scoreColumn));
                    positives.add(labelTable.value(labelRow, labelColumn) == 1.0);
                }
            }
            double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] y = new boolean[positives.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = positives.get(i);
            }
            DistributedAucTest.assertSame(RocAuc.auc(s, y), distributed.get(code));
        }
    }

    @Test
    void byDaySite_scoredPack_countsEveryStudyUnderItsDayAndSite() {
        Dataset<Row> metadata = ArchiveDrift.studyMetadata(keyed);
        List<Row> drift = ArchiveDrift.byDaySite(scored, metadata, codes).collectAsList();
        long total = 0;
        long predictions = 0;
        for (Row row : drift) {
            total += row.<Long>getAs("studies");
            predictions += row.<Long>getAs("predictions");
        }
        assertEquals(scored.count(), total);
        assertEquals(scored.filter("status = 'prediction'").count(), predictions);
        // Two days x two sites in the archive; the unreadable file has neither.
        Set<LocalDate> days = new TreeSet<>();
        for (Row row : drift) {
            if (row.getAs(ArchiveDrift.DAY) != null) {
                days.add(((java.sql.Date) row.getAs(ArchiveDrift.DAY)).toLocalDate());
            }
        }
        assertEquals(Set.of(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3)), days);
        Row cell = drift.stream().filter(r -> r.getAs(ArchiveDrift.DAY) != null && r.<Long>getAs("predictions") > 0)
                .findFirst().orElseThrow();
        Dataset<Row> inCell = scored.join(metadata, GuardScoring.STUDY_INSTANCE_UID)
                .filter(functions.col(GuardScoring.SITE).equalTo(cell.<String>getAs(GuardScoring.SITE))
                        .and(functions.col(GuardScoring.STUDY_DATE).equalTo(
                                ((java.sql.Date) cell.getAs(ArchiveDrift.DAY)).toLocalDate().toString().replace("-", ""))))
                .filter("status = 'prediction'");
        assertEquals(inCell.count(), cell.<Long>getAs("predictions"));
        assertEquals(inCell.agg(functions.avg("prob_mass")).first().getDouble(0), cell.<Double>getAs("mean_prob_mass"), 1e-12);
    }

    @Test
    void rejectionReasonsByDaySite_scoredPack_countsEveryRejectionReason() {
        long reasons = scored.selectExpr("size(reasonCodes) AS n").agg(org.apache.spark.sql.functions.sum("n"))
                .first().getLong(0);
        List<Row> rows = ArchiveDrift.rejectionReasonsByDaySite(scored, ArchiveDrift.studyMetadata(keyed)).collectAsList();
        assertEquals(reasons, rows.stream().mapToLong(r -> r.<Long>getAs("reasons")).sum());
    }
}
