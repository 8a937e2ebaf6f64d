package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.evaluation.OcclusionReport;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.training.BundleWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the model looks: a shortcut model that reads only the corners of the chest radiograph
 * input (outside the lungs and the thoracic region around them), bundled with the demo bundle's
 * manifest and profile, fails {@code evaluate} with {@value OcclusionReport#REASON_CODE}; the demo
 * bundle itself passes the occlusion test with margin. The model is made by
 * samples/training/make_shortcut_chest_xray.py.
 */
class ShortcutModelEvaluateTest {

    static final Path DEMO = Path.of("bundles/demo-chest-xray");

    @TempDir
    static Path shared;
    static Path pack;
    static Path shortcut;

    @BeforeAll
    static void fixtures() throws Exception {
        pack = shared.resolve("pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-xray"), 302, 30)).write(pack);
        BundleManifest demo = ModelBundle.load(DEMO).manifest();
        BundleManifest template = new BundleManifest(demo.schemaVersion(), "shortcut-chest-xray-1", demo.task(),
                demo.model(), demo.pathologies(), demo.anyPathology(), demo.preprocessing(),
                demo.preprocessingFingerprint(), demo.headerRules(), demo.oodProfile(), demo.referenceMetrics(),
                demo.studyComposition());
        byte[] model;
        try (InputStream in = ShortcutModelEvaluateTest.class.getResourceAsStream("/shortcut/shortcut-chest-xray.onnx")) {
            assertNotNull(in, "shortcut model resource");
            model = in.readAllBytes();
        }
        shortcut = shared.resolve("shortcut");
        BundleWriter.write(shortcut, template, model, Files.readAllBytes(DEMO.resolve(demo.oodProfile().file())));
        // The re-stamped bundle loads: same interface, behaviour fingerprint of its own model.
        assertEquals("shortcut-chest-xray-1", ModelBundle.load(shortcut).manifest().bundleId());
    }

    @Test
    void evaluate_shortcutModelReadingOnlyCorners_failsWithEvidenceOutsideOrgan() throws Exception {
        Path report = shared.resolve("report-shortcut");
        Run run = evaluate(shortcut, report);
        assertEquals(DicomGuardCli.EXIT_CHECK_FAILED, run.exit, run.out + run.err);
        assertTrue(run.out.contains("problem: " + OcclusionReport.REASON_CODE), run.out);
        JsonNode metrics = metrics(report);
        assertFalse(metrics.get("passed").asBoolean());
        assertEquals(OcclusionReport.REASON_CODE, metrics.get("verdictReasonCodes").get(0).asText());
        JsonNode occlusion = metrics.get("occlusion");
        assertEquals("thorax", occlusion.get("organ").asText());
        for (JsonNode p : occlusion.get("pathologies")) {
            // Only what lies outside moves its output: the organ swap changes nothing it reads.
            assertTrue(p.get("outsideShare").asDouble() > 0.75, p.toString());
            assertTrue(p.get("meanChangeOutsideSwapped").asDouble() > 0.01, p.toString());
        }
        assertTrue(Files.readString(report.resolve("report.html")).contains("Where the model looks"));
    }

    @Test
    void evaluate_demoChestXrayBundle_occlusionPassesWithMargin() throws Exception {
        Path report = shared.resolve("report-demo");
        Run run = evaluate(DEMO, report);
        JsonNode occlusion = metrics(report).get("occlusion");
        assertTrue(occlusion.get("passed").asBoolean(), run.out + run.err);
        assertTrue(occlusion.get("studiesProbed").asInt() >= 25, occlusion.toString());
        for (JsonNode p : occlusion.get("pathologies")) {
            assertTrue(p.get("outsideShare").asDouble() < OcclusionReport.DEFAULT_MAX_OUTSIDE_SHARE / 2, p.toString());
            assertTrue(p.get("meanChangeOrganSwapped").asDouble() > 0.01, p.toString());
        }
        assertFalse(run.out.contains(OcclusionReport.REASON_CODE), run.out);
    }

    record Run(int exit, String out, String err) {
    }

    static Run evaluate(Path bundle, Path report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // A wide AUC margin: the occlusion test is what is checked here, not the small pack's AUC.
        int exit = DicomGuardCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "--quiet", "evaluate", "--bundle",
                bundle.toString(), "--pack", pack.toString(), "--report", report.toString(), "--margin", "0.5",
                "--max-unscored-fraction", "0.2");
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static JsonNode metrics(Path report) throws Exception {
        return StrictJson.mapper().readTree(Files.readString(report.resolve("metrics.json")));
    }
}
