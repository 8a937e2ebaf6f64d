package org.dicomguard.samples.cli;

import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code review} with the chest-xray and chest-CT demo bundles: one PNG per study with probabilities. */
class LungReviewCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"chest-xray, bundles/demo-chest-xray", "chest-ct, bundles/demo-chest-ct"})
    void review_lungBundle_onePngPerStudyAndIndex(String task, String bundle) throws Exception {
        Path pack = dir.resolve("pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode(task), 5, 2)).write(pack);
        Path review = dir.resolve("review");
        CliRun run = CliRun.of("review", "--bundle", bundle, "--out", review.toString(),
                pack.resolve("study-0000").toString(), pack.resolve("study-0001").toString());
        assertEquals(DicomGuardCli.EXIT_OK, run.exitCode(), run.err());
        try (Stream<Path> files = Files.list(review)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".png")).count());
        }
        String index = Files.readString(review.resolve("index.html"));
        assertTrue(index.contains("threshold") || index.contains("REJECTED"), index);
        if (index.contains("threshold")) {
            // A predicted study's caption says where the model looks (the first one, that it needs a donor).
            assertTrue(index.contains("where the model looks"), index);
        }
    }
}
