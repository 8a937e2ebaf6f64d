package org.dicomguard.samples.cli;

import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.evaluation.HardCaseCollector;
import org.dicomguard.core.evaluation.OcclusionProbe;
import org.dicomguard.core.evaluation.OcclusionReport;
import org.dicomguard.core.evaluation.OcclusionTest;
import org.dicomguard.core.evaluation.PackEvaluation;
import org.dicomguard.core.evaluation.PackEvaluationLabels;
import org.dicomguard.core.evaluation.PackEvaluationResult;
import org.dicomguard.core.evaluation.PathologyEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code evaluate --bundle B --pack P [--report DIR] [--margin M]}: the release metric test. Runs
 * the whole Pipeline over a labelled pack exactly as {@code score} does (each result written as a
 * contract line and read back), computes per-pathology ROC-AUC with its DeLong 95% interval, and
 * compares it with the bundle's reference metrics under the non-inferiority margin (the
 * manifest's {@code referenceMetrics.nonInferiorityMargin} unless {@code --margin} is given).
 * Writes metrics.json and report.html. Labelled studies without a prediction are excluded from
 * the AUC and listed; the run fails when their share exceeds {@code --max-unscored-fraction}
 * (default 0.02). Out-of-distribution studies (ood.csv) are reported by kind and reason code.
 * Where the model looks ({@link OcclusionTest}): up to {@code --occlusion-studies} predicted
 * labelled studies are run again with everything outside the organ masked out and with the organ
 * masked out; the run fails ({@value OcclusionReport#REASON_CODE}) when a pathology's
 * outside-organ share of the evidence exceeds {@code --max-outside-share}.
 *
 * <p>Exit 0 when everything passed, 1 when a pathology fell short or too many labelled studies
 * got no prediction, 2 on bad usage or unreadable bundle or pack. Progress goes to stderr
 * ({@link Progress}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Metric test of a bundle on a labelled pack: AUC with 95%% CI against the reference metrics.")
public final class EvaluateCommand implements Callable<Integer> {

    /** Unscored studies listed on stdout; the rest are in metrics.json. */
    private static final int MAX_UNSCORED_SHOWN = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--bundle", converter = ExistingPath.class, required = true, paramLabel = "B", description = "model bundle folder")
    private Path bundle;

    @Option(names = "--pack", converter = ExistingPath.class, required = true, paramLabel = "P", description = "labelled pack (labels.csv, ood.csv, study folders)")
    private Path pack;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "evaluation-report",
            description = "folder for metrics.json and report.html (default: ${DEFAULT-VALUE})")
    private Path report;

    @Option(names = "--margin", paramLabel = "M",
            description = "non-inferiority margin in AUC, in [0, 0.5] (default: the bundle's referenceMetrics.nonInferiorityMargin)")
    private Double margin;

    @Option(names = "--max-unscored-fraction", paramLabel = "F", defaultValue = "0.02",
            description = "largest share of labelled studies that may get no prediction (default: ${DEFAULT-VALUE})")
    private double maxUnscoredFraction;

    @Option(names = "--hard-cases", paramLabel = "DIR", description = "copy rejected, failed and near-threshold studies here")
    private Path hardCases;

    @Option(names = "--hard-case-margin", paramLabel = "M", defaultValue = "0.05",
            description = "a prediction within this probability of a threshold is a hard case (default: ${DEFAULT-VALUE})")
    private double hardCaseMargin;

    @Option(names = "--occlusion-studies", paramLabel = "N", defaultValue = "" + OcclusionReport.DEFAULT_SAMPLE_STUDIES,
            description = "predicted labelled studies probed by the occlusion test, >= 1 (default: ${DEFAULT-VALUE})")
    private int occlusionStudies;

    @Option(names = "--max-outside-share", paramLabel = "S", defaultValue = "" + OcclusionReport.DEFAULT_MAX_OUTSIDE_SHARE,
            description = "largest share of a pathology's evidence that may lie outside the organ mask, in (0, 1]"
                    + " (default: ${DEFAULT-VALUE})")
    private double maxOutsideShare;

    /** Creates the command; picocli fills the options. */
    public EvaluateCommand() {
        // options are injected by picocli
    }

    /** @return 0 passed, 1 failed, 2 bad usage or input */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (occlusionStudies < 1) {
            throw new IllegalArgumentException("--occlusion-studies must be >= 1, got " + occlusionStudies);
        }
        if (!(maxOutsideShare > 0 && maxOutsideShare <= 1)) {
            throw new IllegalArgumentException("--max-outside-share must be in (0, 1], got " + maxOutsideShare);
        }
        PackEvaluationLabels labels = PackEvaluationLabels.read(pack);
        ModelBundle loaded = ModelBundle.load(bundle);
        double nonInferiorityMargin = margin != null ? margin : loaded.manifest().referenceMetrics().nonInferiorityMargin();
        HardCaseCollector collector = hardCases == null ? null : new HardCaseCollector(hardCases, hardCaseMargin);
        PackEvaluationResult result;
        try (Pipeline pipeline = Pipeline.builder(loaded).build()) {
            Progress progress = Progress.of(spec, "evaluate", "studies", 0);
            List<PackEvaluation.StudyOutcome> outcomes = PackEvaluation.runStudies(pipeline, List.of(pack),
                    (index, total, outcome) -> {
                        progress.update(index + 1, total);
                        if (collector != null) {
                            collector.collect(outcome.files().files(), outcome.result());
                        }
                    });
            progress.finish();
            result = PackEvaluation.evaluate(loaded.manifest(), labels, outcomes, nonInferiorityMargin,
                    maxUnscoredFraction);
            try (OcclusionProbe probe = new OcclusionProbe(loaded, pipeline.preparer(), pipeline.reader())) {
                result = result.withOcclusion(OcclusionTest.run(probe, loaded.manifest(), labels, outcomes,
                        occlusionStudies, maxOutsideShare));
            }
        }
        result.write(report, "Metric test of " + loaded.manifest().bundleId() + " on " + pack.getFileName());
        printSummary(out, result);
        out.flush();
        return result.passed() ? DicomGuardCli.EXIT_OK : DicomGuardCli.EXIT_CHECK_FAILED;
    }

    private void printSummary(PrintWriter out, PackEvaluationResult result) {
        out.printf(Locale.ROOT, "%-16s %5s %5s %7s %17s %9s %7s  %s%n", "pathology", "n", "pos", "AUC", "95% CI",
                "reference", "margin", "verdict");
        for (PathologyEvaluation e : result.evaluations()) {
            out.printf(Locale.ROOT, "%-16s %5d %5d %7.4f [%7.4f, %7.4f] %9.4f %7.4f  %s%n", e.code(), e.n(),
                    e.positives(), e.auc(), e.auc95Low(), e.auc95High(), e.referenceAuc(), e.nonInferiorityMargin(),
                    e.passed() ? "pass" : "FAIL");
        }
        result.problems().forEach(p -> out.println("problem: " + p));
        out.printf(Locale.ROOT, "labelled studies without a prediction: %d of %d (%.1f%%, allowed %.1f%%)%n",
                result.unscored().size(), result.labelledStudies(), 100 * result.unscoredLabelledFraction(),
                100 * result.maxUnscoredLabelledFraction());
        // The full list is in metrics.json and report.html; the terminal gets the first few.
        int shown = Math.min(result.unscored().size(), MAX_UNSCORED_SHOWN);
        for (PackEvaluationResult.Unscored u : result.unscored().subList(0, shown)) {
            out.println("  " + u.studyInstanceUid() + " " + u.status() + " " + String.join(",", u.codes()));
        }
        if (shown < result.unscored().size()) {
            out.println("  ... " + (result.unscored().size() - shown) + " more in " + report.resolve("metrics.json"));
        }
        result.ood().forEach((kind, k) -> out.printf(Locale.ROOT, "ood %-20s %d studies, rejection rate %.3f %s%n",
                kind, k.studies(), k.rejectionRate(), k.studiesByCode()));
        result.occlusion().ifPresent(o -> {
            o.textLines().forEach(out::println);
            o.problems().forEach(p -> out.println("problem: " + p));
        });
        out.println("report: " + report.resolve("report.html"));
        out.println(result.passed() ? "PASSED" : "FAILED");
    }
}
