package org.dicomguard.samples.cli;

import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.evaluation.GoldenCheckSettings;
import org.dicomguard.core.evaluation.GoldenComparison;
import org.dicomguard.core.evaluation.GoldenFile;
import org.dicomguard.core.evaluation.GoldenSummary;
import org.dicomguard.core.evaluation.PackEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code golden record|check --bundle B --pack P --golden F [--tolerance T]}: result invariance.
 * {@code record} runs the Pipeline over every study of a folder (a labelled pack, a hard-case
 * folder, any DICOM folder) and writes every output as canonical contract lines
 * ({@link GoldenFile}); {@code check} runs again and compares field by field, printing a table
 * (study, field, before, after) of everything that moved by more than the tolerance
 * (default 1e-6; {@code provenance.libraryVersion} is ignored by design).
 *
 * <p>Files that could not be read far enough to know their study have no key to compare by:
 * they are counted on stderr and left out of the golden file. Exit 0 when recorded or unchanged,
 * 1 when something moved, 2 on bad usage or unreadable input.
 */
@Command(name = "golden", mixinStandardHelpOptions = true,
        description = "Record every output of a pack, or check that nothing moved beyond a tolerance.")
public final class GoldenCommand implements Callable<Integer> {

    /** What to do. */
    enum Mode { record, check }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "record|check", description = "record: write the golden file; check: compare with it")
    private Mode mode;

    @Option(names = "--bundle", converter = ExistingPath.class, required = true, paramLabel = "B", description = "model bundle folder")
    private Path bundle;

    @Option(names = "--pack", converter = ExistingPath.class, required = true, paramLabel = "P", description = "folder of DICOM studies")
    private Path pack;

    @Option(names = "--golden", required = true, paramLabel = "F", description = "golden file (JSON lines)")
    private Path golden;

    @Option(names = "--tolerance", paramLabel = "T", defaultValue = "1e-6",
            description = "largest allowed absolute change of a number (default: ${DEFAULT-VALUE})")
    private double tolerance;

    @Option(names = "--strict-provenance",
            description = "also compare bundleId, provenance.libraryVersion and the platform fields (ONNX Runtime, Java,"
                    + " OS, CPU); by default a pure rename or another machine is no change")
    private boolean strictProvenance;

    /** Creates the command; picocli fills the options. */
    public GoldenCommand() {
        // options are injected by picocli
    }

    /** @return 0 recorded or unchanged, 1 changed, 2 bad usage or input */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GoldenCheckSettings settings = GoldenCheckSettings.defaults().withNumericToleranceAbsolute(tolerance);
        settings = settings.withIgnoredFieldPaths(strictProvenance ? java.util.Set.of()
                : GoldenCheckSettings.union(GoldenCheckSettings.RELEASE_FIELD_PATHS,
                GoldenCheckSettings.PLATFORM_FIELD_PATHS, java.util.Set.of("bundleId")));
        if (mode == Mode.check && !Files.isRegularFile(golden)) {
            throw new IOException("golden file " + golden + " does not exist; run 'golden record' first");
        }
        List<String> lines = currentLines(err);
        if (mode == Mode.record) {
            GoldenFile.write(golden, lines);
            out.println("recorded " + lines.size() + " studies in " + golden);
            out.flush();
            return DicomGuardCli.EXIT_OK;
        }
        GoldenComparison comparison = GoldenFile.check(GoldenFile.read(golden), lines, settings);
        if (comparison.passed()) {
            out.println("unchanged: " + comparison.studiesCompared() + " studies within tolerance " + tolerance);
            out.flush();
            return DicomGuardCli.EXIT_OK;
        }
        out.print(GoldenSummary.of(comparison.diffs()).render());
        out.print(comparison.renderTable());
        out.println(comparison.diffs().size() + " difference(s) beyond tolerance " + tolerance);
        out.flush();
        return DicomGuardCli.EXIT_CHECK_FAILED;
    }

    private List<String> currentLines(PrintWriter err) throws Exception {
        ModelBundle loaded = ModelBundle.load(bundle);
        List<String> lines = new ArrayList<>();
        int unkeyed = 0;
        try (Pipeline pipeline = Pipeline.builder(loaded).build()) {
            Progress progress = Progress.of(spec, "golden " + mode, "studies", 0);
            List<PackEvaluation.StudyOutcome> outcomes = PackEvaluation.runStudies(pipeline, List.of(pack),
                    (index, total, outcome) -> progress.update(index + 1, total));
            progress.finish();
            for (PackEvaluation.StudyOutcome o : outcomes) {
                if (o.result().studyInstanceUidIfKnown().isPresent()) {
                    lines.add(o.contractLine());
                } else {
                    unkeyed++;
                }
            }
        }
        if (unkeyed > 0) {
            err.println("golden: " + unkeyed + " unreadable file(s) without a study UID are not part of the golden file");
            err.flush();
        }
        return lines;
    }
}
