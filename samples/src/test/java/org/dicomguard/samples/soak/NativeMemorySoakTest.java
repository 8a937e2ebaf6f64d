package org.dicomguard.samples.soak;

import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.reliability.ReliabilityStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The soak on the test bundle. In a normal build a short run checks the tool works (every
 * pipeline run equals the first, RSS sampled); the measurement in docs/GUARANTEES.md comes from
 * {@code samples/scripts/native-memory-soak.sh}, which sets {@code dicomguard.soak.runs}
 * (100,000) and prints the table.
 */
class NativeMemorySoakTest {

    @TempDir
    Path dir;

    @Test
    void run_repeatedStudy_samplesResidentMemoryAndGivesIdenticalResults() throws Exception {
        int runs = Integer.getInteger("dicomguard.soak.runs", 20);
        int every = Integer.getInteger("dicomguard.soak.sampleEvery", 10);
        String mode = System.getProperty("dicomguard.soak.mode", "pipeline");
        TestMammographyBundles.write(dir.resolve("bundle"));
        List<Path> study = ReliabilityStudies.writeStudy(dir.resolve("study"), 11L, 0,
                ReliabilityStudies.Markers.distinctive());
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(table, true, StandardCharsets.UTF_8);
        long[] rss = NativeMemorySoak.run(mode, ModelBundle.load(dir.resolve("bundle")), study, runs, every, out);
        System.out.println(table.toString(StandardCharsets.UTF_8));
        System.out.println("growth from first sample to last: " + (rss[rss.length - 1] - rss[0]) + " KiB");
        assertEquals(runs / every, rss.length);
        assertTrue(rss[0] != 0 && table.toString(StandardCharsets.UTF_8).contains("first result: {"),
                table.toString(StandardCharsets.UTF_8));
    }
}
