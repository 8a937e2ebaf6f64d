package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.dicomguard.core.evaluation.AucResult;
import org.dicomguard.core.evaluation.EvaluationCsv;
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

    /** Creates the command; picocli fills the options. */
    public MetricsCommand() {
        // options are injected by picocli
    }

    /** @return 0 on success, 2 on unreadable or invalid input */
    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
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
    }
}
