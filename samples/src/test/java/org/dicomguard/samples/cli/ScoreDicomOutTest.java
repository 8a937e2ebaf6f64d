package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.dicomout.ReportedResult;
import org.dicomguard.dicomout.StructuredReportReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreDicomOutTest {

    @TempDir
    Path dir;

    @Test
    void score_srAndScDirs_oneObjectPerStudyMatchingTheJson() throws Exception {
        Path pack = dir.resolve("pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), 11, 3)).write(pack);
        Path sr = dir.resolve("sr");
        Path sc = dir.resolve("sc");
        CliRun run = CliRun.of("score", "--bundle", "bundles/demo-mammography", "--sr-dir", sr.toString(),
                "--sc-dir", sc.toString(), pack.toString());
        assertEquals(0, run.exitCode(), run.err());
        Map<String, GuardResult> byStudy = new HashMap<>();
        for (String line : run.out().split("\n")) {
            GuardResult r = ContractJson.read(line);
            byStudy.put(r.studyInstanceUidIfKnown().orElseThrow(), r);
        }
        assertEquals(3, byStudy.size());
        List<Path> reports = list(sr);
        assertEquals(3, reports.size());
        StructuredReportReader reader = new StructuredReportReader();
        for (Path report : reports) {
            ReportedResult back = reader.read(Files.readAllBytes(report));
            GuardResult result = byStudy.get(back.studyInstanceUid());
            assertEquals(result.status(), back.status());
        }
        List<Path> pictures = list(sc);
        assertEquals(3, pictures.size());
        assertEquals("RGB", new DicomReader().read(pictures.get(0)).dataSet().getString(Tag.PhotometricInterpretation, ""));
    }

    @Test
    void score_scDirWithoutSrDir_isBadUsage() {
        CliRun run = CliRun.of("score", "--bundle", "bundles/demo-mammography", "--sc-dir", dir.toString(), dir.toString());
        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, run.exitCode());
        assertTrue(run.err().contains("--sc-dir needs --sr-dir"), run.err());
    }

    @Test
    void score_unwritableSrDir_stopsBeforeTheFirstStudyNamingTheFolder() throws Exception {
        Path pack = dir.resolve("pack");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), 11, 2)).write(pack);
        // procfs refuses every new folder, even root's: the run must stop before it scores anything.
        Path events = dir.resolve("events.jsonl");
        CliRun run = CliRun.of("score", "--bundle", "bundles/demo-mammography", "--events", events.toString(),
                "--sr-dir", "/proc/forbidden/sr", pack.toString());
        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, run.exitCode(), run.err());
        assertTrue(run.out().isBlank(), "no contract line: " + run.out());
        assertTrue(!Files.exists(events) || Files.readString(events).isBlank(),
                "no study went through the Pipeline: " + (Files.exists(events) ? Files.readString(events) : ""));
        assertTrue(run.err().contains("/proc/forbidden"), run.err());
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
