package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
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
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code score --bundle B [--out F] [--events F] INPUT...}: one output-contract JSON line per
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

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "DICOM files or folders")
    List<Path> inputs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        JsonLinesPipelineListener events = eventsFile == null ? null
                : new JsonLinesPipelineListener(Files.newBufferedWriter(eventsFile, StandardCharsets.UTF_8));
        try (Writer out = outFile == null ? null : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
             Pipeline pipeline = Pipeline.builder(ModelBundle.load(bundle))
                     .listener(events == null ? PipelineListener.none() : events).build()) {
            int[] counts = new int[3];
            List<StudyFiles> groups = new StudyGrouper(pipeline.reader()).group(inputs);
            Progress progress = Progress.of(spec, "score", "studies", groups.size());
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
                progress.step();
            }
            progress.finish();
            stdout.flush();
            spec.commandLine().getErr().println("dicom-guard score: " + counts[0] + " prediction(s), " + counts[1]
                    + " rejected, " + counts[2] + " failed");
            return DicomGuardCli.EXIT_OK;
        } finally {
            if (events != null) {
                events.close();
            }
        }
    }
}
