package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.monitoring.BundleDriftAlerts;
import org.dicomguard.core.monitoring.JsonLinesPipelineListener;
import org.dicomguard.core.monitoring.PipelineListener;
import org.dicomguard.core.study.DicomDiscovery;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.dicomout.DicomResultWriter;
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
 * {@code score --bundle B [--out F] [--events F] [--drift-alerts F] [--sr-dir DIR [--sc-dir DIR]] INPUT...}:
 * one output-contract JSON line per study (files and folders are grouped by StudyInstanceUID),
 * exactly what a backend consumes; with {@code --sr-dir} also one DICOM SR per study (and with
 * {@code --sc-dir} a Secondary Capture review picture) for PACS; with {@code --drift-alerts} the
 * drift monitor's alerts as JSON lines.
 * Files are found by content ({@link DicomDiscovery}); every unreadable or skipped file gets its
 * own Failed line. Rejected and Failed studies are results too (exit 0); exit 2 when the bundle
 * cannot be loaded, when an input does not exist or when no file was found at all, in both
 * cases after every other study was scored.
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

    @Option(names = "--sr-dir", paramLabel = "DIR", description = "also write one DICOM SR per study here")
    Path srDir;

    @Option(names = "--sc-dir", paramLabel = "DIR",
            description = "also write one DICOM Secondary Capture review picture per study here (needs --sr-dir)")
    Path scDir;

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
        if (scDir != null && srDir == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sc-dir needs --sr-dir");
        }
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
            DicomResultWriter dicomOut = srDir == null ? null : DicomResultWriter.forBundle(pipeline.bundle().manifest(),
                    pipeline.reader());
            // Output folders are made before the first study: an unwritable one stops the run here, not mid-batch.
            for (Path dir : new Path[] {srDir, scDir}) {
                if (dir != null) {
                    Files.createDirectories(dir);
                }
            }
            DicomDiscovery discovery = new DicomDiscovery();
            StudyGrouper grouper = new StudyGrouper(pipeline.reader());
            List<StudyFiles> groups = new ArrayList<>();
            int missingInputs = 0;
            // With drift alerts the monitor's windows are about order: each input in turn, as given.
            for (List<Path> batch : drift == null ? List.of(inputs) : inputs.stream().map(List::of).toList()) {
                DicomDiscovery.Found found = discovery.discover(batch);
                missingInputs += found.missingInputs().size();
                groups.addAll(grouper.group(found));
            }
            Progress progress = Progress.of(spec, "score", "studies", groups.size());
            for (StudyFiles group : groups) {
                GuardResult result = pipeline.run(group);
                if (dicomOut != null) {
                    dicomOut.writeStructuredReport(result, group.files(), srDir);
                    if (scDir != null) {
                        dicomOut.writeSecondaryCapture(result, group.files(), scDir);
                    }
                }
                counts[result.status().ordinal()]++;
                String line = ContractJson.write(result);
                if (out == null) {
                    stdout.println(line);
                } else {
                    out.write(line);
                    out.write('\n');
                }
                progress.step();
            }
            progress.finish();
            stdout.flush();
            PrintWriter err = spec.commandLine().getErr();
            err.println("dicom-guard score: " + counts[0] + " prediction(s), " + counts[1] + " rejected, " + counts[2]
                    + " failed");
            if (drift != null) {
                err.println("dicom-guard score: drift alerts raised now: "
                        + (drift.raisedStreams().isEmpty() ? "none" : String.join(", ", drift.raisedStreams()))
                        + " (alerts in " + driftAlertsFile + ")");
            }
            if (missingInputs > 0) {
                err.println("dicom-guard score: " + missingInputs + " input(s) do not exist");
                return DicomGuardCli.EXIT_USAGE_OR_INPUT;
            }
            if (groups.isEmpty()) {
                err.println("dicom-guard score: no DICOM file was found in the input(s)");
                return DicomGuardCli.EXIT_USAGE_OR_INPUT;
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
