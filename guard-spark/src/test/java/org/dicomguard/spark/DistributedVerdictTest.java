package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.evaluation.PackEvaluation;
import org.dicomguard.core.evaluation.PackEvaluationLabels;
import org.dicomguard.core.evaluation.PackEvaluationResult;
import org.dicomguard.core.evaluation.PathologyEvaluation;
import org.dicomguard.core.monitoring.BundleDriftAlerts;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.drift.KolmogorovSmirnov;
import org.dicomguard.ood.profile.ReferenceProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The distributed evaluate against single-JVM {@link PackEvaluation} over the same pack, and drift
 * by scanner and day against the bundle's reference statistics.
 */
class DistributedVerdictTest {

    private static SyntheticArchive archive;
    private static Dataset<Row> files;
    private static Dataset<Row> scored;
    private static BundleManifest manifest;
    private static PackEvaluationLabels labels;
    private static List<PackEvaluation.StudyOutcome> outcomes;

    @BeforeAll
    static void scorePack() throws Exception {
        archive = SyntheticArchive.get();
        String bundle = archive.bundle.toString();
        files = ArchiveScoring.discover(LocalSpark.session(), archive.pack.toString(), bundle).cache();
        scored = ArchiveScoring.score(files, bundle, ArchiveScoringSettings.defaults()).cache();
        labels = PackEvaluationLabels.read(archive.pack);
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(archive.bundle)).build()) {
            manifest = pipeline.bundle().manifest();
            outcomes = PackEvaluation.runStudies(pipeline, List.of(archive.pack), PackEvaluation.StudyObserver.none());
        }
    }

    @AfterAll
    static void release() {
        scored.unpersist();
        files.unpersist();
    }

    @Test
    void evaluate_noReferenceAucs_sameProblemsAndVerdictAsEvaluate() {
        double margin = manifest.referenceMetrics().nonInferiorityMargin();
        PackEvaluationResult single = PackEvaluation.evaluate(manifest, labels, outcomes, margin, 0.02);
        assertFalse(single.problems().isEmpty(), "the test bundle has no reference AUCs");
        assertSameVerdict(single, DistributedEvaluation.evaluate(scored, labels, manifest, margin, 0.02));
    }

    @Test
    void evaluate_withReferenceAucs_sameAucsAndVerdictAsEvaluate() {
        // Reference AUCs the pack's AUCs pass (0.5) and fail (0.99) against: the verdict must follow both ways.
        for (double reference : new double[] {0.5, 0.99}) {
            BundleManifest m = withReference(reference);
            PackEvaluationResult single = PackEvaluation.evaluate(m, labels, outcomes, 0.05, 0.02);
            assertFalse(single.evaluations().isEmpty(), "the pack must give AUCs to compare");
            assertSameVerdict(single, DistributedEvaluation.evaluate(scored, labels, m, 0.05, 0.02));
            assertSameVerdict(PackEvaluation.evaluate(m, labels, outcomes, 0.0, 0.0),
                    DistributedEvaluation.evaluate(scored, labels, m, 0.0, 0.0));
        }
    }

    private static BundleManifest withReference(double auc) {
        List<BundleManifest.ReferenceAuc> references = manifest.pathologies().stream()
                .map(p -> new BundleManifest.ReferenceAuc(p.code(), 100, 50, auc, auc, auc)).toList();
        BundleManifest m = manifest;
        return new BundleManifest(m.schemaVersion(), m.bundleId(), m.task(), m.model(), m.pathologies(),
                m.anyPathology(), m.preprocessing(), m.preprocessingFingerprint(), m.headerRules(), m.oodProfile(),
                new BundleManifest.ReferenceMetrics("test references", 0.05, references), m.studyComposition());
    }

    @Test
    void byScannerDay_scoredPack_countsEveryStudyAndTestsProbabilitiesAgainstTheReference() throws Exception {
        List<Row> rows = ScannerDrift.byScannerDay(scored, ArchiveDrift.studyMetadata(files), archive.bundle.toString())
                .collectAsList();
        assertEquals(scored.count(), rows.stream().mapToLong(r -> r.<Long>getAs("studies")).sum());
        assertEquals(scored.filter("status = 'prediction'").count(),
                rows.stream().mapToLong(r -> r.<Long>getAs("predictions")).sum());
        ModelBundle bundle = ModelBundle.load(archive.bundle);
        ReferenceProfile profile = BundleDriftAlerts.profile(bundle);
        double expected = Math.min(0.5, profile.targetFalseRejectRate() * manifest.task().gatedImagesPerStudy());
        String code = manifest.pathologies().get(0).code();
        String stream = DriftReference.PROBABILITY_PREFIX + code;
        Row group = rows.stream().filter(r -> r.<Long>getAs("predictions") > 0).findFirst().orElseThrow();
        assertEquals(expected, group.<Double>getAs("expectedRejectedFraction"), 0.0);
        Dataset<Row> members = ArchiveDrift.withMetadata(scored, ArchiveDrift.studyMetadata(files))
                .filter("status = 'prediction'");
        for (String key : ScannerDrift.SCANNER_COLUMNS) {
            members = group.getAs(key) == null ? members.filter(col(key).isNull())
                    : members.filter(col(key).equalTo(group.<String>getAs(key)));
        }
        members = group.getAs(ArchiveDrift.DAY) == null ? members.filter(col(ArchiveDrift.DAY).isNull())
                : members.filter(col(ArchiveDrift.DAY).equalTo(group.<Object>getAs(ArchiveDrift.DAY)));
        double[] sample = members.select(ContractRows.probabilityColumn(code)).collectAsList().stream()
                .mapToDouble(r -> r.getFloat(0)).sorted().toArray();
        assertEquals(group.<Long>getAs("predictions"), (long) sample.length);
        if (profile.driftReference().sortedSamplesByStream().containsKey(stream)) {
            double[] reference = profile.driftReference().sortedSample(stream);
            double d = KolmogorovSmirnov.statistic(sample, reference);
            assertEquals(d, group.<Double>getAs("ks_" + ContractRows.probabilityColumn(code)), 0.0);
            assertEquals(KolmogorovSmirnov.pValue(d, sample.length, reference.length),
                    group.<Double>getAs("ksP_" + ContractRows.probabilityColumn(code)), 0.0);
        } else {
            assertEquals(null, (Object) group.getAs("ks_" + ContractRows.probabilityColumn(code)));
        }
    }

    private static void assertSameVerdict(PackEvaluationResult single, PackEvaluationResult distributed) {
        assertEquals(single.passed(), distributed.passed());
        assertEquals(single.labelledStudies(), distributed.labelledStudies());
        assertEquals(single.unscored(), distributed.unscored());
        assertEquals(single.ood(), distributed.ood());
        assertEquals(single.unreadableFiles(), distributed.unreadableFiles());
        assertEquals(single.unlistedStudies(), distributed.unlistedStudies());
        assertEquals(single.problems(), distributed.problems());
        assertEquals(single.evaluations().size(), distributed.evaluations().size());
        for (int i = 0; i < single.evaluations().size(); i++) {
            PathologyEvaluation a = single.evaluations().get(i);
            PathologyEvaluation b = distributed.evaluations().get(i);
            assertEquals(a.code(), b.code());
            assertEquals(a.n(), b.n());
            assertEquals(a.positives(), b.positives());
            assertEquals(a.auc(), b.auc(), 1e-12);
            assertEquals(a.auc95Low(), b.auc95Low(), 1e-12);
            assertEquals(a.passed(), b.passed());
        }
        assertNotNull(distributed.metricsJson().get("passed"));
        assertTrue(distributed.curves().isEmpty());
    }
}
