package org.dicomguard.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dicomguard.core.evaluation.ContractLines;
import org.dicomguard.core.evaluation.DiagnosisSettings;
import org.dicomguard.core.evaluation.DiscrepancyDiagnoser;
import org.dicomguard.core.evaluation.DiscrepancyDiagnosis;
import org.dicomguard.core.evaluation.EvaluationCsv;
import org.dicomguard.core.evaluation.OurScores;
import org.dicomguard.core.evaluation.StudyTable;
import org.dicomguard.core.json.StrictJson;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diagnose --ours F --theirs F --labels F}: ranked explanations of why an external
 * party's metrics differ from ours, as JSON
 * {@code {"explanations":[{"cause":…,"pathology":…,"evidence":{…}},…],"summary":{…}}}, most
 * likely first. Exit 0 when a diagnosis was produced (whatever it found), 2 on unreadable or
 * malformed input (the message names the file and line).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Explain a metric discrepancy between our score output and an external party's values.")
public final class DiagnoseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--ours", converter = ExistingPath.class, required = true, paramLabel = "F", description = "our score output (contract JSON lines)")
    private Path ours;

    @Option(names = "--theirs", converter = ExistingPath.class, required = true, paramLabel = "F",
            description = "their values: CSV studyInstanceUid,<pathology code>,...")
    private Path theirs;

    @Option(names = "--labels", converter = ExistingPath.class, required = true, paramLabel = "F",
            description = "labels 0/1: CSV studyInstanceUid,<pathology code>,...")
    private Path labels;

    @Option(names = "--tolerance", paramLabel = "ABS", defaultValue = "1e-5",
            description = "absolute tolerance for two values to match (default ${DEFAULT-VALUE})")
    private double toleranceAbsolute;

    /** Creates the command; picocli fills the options. */
    public DiagnoseCommand() {
        // options are injected by picocli
    }

    /** @return 0 when a diagnosis was printed, 2 on bad input */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OurScores ourScores = ContractLines.readScores(ours);
            StudyTable theirTable = EvaluationCsv.readStudyTable(theirs, false);
            StudyTable labelTable = EvaluationCsv.readStudyTable(labels, true);
            DiscrepancyDiagnosis diagnosis = new DiscrepancyDiagnoser(
                    DiagnosisSettings.defaults().withMatchToleranceAbsolute(toleranceAbsolute))
                    .diagnose(ourScores, theirTable, labelTable);
            out.println(StrictJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(diagnosis.toJson(StrictJson.mapper())));
            out.flush();
        return 0;
    }
}
