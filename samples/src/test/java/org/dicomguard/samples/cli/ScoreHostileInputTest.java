package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Rejected;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.reliability.HostileCorpus;
import org.dicomguard.core.reliability.ReliabilityStudies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code dicom-guard score} on the hostile corpus (guard-core's {@link HostileCorpus}, through
 * the test-jar): each file gives exit 0 and one contract line with its named status and stable
 * code, within a correctness bound of 10 s, and no marked patient identifier from the files'
 * headers appears on stdout, stderr or in the events file, even when the input folder is named
 * after the patient.
 */
class ScoreHostileInputTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @TempDir
    static Path dir;
    private static Path bundle;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = dir.resolve("bundle");
        TestMammographyBundles.write(bundle);
    }

    private static CliRun score(String... inputs) {
        List<String> args = new ArrayList<>(List.of("score", "--bundle", bundle.toString(),
                "--events", dir.resolve("events.jsonl").toString()));
        args.addAll(List.of(inputs));
        return assertTimeoutPreemptively(BOUND, () -> CliRun.of(args.toArray(String[]::new)));
    }

    @Test
    void score_eachHostileFile_givesItsStableCodeAndLeaksNoIdentifier() throws Exception {
        ReliabilityStudies.Markers markers = HostileCorpus.MARKERS;
        Path folder = dir.resolve(markers.patientName() + "-" + markers.patientId());
        Files.createDirectories(folder);
        Map<String, String> mismatches = new TreeMap<>();
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, HostileCorpus.Entry> e : HostileCorpus.entries().entrySet()) {
            Path file = folder.resolve(e.getKey());
            Files.write(file, e.getValue().bytes());
            CliRun run = score(file.toString());
            String[] lines = run.out().strip().split("\n");
            GuardResult result = ContractJson.read(lines[0]);
            String actual = result instanceof Failed f ? "failed " + f.errorCode()
                    : result instanceof Rejected r ? "rejected " + r.reasons().get(0).code() : "prediction";
            String expected = e.getValue().status() + " " + e.getValue().code();
            if (run.exitCode() != DicomGuardCli.EXIT_OK || lines.length != 1 || !actual.equals(expected)) {
                mismatches.put(e.getKey(), "exit " + run.exitCode() + ", expected " + expected + ", got " + run.out()
                        + run.err());
            }
            String events = Files.readString(dir.resolve("events.jsonl"));
            for (String marker : markers.all()) {
                if (run.out().contains(marker) || run.err().contains(marker) || events.contains(marker)) {
                    leaks.add(marker + " from " + e.getKey());
                }
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.toString());
        assertEquals(List.of(), leaks);
    }

    @Test
    void score_markedSyntheticStudyFolder_leaksNoIdentifier() throws Exception {
        ReliabilityStudies.Markers markers = HostileCorpus.MARKERS;
        Path folder = dir.resolve("study-of-" + markers.patientName());
        ReliabilityStudies.writeStudy(folder, 3L, 0, markers);
        CliRun run = score(folder.toString(), folder.resolve("missing-" + markers.accessionNumber() + ".dcm").toString());
        // The missing file gets its own line and exit 2, after the study was scored.
        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, run.exitCode(), run.err());
        assertEquals(2, run.out().strip().split("\n").length, run.out());
        String events = Files.readString(dir.resolve("events.jsonl"));
        for (String marker : markers.all()) {
            assertTrue(!run.out().contains(marker) && !run.err().contains(marker) && !events.contains(marker),
                    marker + " leaked: " + run.out() + run.err() + events);
        }
    }
}
