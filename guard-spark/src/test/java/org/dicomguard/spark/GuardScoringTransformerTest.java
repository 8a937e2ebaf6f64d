package org.dicomguard.spark;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ML stage over {@link SyntheticExport} against single-JVM scoring of the same files. */
class GuardScoringTransformerTest {

    private static SyntheticExport export;

    @BeforeAll
    static void writeExport() throws Exception {
        export = SyntheticExport.get();
    }

    @Test
    void transform_inAnMlPipeline_givesTheSingleJvmLines() {
        Dataset<Row> studies = ArchiveScoring.groupStudies(
                LocalSpark.session().read().format("dicom").load(export.root.toString()));
        GuardScoringTransformer scorer = new GuardScoringTransformer().setBundle(export.archive.bundle.toString())
                .setInferenceThreads(1).setStudiesPerTask(3);
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {scorer}).fit(studies);
        List<String> lines = model.transform(studies).select("contractJson").as(Encoders.STRING()).collectAsList();
        assertEquals(sorted(export.referenceLines), sorted(lines));
    }

    @Test
    void save_pipelineWithTheScorer_loadsWithItsParams(@TempDir Path dir) throws Exception {
        GuardScoringTransformer scorer = new GuardScoringTransformer().setBundle(export.archive.bundle.toString())
                .setInferenceThreads(2).setStudiesPerTask(7).setStudyTimeLimitSeconds(90);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {scorer});
        String path = dir.resolve("pipeline").toString();
        pipeline.write().save(path);
        GuardScoringTransformer loaded = (GuardScoringTransformer) Pipeline.load(path).getStages()[0];
        assertEquals(scorer.uid(), loaded.uid());
        assertEquals(export.archive.bundle.toString(), loaded.getOrDefault(loaded.bundle()));
        assertEquals(ArchiveScoringSettings.defaults().withInferenceThreads(2).withStudiesPerTask(7)
                .withStudyTimeLimit(java.time.Duration.ofSeconds(90)), loaded.settings());
    }

    @Test
    void transformSchema_fileRowsInsteadOfStudies_isRefusedWithTheColumnsNeeded() {
        Dataset<Row> files = LocalSpark.session().read().format("dicom").load(export.root.toString());
        GuardScoringTransformer scorer = new GuardScoringTransformer().setBundle(export.archive.bundle.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> scorer.transform(files));
        assertTrue(e.getMessage().contains("groupStudies"), e.getMessage());
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
                () -> new GuardScoringTransformer().transformSchema(ArchiveScoring.STUDY_SCHEMA));
        assertTrue(unset.getMessage().contains("bundle"), unset.getMessage());
    }

    @Test
    void settings_invalidThreads_isRefusedByTheParam() {
        assertThrows(IllegalArgumentException.class, () -> new GuardScoringTransformer().setInferenceThreads(-1));
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
