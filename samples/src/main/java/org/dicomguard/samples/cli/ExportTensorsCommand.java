package org.dicomguard.samples.cli;

import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.evaluation.EvaluationCsv;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.training.StudyTensorExport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code export-tensors --task T [--config F] --pack P --out DIR}: the labelled studies of a pack
 * as model inputs (tensors.npy + tensors.json + labels.csv), made by the Pipeline's own
 * preprocessing so that training never re-implements it.
 */
@Command(name = "export-tensors", mixinStandardHelpOptions = true,
        description = "Export preprocessed model inputs of a labelled pack for training.")
public final class ExportTensorsCommand implements Callable<Integer> {

    @CommandLine.Mixin
    TaskConfigOptions taskConfig;

    @Option(names = "--pack", converter = ExistingPath.class, required = true, paramLabel = "P", description = "labelled pack folder (labels.csv inside)")
    Path pack;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreprocessingConfig config = taskConfig.load();
        Path labels = pack.resolve("labels.csv");
        var table = EvaluationCsv.readStudyTable(labels, true);
        DicomReader reader = new DicomReader();
        List<StudyFiles> groups = new StudyGrouper(reader).group(List.of(pack));
        Progress progress = Progress.of(spec, "export-tensors", "studies", groups.size());
        StudyTensorExport.Result result = StudyTensorExport.export(config, progress.over(groups),
                new HashSet<>(table.studyInstanceUids()), StudyPreparers.inputShape(config), out, reader);
        progress.finish();
        Files.copy(labels, out.resolve("labels.csv"), StandardCopyOption.REPLACE_EXISTING);
        result.skipped().forEach(s -> spec.commandLine().getErr().println("dicom-guard export-tensors: skipped " + s));
        spec.commandLine().getOut().println("exported " + result.exported() + " studies to " + out.resolve("tensors.npy"));
        return DicomGuardCli.EXIT_OK;
    }
}
