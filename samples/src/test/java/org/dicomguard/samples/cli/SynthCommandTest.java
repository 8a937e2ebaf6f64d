package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void synth_mammographyWithAllOod_writesPackAndOneLineSummary() throws Exception {
        Path pack = temp.resolve("pack");
        CliRun r = CliRun.of("--quiet", "synth", "--size", "small", "--task", "mammography", "--studies", "2", "--out", pack.toString(),
                "--seed", "9", "--ood", "all", "--ood-studies", "1");

        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains("2 labelled + 7 OOD mammography studies (22 DICOM files"), r.out());
        JsonNode json = JSON.readTree(Files.readString(pack.resolve("pack.json")));
        assertEquals(9, json.get("seed").asLong());
        assertEquals("small", json.get("size").asText());
        assertEquals(7, json.get("oodKinds").size());
        assertEquals(3, Files.readAllLines(pack.resolve("labels.csv")).size());
        assertEquals(8, Files.readAllLines(pack.resolve("ood.csv")).size());
        assertTrue(Files.isRegularFile(pack.resolve("study-0008/image-0002.dcm")));
    }

    @Test
    void synth_chestCtCommaSeparatedOod_writesRequestedKindsOnly() throws Exception {
        Path pack = temp.resolve("ct");
        CliRun r = CliRun.of("synth", "--size", "small", "--task", "chest-ct", "--studies", "0", "--out", pack.toString(),
                "--ood", "blank,head-ct", "--ood-studies", "1");

        assertEquals(0, r.exitCode(), r.err());
        List<String> ood = Files.readAllLines(pack.resolve("ood.csv"));
        assertEquals(3, ood.size());
        assertTrue(ood.get(1).endsWith(",blank") && ood.get(2).endsWith(",head-ct"), ood.toString());
        assertEquals(List.of("studyInstanceUid,nodule,ground-glass,effusion"),
                Files.readAllLines(pack.resolve("labels.csv")));
    }

    @Test
    void synth_unknownTask_exit2WithOneLineError() {
        CliRun r = CliRun.of("synth", "--size", "small", "--task", "knee", "--studies", "1", "--out", temp.resolve("x").toString());

        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("task must be one of mammography, chest-ct, chest-xray, got knee"), r.err());
        assertFalse(Files.exists(temp.resolve("x")));
    }

    @Test
    void synth_oodKindOfOtherTask_exit2NamingTheKind() {
        CliRun r = CliRun.of("synth", "--size", "small", "--task", "chest-ct", "--studies", "1", "--out", temp.resolve("x").toString(),
                "--ood", "knee-radiograph");

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dicom-guard synth: oodKinds of task chest-ct must be among"), r.err());
        assertTrue(r.err().contains("knee-radiograph"), r.err());
    }

    @Test
    void synth_nonEmptyOutput_exit2WithoutStackTraceUnlessDebug() throws Exception {
        Files.writeString(temp.resolve("keep.txt"), "x");
        CliRun r = CliRun.of("synth", "--size", "small", "--task", "chest-ct", "--studies", "1", "--out", temp.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("dicom-guard synth: folder is not empty: " + temp), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        CliRun debug = CliRun.of("--debug", "synth", "--size", "small", "--task", "chest-ct", "--studies", "1", "--out", temp.toString());
        assertEquals(2, debug.exitCode());
        assertTrue(debug.err().contains("\tat "), debug.err());
    }

    @Test
    void synth_missingRequiredOption_exit2() {
        CliRun r = CliRun.of("synth", "--size", "small", "--task", "chest-ct", "--out", temp.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--studies"), r.err());
    }

    @Test
    void synth_badSize_exit2() {
        CliRun r = CliRun.of("synth", "--task", "chest-ct", "--studies", "1", "--size", "huge", "--out", temp.toString());

        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("size must be one of small, realistic, got huge"), r.err());
    }
}
