package org.dicomguard.core.evaluation;

import org.dicomguard.contract.Prediction;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.study.PreparedStudy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The occlusion test of {@code evaluate}: probes the first {@code maxStudies} labelled studies
 * that got a prediction (in the run's order, by study UID) with an {@link OcclusionProbe}, each
 * with the study before it as donor (the first with the last), and aggregates them into an
 * {@link OcclusionReport}. Out-of-distribution studies are not probed. A single study has no donor
 * and counts as skipped.
 * Stateless.
 */
public final class OcclusionTest {

    private OcclusionTest() {
    }

    /**
     * @param probe           the bundle's probe
     * @param manifest        the bundle's manifest (pathology codes)
     * @param labels          the pack's labels (which studies are labelled)
     * @param outcomes        results of {@link PackEvaluation#runStudies}
     * @param maxStudies      largest sample, &gt;= 1
     * @param maxOutsideShare the report's threshold, in (0, 1]
     * @return the report
     */
    public static OcclusionReport run(OcclusionProbe probe, BundleManifest manifest, PackEvaluationLabels labels,
                                      List<PackEvaluation.StudyOutcome> outcomes, int maxStudies,
                                      double maxOutsideShare) {
        if (maxStudies < 1) {
            throw new IllegalArgumentException("maxStudies must be >= 1, got " + maxStudies);
        }
        List<OcclusionSummary> summaries = new ArrayList<>();
        int skipped = 0;
        int sampled = 0;
        // Each study's donor is the one before it; the first study's is the last (at most three
        // prepared studies are held at once).
        PreparedStudy first = null;
        PreparedStudy previous = null;
        for (PackEvaluation.StudyOutcome o : outcomes) {
            if (sampled == maxStudies) {
                break;
            }
            if (!(o.result() instanceof Prediction p) || !labels.labels().containsKey(p.studyInstanceUid())) {
                continue;
            }
            sampled++;
            Optional<PreparedStudy> prepared = probe.prepare(o.files());
            if (prepared.isEmpty()) {
                skipped++;
                continue;
            }
            if (first == null) {
                first = prepared.get();
            } else {
                Optional<OcclusionSummary> summary = probe.probe(prepared.get(), previous);
                summary.ifPresent(summaries::add);
                skipped += summary.isEmpty() ? 1 : 0;
            }
            previous = prepared.get();
        }
        if (first != null && previous != first) {
            Optional<OcclusionSummary> summary = probe.probe(first, previous);
            summary.ifPresent(summaries::add);
            skipped += summary.isEmpty() ? 1 : 0;
        } else if (first != null) {
            skipped++;
        }
        List<String> codes = manifest.pathologies().stream().map(BundleManifest.PathologySpec::code).toList();
        return OcclusionReport.of("organ", codes, summaries, skipped, maxOutsideShare);
    }
}
