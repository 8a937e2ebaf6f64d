package org.dicomguard.samples.cli;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.review.ReviewContactSheet;
import org.dicomguard.core.review.TaskReviewRenderer;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.task.TaskDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code review [--bundle B | --task T] --out DIR INPUT...}: the task's review pictures (its
 * {@link TaskReviewRenderer}: for mammography one PNG per image with the breast-mask outline and
 * crop box beside the model input; for chest CT and chest radiographs one PNG per study with the
 * lung outline, crop and tensor), with the study's result drawn on them when a bundle is given
 * (per-pathology probability and threshold, or the rejection codes), plus an {@code index.html}
 * contact sheet. Without a bundle the task's default preprocessing config is used.
 *
 * <p>File names and captions carry a hash of the StudyInstanceUID, never patient identifiers.
 * What a task does not draw (e.g. a CT image among mammograms) is listed on stderr.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "PNG review pictures (mask, crop, tensor, probabilities) with an index.html contact sheet.")
public final class ReviewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bundle", converter = ExistingPath.class, paramLabel = "B", description = "model bundle: its preprocessing config, and probabilities on the pictures")
    private Path bundle;

    @Option(names = "--task", paramLabel = "T", defaultValue = "mammography",
            description = "task whose default config draws the pictures when no --bundle is given (default: ${DEFAULT-VALUE})")
    private String task;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the PNGs and index.html")
    private Path out;

    @Option(names = "--max-side", paramLabel = "PIXELS", defaultValue = "512",
            description = "longest side of the downscaled original, in [64, 4096] (default: ${DEFAULT-VALUE})")
    private int maxSidePixels;

    @Parameters(arity = "1..*", converter = ExistingPath.class, paramLabel = "INPUT", description = "DICOM files or folders")
    private List<Path> inputs;

    /** Creates the command; picocli fills the options. */
    public ReviewCommand() {
        // options are injected by picocli
    }

    /** @return 0 when pictures were written, 2 otherwise */
    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Pipeline pipeline = null;
        ReviewOcclusion occlusion = null;
        try {
            TaskDefinition definition;
            PreprocessingConfig config;
            if (bundle != null) {
                ModelBundle loaded = ModelBundle.load(bundle);
                definition = loaded.manifest().task();
                config = loaded.manifest().preprocessing();
                pipeline = Pipeline.builder(loaded).build();
                occlusion = ReviewOcclusion.open(pipeline);
            } else {
                definition = TaskConfigOptions.definition(task);
                config = definition.defaultConfig();
            }
            TaskReviewRenderer renderer = TaskReviewRenderer.find(definition.name()).orElseThrow(() ->
                    new IllegalArgumentException("review cannot draw task " + definition.name() + " (no review renderer)"));
            DicomReader reader = pipeline != null ? pipeline.reader() : new DicomReader();
            List<ReviewContactSheet.Entry> entries = new ArrayList<>();
            Files.createDirectories(out);
            List<StudyFiles> groups = new StudyGrouper(reader).group(inputs);
            Progress progress = Progress.of(spec, "review", "studies", groups.size());
            for (StudyFiles group : progress.over(groups)) {
                if (group.studyInstanceUid().isEmpty()) {
                    err.println("review: skipped an unreadable file: " + group.headerError().map(Exception::getMessage).orElse(""));
                    continue;
                }
                String studyId = studyId(group.studyInstanceUid());
                GuardResult result = pipeline == null ? null : pipeline.run(group);
                List<String> resultLines = result == null ? List.of() : resultLines(result);
                List<String> caption = occlusion == null ? resultLines
                        : ReviewOcclusion.caption(resultLines, occlusion.lines(group, result));
                for (TaskReviewRenderer.Page page : renderer.reviewPages(group.files(), reader, config, resultLines,
                        maxSidePixels, problem -> err.println("review: study " + studyId + problem))) {
                    String png = String.format(Locale.ROOT, "study-%s-%02d.png", studyId, page.index());
                    ReviewContactSheet.writePng(page.image(), out.resolve(png));
                    entries.add(new ReviewContactSheet.Entry(png, "study " + studyId + " " + page.caption(), caption));
                }
            }
            progress.finish();
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("no " + definition.name() + " image found in the inputs");
            }
            Path index = ReviewContactSheet.write(out, "DICOM Guard review"
                    + (pipeline != null ? " (" + pipeline.bundle().manifest().bundleId() + ")" : " (default config)"), entries);
            stdout.println("wrote " + entries.size() + " PNG(s) and " + index);
            stdout.flush();
            return DicomGuardCli.EXIT_OK;
        } finally {
            if (occlusion != null) {
                occlusion.close();
            }
            if (pipeline != null) {
                pipeline.close();
            }
        }
    }

    static List<String> resultLines(GuardResult result) {
        List<String> lines = new ArrayList<>();
        if (result instanceof Prediction p) {
            for (PathologyFinding f : p.pathologies()) {
                lines.add(String.format(Locale.ROOT, "%s %.3f (threshold %.2f)%s", f.code(), f.probability(),
                        f.decisionThresholdProbability(), f.positive() ? " POSITIVE" : ""));
            }
        } else if (result instanceof Rejected r) {
            // One code per line: the picture is narrow and a joined list would be cut off.
            lines.add("REJECTED");
            r.reasons().stream().map(RejectionReason::code).forEach(lines::add);
        } else if (result instanceof Failed f) {
            lines.add("FAILED " + f.errorCode());
        }
        return lines;
    }

    /** @return the hash prefix used in names for a study UID (for tests and callers that link to pictures) */
    static String studyId(Optional<String> studyInstanceUid) {
        return studyInstanceUid.map(u -> StrictJson.sha256Hex(u.getBytes(StandardCharsets.UTF_8)).substring(0, 12)).orElse("");
    }
}
