package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.EvaluationCsv;
import org.dicomguard.core.evaluation.EvaluationInputException;
import org.dicomguard.core.evaluation.LabelScoreTable;
import org.dicomguard.core.evaluation.RocAuc;
import org.dicomguard.core.json.StrictJson;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code metrics --csv F}: ROC-AUC and DeLong 95% interval of a {@code label,score} CSV, printed
 * as one JSON object {@code {"auc":…,"auc95High":…,"auc95Low":…,"n":…,"positives":…}}.
 * Exit 0 on success, 2 when the file is unreadable, malformed (the message names the line) or
 * has only one class.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "ROC-AUC and DeLong 95%% CI from a label,score CSV (header required), as JSON.")
public final class MetricsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--csv", converter = ExistingPath.class, required = true, paramLabel = "F", description = "CSV with header label,score")
    private Path csv;

    @CommandLine.ParentCommand
    private DicomGuardCli parent;

    /** Creates the command; picocli fills the options. */
    public MetricsCommand() {
        // options are injected by picocli
    }

    /** @return 0 on success, 2 on unreadable or invalid input */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            LabelScoreTable table = EvaluationCsv.readLabelScore(csv);
            AucResult result = RocAuc.auc(table.scores(), table.labels());
            ObjectMapper mapper = StrictJson.mapper();
            ObjectNode json = mapper.createObjectNode();
            json.put("n", result.caseCount());
            json.put("positives", result.positiveCount());
            json.put("auc", result.auc());
            json.put("auc95Low", result.auc95Low());
            json.put("auc95High", result.auc95High());
            out.println(mapper.writeValueAsString(json));
            out.flush();
            return 0;
        } catch (EvaluationInputException | IllegalArgumentException | java.io.IOException e) {
            return reportError(err, e);
        }
    }

    /**
     * One line on stderr (the stack trace only with --debug); exit status 2 for bad usage or
     * unreadable input.
     */
    private int reportError(PrintWriter err, Exception e) {
        return CliErrors.report(err, "metrics", e, parent != null && parent.debug());
    }
}
