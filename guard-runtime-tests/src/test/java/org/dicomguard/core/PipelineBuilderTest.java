package org.dicomguard.core;

import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestBundles;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineBuilderTest {

    @TempDir
    Path dir;

    @Test
    void build_validBundle_opensAndUsesTheProfileGate() throws Exception {
        TestMammographyBundles.write(dir);
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(dir)).build()) {
            assertEquals(TestMammographyBundles.profile().thresholdDistance(),
                    pipeline.gate().statisticsGate().thresholdDistance(), 1e-12);
        }
    }

    @Test
    void build_modelInputDisagreesWithConfig_namesInputShape() throws Exception {
        // TestBundles' model takes [-1, 2, 3]: not what the mammography config makes.
        BundleManifest m = TestBundles.manifest(TestMammographyBundles.CONFIG);
        BundleWriter.write(dir, m, TestBundles.model(TestMammographyBundles.CONFIG),
                org.dicomguard.ood.profile.ReferenceProfileJson.toJson(TestMammographyBundles.profile())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        BundleLoadException e = assertThrows(BundleLoadException.class,
                () -> Pipeline.builder(ModelBundle.load(dir)).build());
        assertEquals("model.inputShape", e.field());
    }

    @Test
    void build_placeholderProfile_isRefusedAtBuildNotAtFirstStudy() throws Exception {
        BundleManifest m = TestMammographyBundles.write(dir);
        BundleWriter.write(dir, m, Files.readAllBytes(dir.resolve("model.onnx")), "{}".getBytes());
        BundleLoadException e = assertThrows(BundleLoadException.class,
                () -> Pipeline.builder(ModelBundle.load(dir)).build());
        assertEquals("ood-profile.json", e.field());
        assertTrue(e.getMessage().contains("ood-profile.json"), e.getMessage());
    }

    @Test
    void build_gateNeedingAStatisticPreprocessingDoesNotEmit_isRefusedAtBuildNamingIt() throws Exception {
        // A renamed or misspelled feature would otherwise fail every study inside the gate.
        TestMammographyBundles.write(dir);
        java.util.List<org.dicomguard.ood.FeatureSpec> specs = java.util.List.of(
                new org.dicomguard.ood.FeatureSpec("maskAreaFraction", "fraction of image"),
                new org.dicomguard.ood.FeatureSpec("maskAreaFractoin", "fraction of image"));
        var gate = new org.dicomguard.ood.gate.MahalanobisGate(specs, new double[] {0.3, 0.3},
                new double[][] {{1, 0}, {0, 1}}, 3.0);
        BundleLoadException e = assertThrows(BundleLoadException.class,
                () -> Pipeline.builder(ModelBundle.load(dir)).statisticsGate(gate).build());
        assertEquals("statisticsGate", e.field());
        assertTrue(e.getMessage().contains("'maskAreaFractoin'"), e.getMessage());
        assertTrue(e.getMessage().contains("mammography preprocessing does not emit"), e.getMessage());
    }

    @Test
    void statisticNames_areExactlyWhatEachTasksPreprocessingEmits() throws Exception {
        var mammo = new org.dicomguard.core.task.mammography.MammographyPreprocessor(TestMammographyBundles.CONFIG).preprocess(
                new org.dicomguard.core.synthetic.MammographySyntheticGenerator(TestMammographyBundles.OPTIONS)
                        .study(3L, 0).views().get(0).toPreprocessingInput());
        assertEquals(org.dicomguard.core.study.StudyPreparers.statisticNames(TestMammographyBundles.CONFIG),
                mammo.statistics().stream().map(org.dicomguard.core.preprocess.InputStatistic::name).toList());
        var ctConfig = org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig.defaults();
        var series = org.dicomguard.core.synthetic.ChestCtSyntheticGenerator.generate(3L,
                org.dicomguard.core.synthetic.ChestCtSyntheticOptions.small());
        var ct = new org.dicomguard.core.task.chestct.ChestCtPreprocessor(ctConfig).preprocess(series.slices());
        assertEquals(org.dicomguard.core.study.StudyPreparers.statisticNames(ctConfig),
                ct.statistics().stream().map(org.dicomguard.core.preprocess.InputStatistic::name).toList());
    }

    @Test
    void run_afterClose_isFailedPipelineClosed() throws Exception {
        TestMammographyBundles.write(dir);
        Pipeline pipeline = Pipeline.builder(ModelBundle.load(dir)).build();
        pipeline.close();
        pipeline.close();
        var result = pipeline.run(java.util.List.of(dir.resolve("manifest.json")));
        assertTrue(result instanceof org.dicomguard.contract.Failed f && f.errorCode().equals("PIPELINE_CLOSED"), result.toString());
    }
}
