package org.dicomguard.samples.cli;

import org.dicomguard.training.BundleProfileFitter;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.evaluation.EvaluationCsv;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.ood.gate.VarianceFloor;
import org.dicomguard.ood.profile.ReferenceProfileJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fit-profile --bundle B --pack P --target-false-reject-rate R --out F}: fits the OOD
 * reference profile on the in-distribution (labels.csv) studies of a pack, through the bundle's
 * preprocessing, and writes one versioned JSON profile.
 */
@Command(name = "fit-profile", mixinStandardHelpOptions = true,
        description = "Fit the OOD reference profile on in-distribution studies.")
public final class FitProfileCommand implements Callable<Integer> {

    @Option(names = "--bundle", converter = ExistingPath.class, required = true, paramLabel = "B", description = "model bundle")
    Path bundle;

    @Option(names = "--pack", converter = ExistingPath.class, required = true, paramLabel = "P", description = "pack with labels.csv listing in-distribution studies")
    Path pack;

    @Option(names = "--target-false-reject-rate", required = true, paramLabel = "R",
            description = "study-level false-reject rate to calibrate for, e.g. 0.02")
    double targetFalseRejectRate;

    @Option(names = "--seed", defaultValue = "20261123", paramLabel = "S", description = "seed of the fit/calibration split")
    long seed;

    @Option(names = "--tolerated-relative-change", defaultValue = "0.02", paramLabel = "DELTA",
            description = "variance floor of the gate: a global acquisition change of this relative size (e.g. a"
                    + " detector gain of 1.02) moves each statistic by about one standard deviation; 0 for none"
                    + " (default ${DEFAULT-VALUE})")
    double toleratedRelativeChange;

    @Option(names = "--out", required = true, paramLabel = "F", description = "profile JSON to write")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var labels = EvaluationCsv.readStudyTable(pack.resolve("labels.csv"), true);
        DicomReader reader = new DicomReader();
        List<StudyFiles> groups = new StudyGrouper(reader).group(List.of(pack));
        Progress progress = Progress.of(spec, "fit-profile", "studies", groups.size());
        BundleProfileFitter.Fit fit = BundleProfileFitter.fit(ModelBundle.load(bundle), progress.over(groups),
                new HashSet<>(labels.studyInstanceUids()), targetFalseRejectRate, seed, reader,
                new VarianceFloor(toleratedRelativeChange));
        progress.finish();
        ReferenceProfileJson.write(fit.profile(), out);
        fit.skipped().forEach(s -> spec.commandLine().getErr().println("dicom-guard fit-profile: skipped " + s));
        fit.constantFeaturesDropped().forEach(f -> spec.commandLine().getErr().println(
                "dicom-guard fit-profile: feature " + f + " is constant on the fitting studies and is left out"));
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "fitted on %d studies (%d images), per-image false-reject rate %.4f, threshold %.3f -> %s",
                fit.studies(), fit.images(), fit.imageFalseRejectRate(), fit.profile().thresholdDistance(), out));
        return DicomGuardCli.EXIT_OK;
    }
}
