package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.core.bundle.TestEvaluationBundles;
import org.dicomguard.core.bundle.TestMammographyPacks;
import org.dicomguard.core.evaluation.HardCaseCollector;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluateCommandTest {

    @TempDir
    static Path shared;
    static Path passingBundle;
    static Path failingBundle;
    static Path pack;

    @TempDir
    Path dir;

    final CliSession cli = new CliSession();

    @BeforeAll
    static void fixtures() throws IOException {
        passingBundle = shared.resolve("passing");
        TestEvaluationBundles.write(passingBundle, TestEvaluationBundles.referenceMetrics(0.5, 0.5));
        failingBundle = shared.resolve("failing");
        TestEvaluationBundles.write(failingBundle, TestEvaluationBundles.referenceMetrics(1.0, 0.0));
        pack = shared.resolve("pack");
        // 12 labelled studies, the first one blank (rejected), and two out-of-distribution studies.
        TestMammographyPacks.write(pack, 3, 12, 1, List.of(MammographySyntheticKind.CT_SLICE, MammographySyntheticKind.BLANK));
    }

    @Test
    void evaluate_lowReferenceAndTolerantCoverage_exit0WithReportAndProgress() throws IOException {
        Path report = dir.resolve("report");
        int exit = cli.run("evaluate", "--bundle", passingBundle.toString(), "--pack", pack.toString(),
                "--report", report.toString(), "--max-unscored-fraction", "0.1");
        assertEquals(0, exit, cli.stdout() + cli.stderr());
        JsonNode metrics = StrictJson.mapper().readTree(Files.readString(report.resolve("metrics.json")));
        assertTrue(metrics.get("passed").asBoolean());
        assertEquals(2, metrics.get("pathologies").size());
        assertEquals(11, metrics.get("pathologies").get(0).get("n").asInt());
        assertEquals(0.5, metrics.get("pathologies").get(0).get("nonInferiorityMargin").asDouble());
        JsonNode coverage = metrics.get("labelledCoverage");
        assertEquals(1, coverage.get("unscoredStudies").asInt());
        assertEquals(TestMammographyPacks.studyUid(3, 0), coverage.get("unscored").get(0).get("studyInstanceUid").asText());
        assertEquals(1, metrics.get("ood").get("ct_slice").get("rejected").asInt());
        assertEquals(1.0, metrics.get("ood").get("blank").get("rejectionRate").asDouble());
        assertTrue(metrics.get("ood").get("ct_slice").get("studiesByCode").has("WRONG_MODALITY"));
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Out-of-distribution"), "ROC curves and OOD table");
        assertTrue(cli.stderr().contains("evaluate: 10/14 studies"), cli.stderr());
        assertTrue(cli.stderr().contains("evaluate: 14/14 studies (100%)"), cli.stderr());
        assertTrue(cli.stdout().contains("PASSED"));
    }

    @Test
    void evaluate_rejectedLabelledStudyAboveDefaultFraction_exit1() {
        int exit = cli.run("evaluate", "--bundle", passingBundle.toString(), "--pack", pack.toString(),
                "--report", dir.resolve("r").toString());
        assertEquals(1, exit, cli.stdout() + cli.stderr());
        assertTrue(cli.stdout().contains("labelled studies without a prediction: 1 of 12 (8.3%, allowed 2.0%)"), cli.stdout());
    }

    @Test
    void evaluate_referenceAboveReach_exit1WithFailingRows() throws IOException {
        Path report = dir.resolve("r");
        int exit = cli.run("evaluate", "--bundle", failingBundle.toString(), "--pack", pack.toString(),
                "--report", report.toString(), "--max-unscored-fraction", "0.1");
        assertEquals(1, exit, cli.stdout() + cli.stderr());
        assertTrue(cli.stdout().contains("FAIL"), cli.stdout());
        JsonNode metrics = StrictJson.mapper().readTree(Files.readString(report.resolve("metrics.json")));
        assertFalse(metrics.get("pathologies").get(0).get("passed").asBoolean());
    }

    @Test
    void evaluate_marginOutOfRange_exit2OneLine() {
        int exit = cli.run("evaluate", "--bundle", passingBundle.toString(), "--pack", pack.toString(),
                "--report", dir.resolve("r").toString(), "--margin", "0.7");
        assertEquals(2, exit);
        assertEquals(1, cli.stderr().lines().filter(l -> l.startsWith("dicom-guard evaluate:")).count(), cli.stderr());
        assertTrue(cli.stderr().contains("nonInferiorityMargin must be in [0, 0.5], got 0.7"), cli.stderr());
        assertFalse(cli.stderr().contains("\tat "), "no stack trace without --debug");
    }

    @Test
    void evaluate_packWithoutLabels_exit2() {
        int exit = cli.run("evaluate", "--bundle", passingBundle.toString(), "--pack", dir.toString());
        assertEquals(2, exit);
        assertTrue(cli.stderr().contains("labels.csv"), cli.stderr());
    }

    @Test
    void evaluate_hardCases_rejectedStudiesCopiedUnderHashedNames() throws IOException {
        Path hard = dir.resolve("hard");
        cli.run("evaluate", "--bundle", passingBundle.toString(), "--pack", pack.toString(), "--report",
                dir.resolve("r").toString(), "--hard-cases", hard.toString(), "--hard-case-margin", "0");
        List<String> index = Files.readAllLines(hard.resolve(HardCaseCollector.INDEX_FILE));
        assertEquals(4, index.size(), String.join("\n", index)); // header + 1 blank labelled + 2 OOD
        try (var cases = Files.list(hard)) {
            List<Path> folders = cases.filter(Files::isDirectory).toList();
            assertEquals(3, folders.size());
            for (Path f : folders) {
                assertTrue(f.getFileName().toString().matches("case-[0-9a-f]{16}"), f.toString());
                assertTrue(Files.isRegularFile(f.resolve("0.dcm")) && Files.isRegularFile(f.resolve("3.dcm")));
            }
        }
        assertFalse(String.join("\n", index).contains(TestEvaluationBundles.PATIENT_ID));
    }
}
