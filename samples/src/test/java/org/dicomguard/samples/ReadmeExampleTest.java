package org.dicomguard.samples;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README example runs on the committed demo bundle and a synthetic study, and predicts. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void run_demoBundleOnSyntheticStudy_printsEachPathology() throws Exception {
        Path pack = dir.resolve("pack");
        org.dicomguard.samples.cli.DicomGuardCli.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), "synth", "--task", "mammography", "--studies", "1",
                "--seed", "5", "--out", pack.toString());
        List<Path> files;
        try (Stream<Path> s = Files.list(pack.resolve("study-0000"))) {
            files = s.sorted().toList();
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String line = ReadmeExample.run(Path.of("bundles/demo-mammography"), files,
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertTrue(ContractJson.read(line) instanceof Prediction, line);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("mass ") && text.contains("calcification "), text);
    }
}
