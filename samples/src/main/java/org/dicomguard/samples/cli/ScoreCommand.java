package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.monitoring.BundleDriftAlerts;
import org.dicomguard.core.monitoring.JsonLinesPipelineListener;
import org.dicomguard.core.monitoring.PipelineListener;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code score --bundle B [--out F] [--events F] [--drift-alerts F] INPUT...}: one output-contract JSON line per
 * study (files and folders are grouped by StudyInstanceUID), exactly what a backend consumes.
 * Rejected and Failed studies are results too (exit 0); exit 2 when the bundle cannot be loaded
 * or an input cannot be listed.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score studies: one contract JSON line per study.")
public final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--bundle", required = true, paramLabel = "B", description = "model bundle folder or zip")
    Path bundle;

    @Option(names = "--out", paramLabel = "F", description = "write the JSON lines here instead of stdout")
    Path outFile;

    @Option(names = "--events", paramLabel = "F", description = "write the monitoring events as JSON lines")
    Path eventsFile;

    @Option(names = "--drift-alerts", paramLabel = "F",
            description = "run the drift monitor against the bundle's reference statistics and append its alerts"
                    + " (input statistics, probabilities, rejection rate) to F as JSON lines; INPUTs are then taken"
                    + " as time order, one after the other")
    Path driftAlertsFile;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "DICOM files or folders")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        JsonLinesPipelineListener events = eventsFile == null ? null
                : new JsonLinesPipelineListener(Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8));
        ModelBundle loaded = ModelBundle.load(bundle);
        BundleDriftAlerts drift = driftAlertsFile == null ? null : BundleDriftAlerts.toJsonLines(loaded, driftAlertsFile);
        try (Writer out = outFile == null ? null : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
             Pipeline pipeline = Pipeline.builder(loaded).listener(PipelineListener.all(
                     events == null ? PipelineListener.none() : events,
                     drift == null ? PipelineListener.none() : drift)).build()) {
            int[] counts = new int[3];
            StudyGrouper grouper = new StudyGrouper(pipeline.reader());
            List<StudyFiles> groups = new ArrayList<>();
            if (drift == null) {
                groups.addAll(grouper.group(inputs));
            } else {
                // The monitor's windows are about order: each input in turn, as given.
                inputs.forEach(input -> groups.addAll(grouper.group(List.of(input))));
            }
            for (StudyFiles group : groups) {
                GuardResult result = pipeline.run(group);
                counts[result.status().ordinal()]++;
                String line = ContractJson.write(result);
                if (out == null) {
                    stdout.println(line);
                } else {
                    out.write(line);
                    out.write('\n');
                }
            }
            stdout.flush();
            spec.commandLine().getErr().println("dicom-guard score: " + counts[0] + " prediction(s), " + counts[1]
                    + " rejected, " + counts[2] + " failed");
            if (drift != null) {
                spec.commandLine().getErr().println("dicom-guard score: drift alerts raised now: "
                        + (drift.raisedStreams().isEmpty() ? "none" : String.join(", ", drift.raisedStreams()))
                        + " (alerts in " + driftAlertsFile + ")");
            }
            return DicomGuardCli.EXIT_OK;
        } finally {
            if (events != null) {
                events.close();
            }
            if (drift != null) {
                drift.close();
            }
        }
    }
}
