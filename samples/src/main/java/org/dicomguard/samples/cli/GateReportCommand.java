package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.evaluation.GateReport;
import org.dicomguard.core.evaluation.GateStudyScores;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.SyntheticAcquisitionShift;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code gate-report --bundle B --workdir DIR [--studies N] [--ood-studies K] [--seed S] [--json F]}:
 * measures a bundle's OOD gate on fresh synthetic packs: per OOD kind, AUROC and FPR at 95% TPR
 * against held-out in-distribution studies; and the rejection rate of the same in-distribution
 * studies under detector gain x1.02, x1.05, x1.10 and added noise. Prints Markdown tables.
 *
 * <p>Exit 0 when every OOD kind reaches AUROC &gt;= 0.99 and FPR at 95% TPR &lt;= 0.05 and gain
 * x1.02 rejects at most the target false-reject rate plus 5 points; 1 when a target is missed; 2 on
 * bad usage.
 */
@Command(name = "gate-report", mixinStandardHelpOptions = true,
        description = "OOD gate AUROC and FPR@95%%TPR per OOD kind, and rejections under gain and noise shifts.")
public final class GateReportCommand implements Callable<Integer> {

    /** Least AUROC per OOD kind. */
    static final double AUROC_TARGET = 0.99;
    /** Largest FPR at 95% TPR per OOD kind. */
    static final double FPR_TARGET = 0.05;
    /** Points over the target false-reject rate that gain x1.02 may add. */
    static final double GAIN_102_MARGIN = 0.05;

    @Option(names = "--bundle", converter = ExistingPath.class, required = true, paramLabel = "B", description = "model bundle")
    Path bundle;

    @Option(names = "--workdir", required = true, paramLabel = "DIR", description = "folder for the packs, created")
    Path workdir;

    @Option(names = "--studies", defaultValue = "200", paramLabel = "N",
            description = "held-out in-distribution studies, and studies per shift (default ${DEFAULT-VALUE})")
    int studies;

    @Option(names = "--ood-studies", defaultValue = "20", paramLabel = "K",
            description = "studies per OOD kind (default ${DEFAULT-VALUE})")
    int oodStudies;

    @Option(names = "--seed", defaultValue = "9001", paramLabel = "S",
            description = "seed of the packs; use one the bundle was not trained or profiled on (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--target-false-reject-rate", defaultValue = "0.02", paramLabel = "R",
            description = "the rate the profile was fitted for (default ${DEFAULT-VALUE})")
    double targetFalseRejectRate;

    @Option(names = "--json", paramLabel = "F", description = "also write the report as JSON")
    Path json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ModelBundle loaded = ModelBundle.load(bundle);
        SyntheticPackTask task = SyntheticPackTask.fromCode(loaded.manifest().task().name());
        // Noise: about the generator's own noise again, in the unit the task's images take it.
        SyntheticPackTask.AddedNoise noise = task.comparableAddedNoise();
        Map<String, SyntheticAcquisitionShift> shifts = new LinkedHashMap<>();
        shifts.put("detector gain x1.02", new SyntheticAcquisitionShift(1.02, 0));
        shifts.put("detector gain x1.05", new SyntheticAcquisitionShift(1.05, 0));
        shifts.put("detector gain x1.10", new SyntheticAcquisitionShift(1.10, 0));
        shifts.put("added noise " + noise.label(), new SyntheticAcquisitionShift(1, noise.addedNoise()));
        Files.createDirectories(workdir);
        DicomReader reader = new DicomReader();
        try (Pipeline pipeline = Pipeline.builder(loaded).build()) {
            Path inPack = pack("in-distribution", SyntheticPackOptions.of(task, seed, studies),
                    SyntheticAcquisitionShift.none());
            Path oodPack = pack("ood", SyntheticPackOptions.of(task, seed + 1, 0).withAllOodKinds()
                    .withOodStudiesPerKind(oodStudies), SyntheticAcquisitionShift.none());
            List<GateStudyScores.StudyScore> in = GateStudyScores.score(pipeline, inPack, reader);
            List<GateStudyScores.StudyScore> ood = GateStudyScores.score(pipeline, oodPack, reader);
            Map<String, List<GateStudyScores.StudyScore>> shifted = new LinkedHashMap<>();
            int i = 0;
            for (Map.Entry<String, SyntheticAcquisitionShift> e : shifts.entrySet()) {
                // Same seed as the in-distribution pack: the same studies, only the acquisition differs.
                Path p = pack("shift-" + i++, SyntheticPackOptions.of(task, seed, studies), e.getValue());
                shifted.put(e.getKey(), GateStudyScores.score(pipeline, p, reader));
            }
            GateReport report = GateReport.of(task.code(), in, ood, shifted);
            out.print(report.toMarkdown());
            if (json != null) {
                StrictJson.mapper().writer().with(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
            }
            boolean ok = report.oodKinds().stream().allMatch(r -> r.auroc() >= AUROC_TARGET && r.fprAt95Tpr() <= FPR_TARGET)
                    && report.shifts().get(0).rejectedFraction() <= targetFalseRejectRate + GAIN_102_MARGIN;
            out.println(ok ? "gate-report: all targets met" : String.format(Locale.ROOT,
                    "gate-report: a target was missed (AUROC >= %.2f, FPR@95%%TPR <= %.2f per kind; gain x1.02 rejects"
                            + " <= %.1f%%)", AUROC_TARGET, FPR_TARGET, 100 * (targetFalseRejectRate + GAIN_102_MARGIN)));
            out.flush();
            return ok ? DicomGuardCli.EXIT_OK : DicomGuardCli.EXIT_CHECK_FAILED;
        }
    }

    private Path pack(String name, SyntheticPackOptions options, SyntheticAcquisitionShift shift) throws Exception {
        // The folder name carries everything that makes the pack, so a rerun reuses only identical packs.
        Path dir = workdir.resolve(String.format(Locale.ROOT, "%s-%s-seed%d-n%d-ood%d-gain%s-noise%s", name,
                options.task().code(), options.seed(), options.studyCount(), options.oodStudiesPerKind(),
                shift.detectorGain(), shift.addedNoise()));
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("pack.json"))) {
            new SyntheticPackWriter(options, shift).write(dir);
        }
        return dir;
    }
}
