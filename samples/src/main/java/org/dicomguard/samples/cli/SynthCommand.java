package org.dicomguard.samples.cli;

import org.dicomguard.core.synthetic.SyntheticAcquisitionShift;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackSize;
import org.dicomguard.core.synthetic.SyntheticPackSummary;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code synth --task TASK --studies N --out DIR [--seed S] [--size small|realistic]
 * [--ood KIND...] [--ood-studies K] [--detector-gain G] [--added-noise SIGMA]}: writes a labelled synthetic test pack (Part-10 DICOM files,
 * {@code labels.csv}, {@code ood.csv}, {@code pack.json}) with {@link SyntheticPackWriter} and
 * prints a one-line summary.
 *
 * <p>The default size is {@code realistic}: clinical sizes and a mix of detector and scanner profiles
 * ({@link org.dicomguard.core.synthetic.SyntheticPackSize#REALISTIC}); {@code small} (512 x 416
 * mammograms, 128 x 128 x 32 CT) makes packs in seconds for unit tests and the demo. Exit 0 on success, 2 on bad usage, a
 * non-empty output folder or a write failure (one line on stderr, the stack trace with --debug).
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write a labelled synthetic test pack: DICOM files plus labels.csv, ood.csv and pack.json.")
public final class SynthCommand implements Callable<Integer> {

    @Option(names = "--task", required = true, paramLabel = "TASK", description = "task: ${COMPLETION-CANDIDATES}",
            completionCandidates = TaskCodes.class)
    String task;

    @Option(names = "--studies", required = true, paramLabel = "N", description = "labelled (in-distribution) studies")
    int studies;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder, created; must be empty")
    Path out;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "pack seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--size", paramLabel = "SIZE", defaultValue = "realistic",
            description = "realistic (default: clinical sizes, three detector/scanner profiles, implants, markers;"
                    + " CT 100-400 slices of 0.625-2.5 mm) or small (512x416 mammograms, 128x128x32 CT; fast tests)")
    String size;

    @Option(names = "--ood", paramLabel = "KIND", split = ",",
            description = "OOD kind to add, repeatable or comma-separated, or 'all'; the kinds of each task are listed"
                    + " below.")
    List<String> ood = new ArrayList<>();

    @Option(names = "--ood-studies", paramLabel = "K", defaultValue = "2",
            description = "studies per OOD kind (default ${DEFAULT-VALUE})")
    int oodStudies;

    @Option(names = "--detector-gain", paramLabel = "G", defaultValue = "1",
            description = "factor on the detector signal of every image (CT: on attenuation relative to air),"
                    + " e.g. 1.02 for a recalibrated detector; default ${DEFAULT-VALUE}")
    double detectorGain;

    @Option(names = "--added-noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Gaussian noise added to every image: fraction of the stored range (mammography,"
                    + " <= 0.1) or HU (CT); default ${DEFAULT-VALUE}")
    double addedNoise;

    CommandLine.Model.CommandSpec spec;

    /** The registered synthetic task codes, for the help text. */
    static final class TaskCodes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SyntheticPackTask.all().stream().map(SyntheticPackTask::code).iterator();
        }
    }

    /**
     * Picocli injects the spec here; the help footer then lists each registered task's OOD kinds.
     *
     * @param spec this command's spec
     */
    @CommandLine.Spec
    void spec(CommandLine.Model.CommandSpec spec) {
        this.spec = spec;
        List<String> footer = new ArrayList<>();
        footer.add("OOD kinds (--ood):");
        for (SyntheticPackTask each : SyntheticPackTask.all()) {
            footer.add("  " + each.code() + ": " + String.join(", ", each.oodKindCodes()));
        }
        spec.usageMessage().footer(footer.toArray(new String[0]));
    }

    /** Creates the command; picocli fills the options. */
    public SynthCommand() {
        // options are injected by picocli
    }

    /** @return 0 when the pack was written, 2 on bad usage or a write failure */
    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        SyntheticPackOptions options = options();
            long startNanos = System.nanoTime();
            Progress progress = Progress.of(spec, "synth", "studies", options.totalStudyCount());
            SyntheticPackSummary summary = new SyntheticPackWriter(options,
                    new SyntheticAcquisitionShift(detectorGain, addedNoise)).write(out,
                    (written, total) -> progress.update(written));
            progress.finish();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            stdout.println(String.format(Locale.ROOT,
                    "synth: wrote %d labelled + %d OOD %s studies (%d DICOM files, %.1f MB, size %s, seed %d) to %s"
                            + " in %.1f s", summary.labelledStudyCount(), summary.oodStudyCount(),
                    options.task().code(), summary.dicomFileCount(), summary.totalByteCount() / 1e6,
                    options.size().code(), options.seed(), out, seconds));
            stdout.flush();
        return DicomGuardCli.EXIT_OK;
    }

    /** @return the pack options from the command line; IllegalArgumentException names the bad value */
    SyntheticPackOptions options() {
        SyntheticPackTask packTask = SyntheticPackTask.fromCode(task);
        List<String> kinds = new ArrayList<>();
        for (String kind : ood) {
            String code = kind.strip().toLowerCase(Locale.ROOT);
            if (code.equals("all")) {
                for (String each : packTask.oodKindCodes()) {
                    if (!kinds.contains(each)) {
                        kinds.add(each);
                    }
                }
            } else if (!kinds.contains(code)) {
                kinds.add(code);
            }
        }
        return SyntheticPackOptions.of(packTask, seed, studies)
                .withSize(SyntheticPackSize.fromCode(size))
                .withOodKinds(kinds)
                .withOodStudiesPerKind(oodStudies);
    }
}
