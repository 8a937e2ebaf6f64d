package org.dicomguard.core;

import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.BundleWriter;
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
    void run_afterClose_isFailedPipelineClosed() throws Exception {
        TestMammographyBundles.write(dir);
        Pipeline pipeline = Pipeline.builder(ModelBundle.load(dir)).build();
        pipeline.close();
        pipeline.close();
        var result = pipeline.run(java.util.List.of(dir.resolve("manifest.json")));
        assertTrue(result instanceof org.dicomguard.contract.Failed f && f.errorCode().equals("PIPELINE_CLOSED"), result.toString());
    }
}
