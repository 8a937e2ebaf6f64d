package org.dicomguard.core.evaluation;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The release metric test over a labelled pack: runs the whole {@link Pipeline} on every study
 * exactly as {@code score} does, passes each result through the JSON contract as a backend would
 * ({@link ContractJson#write} then {@link ContractJson#read}), and scores what came back.
 *
 * <p>Rules (stated in metrics.json and the report):
 * <ul>
 *   <li>A pathology passes when the lower end of its DeLong 95% interval is at least the bundle's
 *       reference AUC minus the non-inferiority margin ({@link NonInferiority}). A pathology the
 *       bundle has no reference for, or whose labels hold only one class, fails the run.</li>
 *   <li>A labelled study that got no prediction (Rejected, Failed, or no files in the pack) is
 *       excluded from the AUC and listed; the run fails when more than
 *       {@code maxUnscoredLabelledFraction} (default 0.02) of the labelled studies got none.</li>
 *   <li>Out-of-distribution studies (ood.csv) are reported by kind and by reason code; their
 *       rejection rate is informative and does not decide the run.</li>
 * </ul>
 *
 * <p>Stateless; thread-safety is that of the Pipeline (the studies are run one after another).
 */
public final class PackEvaluation {

    /** Default largest share of labelled studies that may go without a prediction. */
    public static final double DEFAULT_MAX_UNSCORED_LABELLED_FRACTION = 0.02;

    private PackEvaluation() {
    }

    /**
     * One study as run: its files, the contract line a backend would receive, and the result read
     * back from that line.
     *
     * @param files        the study's files (or one unreadable file)
     * @param contractLine {@link ContractJson#write} of the result
     * @param result       {@link ContractJson#read} of the line
     */
    public record StudyOutcome(StudyFiles files, String contractLine, GuardResult result) {
    }

    /** Receives each study as soon as it is done (progress display, hard-case collection). */
    @FunctionalInterface
    public interface StudyObserver {
        /**
         * @param index       0-based index of the study
         * @param total       number of studies
         * @param outcome     the study
         * @throws Exception  stops the run; the caller sees it
         */
        void onStudy(int index, int total, StudyOutcome outcome) throws Exception;

        /** @return an observer that does nothing */
        static StudyObserver none() {
            return (i, n, o) -> { };
        }
    }

    /**
     * Runs every study found under the inputs, through the JSON contract.
     *
     * @param pipeline the Pipeline, not closed here
     * @param inputs   files and folders (grouped by StudyInstanceUID as {@code score} does)
     * @param observer called after each study
     * @return one outcome per study, in the Pipeline's order (by study UID, unreadable files last)
     * @throws Exception what the observer threw
     */
    public static List<StudyOutcome> runStudies(Pipeline pipeline, List<Path> inputs, StudyObserver observer)
            throws Exception {
        List<StudyFiles> groups = new StudyGrouper(pipeline.reader()).group(inputs);
        List<StudyOutcome> outcomes = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            String line = ContractJson.write(pipeline.run(groups.get(i)));
            StudyOutcome outcome = new StudyOutcome(groups.get(i), line, ContractJson.read(line));
            outcomes.add(outcome);
            observer.onStudy(i, groups.size(), outcome);
        }
        return outcomes;
    }

    /**
     * Scores outcomes against the pack's labels and the bundle's reference metrics.
     *
     * @param manifest                    bundle manifest (thresholds, reference metrics)
     * @param labels                      the pack's labels
     * @param outcomes                    results of {@link #runStudies}
     * @param nonInferiorityMargin        allowed AUC loss in [0, 0.5]; usually the manifest's
     *                                    {@code referenceMetrics.nonInferiorityMargin}
     * @param maxUnscoredLabelledFraction in [0, 1]
     * @return the evaluation
     */
    public static PackEvaluationResult evaluate(BundleManifest manifest, PackEvaluationLabels labels,
                                                List<StudyOutcome> outcomes, double nonInferiorityMargin,
                                                double maxUnscoredLabelledFraction) {
        if (!(nonInferiorityMargin >= 0 && nonInferiorityMargin <= 0.5)) {
            throw new IllegalArgumentException("nonInferiorityMargin must be in [0, 0.5], got " + nonInferiorityMargin);
        }
        if (!(maxUnscoredLabelledFraction >= 0 && maxUnscoredLabelledFraction <= 1)) {
            throw new IllegalArgumentException("maxUnscoredLabelledFraction must be in [0, 1], got " + maxUnscoredLabelledFraction);
        }
        Map<String, GuardResult> byStudy = new LinkedHashMap<>();
        int unreadableFiles = 0;
        int unlistedStudies = 0;
        for (StudyOutcome o : outcomes) {
            Optional<String> uid = o.result().studyInstanceUidIfKnown().or(() -> o.files().studyInstanceUid());
            if (uid.isEmpty()) {
                unreadableFiles++;
            } else {
                byStudy.put(uid.get(), o.result());
                if (!labels.labels().containsKey(uid.get()) && !labels.oodKinds().containsKey(uid.get())) {
                    unlistedStudies++;
                }
            }
        }
        List<PackEvaluationResult.Unscored> unscored = new ArrayList<>();
        List<String> scoredUids = new ArrayList<>();
        for (String uid : labels.labels().keySet()) {
            GuardResult r = byStudy.get(uid);
            if (r instanceof Prediction) {
                scoredUids.add(uid);
            } else {
                unscored.add(new PackEvaluationResult.Unscored(uid, r == null ? "missing" : r.status().jsonName(),
                        r == null ? List.of("NOT_IN_PACK") : codes(r)));
            }
        }
        List<PathologyEvaluation> evaluations = new ArrayList<>();
        Map<String, RocCurve> curves = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int c = 0; c < labels.pathologyCodes().size(); c++) {
            String code = labels.pathologyCodes().get(c);
            Optional<BundleManifest.ReferenceAuc> reference = manifest.referenceMetrics().pathologies().stream()
                    .filter(r -> r.code().equals(code)).findFirst();
            if (manifest.pathologies().stream().noneMatch(p -> p.code().equals(code))) {
                problems.add(code + ": the bundle does not score this pathology");
                continue;
            }
            double[] scores = new double[scoredUids.size()];
            int[] y = new int[scoredUids.size()];
            int positives = 0;
            for (int i = 0; i < scores.length; i++) {
                Prediction p = (Prediction) byStudy.get(scoredUids.get(i));
                scores[i] = p.pathologies().stream().filter(f -> f.code().equals(code)).findFirst()
                        .map(PathologyFinding::probability).orElseThrow();
                y[i] = labels.labels().get(scoredUids.get(i))[c];
                positives += y[i];
            }
            if (positives == 0 || positives == scores.length) {
                problems.add(code + ": the scored studies hold " + positives + " positives of " + scores.length
                        + "; AUC needs both classes");
                continue;
            }
            if (reference.isEmpty()) {
                problems.add(code + ": the bundle has no reference AUC for this pathology");
                continue;
            }
            evaluations.add(PathologyEvaluation.of(code, RocAuc.auc(scores, y), reference.get().auc(), nonInferiorityMargin));
            curves.put(code, RocCurve.of(scores, y));
        }
        return new PackEvaluationResult(manifest.bundleId(), evaluations, curves, labels.labels().size(), unscored,
                maxUnscoredLabelledFraction, oodSummary(labels, byStudy), unreadableFiles, unlistedStudies, problems);
    }

    private static List<String> codes(GuardResult r) {
        if (r instanceof Rejected rejected) {
            return rejected.reasons().stream().map(RejectionReason::code).toList();
        }
        return r instanceof Failed f ? List.of(f.errorCode()) : List.of();
    }

    private static Map<String, PackEvaluationResult.OodKind> oodSummary(PackEvaluationLabels labels,
                                                                         Map<String, GuardResult> byStudy) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Map<String, Integer>> reasons = new TreeMap<>();
        labels.oodKinds().forEach((uid, kind) -> {
            int[] c = counts.computeIfAbsent(kind, k -> new int[4]);
            Map<String, Integer> byCode = reasons.computeIfAbsent(kind, k -> new TreeMap<>());
            GuardResult r = byStudy.get(uid);
            c[0]++;
            if (r instanceof Rejected) {
                c[1]++;
            } else if (r instanceof Failed) {
                c[2]++;
            } else if (r instanceof Prediction) {
                c[3]++;
            }
            if (r != null) {
                codes(r).forEach(code -> byCode.merge(code, 1, Integer::sum));
            }
        });
        Map<String, PackEvaluationResult.OodKind> result = new TreeMap<>();
        counts.forEach((kind, c) -> result.put(kind, new PackEvaluationResult.OodKind(c[0], c[1], c[2], c[3],
                reasons.get(kind))));
        return result;
    }
}
