package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestEvaluationBundles;
import org.dicomguard.core.bundle.TestMammographyPacks;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackEvaluationTest {

    @TempDir
    static Path dir;
    static Pipeline pipeline;
    static PackEvaluationLabels labels;
    static List<PackEvaluation.StudyOutcome> outcomes;

    @BeforeAll
    static void runPack() throws Exception {
        Path bundle = dir.resolve("bundle");
        TestEvaluationBundles.write(bundle, TestEvaluationBundles.referenceMetrics(0.5, 0.5));
        Path pack = dir.resolve("pack");
        TestMammographyPacks.write(pack, 3, 12, 1, List.of(MammographySyntheticKind.CT_SLICE,
                MammographySyntheticKind.BLANK));
        pipeline = Pipeline.builder(ModelBundle.load(bundle)).build();
        labels = PackEvaluationLabels.read(pack);
        outcomes = PackEvaluation.runStudies(pipeline, List.of(pack), PackEvaluation.StudyObserver.none());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static GuardResult resultOf(String uid) {
        return outcomes.stream().filter(o -> o.result().studyInstanceUidIfKnown().orElse("").equals(uid))
                .findFirst().orElseThrow().result();
    }

    @Test
    void runStudies_pack_oneOutcomePerStudyReadBackFromItsContractLine() {
        assertEquals(14, outcomes.size());
        for (PackEvaluation.StudyOutcome o : outcomes) {
            assertEquals(o.contractLine(), org.dicomguard.contract.ContractJson.write(o.result()));
        }
        for (int i = 1; i < 12; i++) {
            assertInstanceOf(Prediction.class, resultOf(TestMammographyPacks.studyUid(3, i)), "study " + i);
        }
    }

    @Test
    void evaluate_lowReference_passesButBrokenStudyListed() {
        PackEvaluationResult result = PackEvaluation.evaluate(pipeline.bundle().manifest(), labels, outcomes, 0.5, 0.1);
        assertEquals(2, result.evaluations().size(), result.problems().toString());
        assertEquals(1, result.unscored().size());
        assertEquals(TestMammographyPacks.studyUid(3, 0), result.unscored().get(0).studyInstanceUid());
        assertEquals("rejected", result.unscored().get(0).status());
        assertEquals(11, result.evaluations().get(0).n());
        assertTrue(result.passed(), "1 of 12 unscored is within 10%");
    }

    @Test
    void evaluate_unscoredAboveFraction_fails() {
        PackEvaluationResult result = PackEvaluation.evaluate(pipeline.bundle().manifest(), labels, outcomes, 0.5, 0.02);
        assertTrue(EvaluationReport.allPassed(result.evaluations()));
        assertFalse(result.passed(), "1 of 12 unscored is above 2%");
    }

    @Test
    void evaluate_highReference_fails() {
        BundleManifest m = pipeline.bundle().manifest();
        BundleManifest strict = new BundleManifest(m.schemaVersion(), m.bundleId(), m.task(), m.model(), m.pathologies(),
                m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(), m.headerRules(), m.oodProfile(),
                TestEvaluationBundles.referenceMetrics(1.0, 0.0));
        PackEvaluationResult result = PackEvaluation.evaluate(strict, labels, outcomes, 0.0, 1.0);
        assertFalse(result.passed());
        assertTrue(result.evaluations().stream().noneMatch(PathologyEvaluation::passed));
    }

    @Test
    void evaluate_oodStudies_countedByKindAndCode() throws Exception {
        PackEvaluationResult result = PackEvaluation.evaluate(pipeline.bundle().manifest(), labels, outcomes, 0.5, 0.1);
        assertEquals(1, result.ood().get("ct_slice").studies());
        assertEquals(1.0, result.ood().get("ct_slice").rejectionRate());
        assertEquals(1.0, result.ood().get("blank").rejectionRate());
        result.write(dir.resolve("report"), "test");
        JsonNode json = StrictJson.mapper().readTree(Files.readString(dir.resolve("report/metrics.json")));
        assertEquals(1, json.get("ood").get("ct_slice").get("rejected").asInt());
        assertEquals(1, json.get("labelledCoverage").get("unscoredStudies").asInt());
        assertTrue(json.get("ood").get("blank").get("studiesByCode").size() >= 1);
        String html = Files.readString(dir.resolve("report/report.html"));
        assertTrue(html.contains("<svg") && html.contains("Run verdict") && html.contains("AUC non-inferiority"), html);
    }
}
