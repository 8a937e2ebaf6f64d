package org.dicomguard.samples.cli;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyImageInput;
import org.dicomguard.core.preprocess.MammographyPreprocessed;
import org.dicomguard.core.preprocess.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyPreprocessor;
import org.dicomguard.core.review.MammographyReviewRenderer;
import org.dicomguard.core.review.ReviewContactSheet;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
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
 * {@code review [--bundle B] --out DIR INPUT...}: with a chest-xray or chest-CT bundle, one PNG per
 * study ({@link ChestXrayReview}, {@link ChestCtReview}: lung outline, crop, tensor, probabilities);
 * otherwise one PNG per mammography image showing the
 * original with the breast-mask outline and crop box beside the model input tensor, with the
 * study's result drawn on it when a bundle is given (per-pathology probability and threshold, or
 * the rejection codes), plus an {@code index.html} contact sheet. Without a bundle the default
 * mammography preprocessing config is used.
 *
 * <p>File names and captions carry a hash of the StudyInstanceUID, never patient identifiers.
 * Only mammography images (Modality MG) are drawn; other images (CT) are listed on stderr and
 * skipped. Exit 0 when at least one PNG was written, 2 otherwise or on unreadable bundle.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "PNG review pictures (mask, crop, tensor, probabilities) with an index.html contact sheet.")
public final class ReviewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bundle", converter = ExistingPath.class, paramLabel = "B", description = "model bundle: its preprocessing config, and probabilities on the pictures")
    private Path bundle;

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
        try {
            MammographyPreprocessingConfig config = MammographyPreprocessingConfig.defaults();
            if (bundle != null) {
                ModelBundle loaded = ModelBundle.load(bundle);
                if (loaded.manifest().preprocessing() instanceof ChestXrayPreprocessingConfig x) {
                    pipeline = Pipeline.builder(loaded).build();
                    return writeSheet(stdout, pipeline, ChestXrayReview.render(pipeline, x, pipeline.reader(),
                            new StudyGrouper(pipeline.reader()).group(inputs), createOut(), err));
                }
                if (loaded.manifest().preprocessing() instanceof ChestCtPreprocessingConfig c) {
                    pipeline = Pipeline.builder(loaded).build();
                    return writeSheet(stdout, pipeline, ChestCtReview.render(pipeline, c, pipeline.reader(),
                            new StudyGrouper(pipeline.reader()).group(inputs), createOut(), err));
                }
                if (!(loaded.manifest().preprocessing() instanceof MammographyPreprocessingConfig m)) {
                    throw new IllegalArgumentException("review draws mammography only; bundle " + bundle
                            + " is for " + loaded.manifest().task().jsonName());
                }
                config = m;
                pipeline = Pipeline.builder(loaded).build();
            }
            DicomReader reader = pipeline != null ? pipeline.reader() : new DicomReader();
            MammographyPreprocessor preprocessor = new MammographyPreprocessor(config);
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
                List<String> resultLines = pipeline == null ? List.of() : resultLines(pipeline.run(group));
                for (int i = 0; i < group.files().size(); i++) {
                    renderOne(reader, preprocessor, group.files().get(i), studyId, i, resultLines, entries, err);
                }
            }
            progress.finish();
            if (entries.isEmpty()) {
                throw new IllegalArgumentException("no mammography image found in the inputs");
            }
            Path index = ReviewContactSheet.write(out, "DICOM Guard review"
                    + (pipeline != null ? " (" + pipeline.bundle().manifest().bundleId() + ")" : " (default config)"), entries);
            stdout.println("wrote " + entries.size() + " PNG(s) and " + index);
            stdout.flush();
            return DicomGuardCli.EXIT_OK;
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
        }
    }

    private void renderOne(DicomReader reader, MammographyPreprocessor preprocessor, Path file, String studyId, int index,
                           List<String> resultLines, List<ReviewContactSheet.Entry> entries, PrintWriter err) {
        String what = "study " + studyId + " image " + (index + 1);
        try {
            DicomFile dicom = reader.read(file);
            String modality = dicom.dataSet().getString(Tag.Modality, "");
            if (!modality.equals("MG")) {
                err.println("review: " + what + ": Modality '" + modality + "' is not drawn (mammography only)");
                return;
            }
            MammographyImageInput input = DicomInputs.mammography(dicom);
            MammographyPreprocessed result = preprocessor.preprocess(input);
            String view = input.imageLaterality() + "-" + input.viewPosition();
            List<String> lines = new ArrayList<>();
            lines.add(view + (result.breastFound() ? "" : "  NO BREAST FOUND"));
            lines.addAll(resultLines);
            String png = String.format(Locale.ROOT, "study-%s-%02d.png", studyId, index);
            MammographyReviewRenderer.writePng(MammographyReviewRenderer.render(input, result, lines, maxSidePixels),
                    out.resolve(png));
            entries.add(new ReviewContactSheet.Entry(png, "study " + studyId + " " + view, resultLines));
        } catch (DicomException e) {
            err.println("review: " + what + ": " + e.code() + ": " + e.getMessage());
        }
    }

    private Path createOut() throws IOException {
        return Files.createDirectories(out);
    }

    private Integer writeSheet(PrintWriter stdout, Pipeline pipeline, List<ReviewContactSheet.Entry> entries)
            throws IOException {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no image to draw in the inputs");
        }
        Path index = ReviewContactSheet.write(out, "DICOM Guard review (" + pipeline.bundle().manifest().bundleId()
                + ")", entries);
        stdout.println("wrote " + entries.size() + " PNG(s) and " + index);
        stdout.flush();
        return DicomGuardCli.EXIT_OK;
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
