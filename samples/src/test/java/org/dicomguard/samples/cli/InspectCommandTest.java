package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the CLI in-process on samples/dicom (surefire runs with the module directory as working directory). */
class InspectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void inspect_jsonOnReadableFile_printsHeaderAndPixelSummary() throws Exception {
        CliRun r = CliRun.of("inspect", "--json", "dicom/CT_small.dcm");

        assertEquals(0, r.exitCode(), r.err());
        JsonNode line = JSON.readTree(r.out().strip());
        assertEquals("dicom/CT_small.dcm", line.get("file").asText());
        assertEquals("1.2.840.10008.1.2.1", line.get("transferSyntaxUid").asText());
        assertEquals("CT", line.get("modality").asText());
        assertEquals(128, line.get("rows").asInt());
        assertEquals(1, line.get("frames").asInt());
        assertEquals(16, line.get("bitsAllocated").asInt());
        assertEquals(1, line.get("pixelRepresentation").asInt());
        assertEquals("MONOCHROME2", line.get("photometricInterpretation").asText());
        // pydicom 2.3.1 reference values for this file.
        assertEquals("7a481f6ffff833aef4d8bd54819bd8f472aaa7232090208e056c90eacf079926", line.get("pixelSha256").asText());
        assertEquals(128, line.get("pixelMin").asInt());
        assertEquals(2191, line.get("pixelMax").asInt());
        assertEquals(904.9261474609375, line.get("pixelMean").asDouble(), 1e-9);
        assertEquals("", r.err());
    }

    @Test
    void inspect_unreadableFileAmongGood_reportsCodeAndExits2AfterAll() throws Exception {
        CliRun r = CliRun.of("inspect", "--json", "dicom/MR_truncated.dcm", "dicom/MR_small.dcm");

        assertEquals(2, r.exitCode());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        JsonNode bad = JSON.readTree(lines[0]);
        assertEquals("TRUNCATED", bad.get("error").get("code").asText());
        assertTrue(bad.get("error").get("message").asText().contains("PixelData"));
        assertEquals("88617aaa46138fb1b6e2a951e762d962382354d69f47f8c04d4abff2f6a6a63e",
                JSON.readTree(lines[1]).get("pixelSha256").asText());
        String[] errLines = r.err().strip().split("\n");
        assertEquals(1, errLines.length, "one line per error, no stack trace: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void inspect_debug_addsStackTrace() {
        CliRun r = CliRun.of("--debug", "inspect", "--json", "dicom/MR_truncated.dcm");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void inspect_missingFile_isIoErrorExit2() throws Exception {
        CliRun r = CliRun.of("inspect", "--json", "dicom/does-not-exist.dcm");
        assertEquals(2, r.exitCode());
        assertEquals("IO_ERROR", JSON.readTree(r.out().strip()).get("error").get("code").asText());
    }

    @Test
    void inspect_multiFrame32Bit_countsFrames() throws Exception {
        CliRun r = CliRun.of("inspect", "--json", "dicom/rtdose.dcm");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode line = JSON.readTree(r.out().strip());
        assertEquals(15, line.get("frames").asInt());
        assertEquals("e30a4288ac22902293b3b0144d9cd7866d43a96e2e5cf3ec59c6f78595c3a125", line.get("pixelSha256").asText());
    }

    @Test
    void inspect_textMode_printsOneReadableLine() {
        CliRun r = CliRun.of("inspect", "dicom/MR_small.dcm");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("dicom/MR_small.dcm: "), r.out());
        assertTrue(r.out().contains("modality=MR"), r.out());
    }

    @Test
    void cli_badUsage_exits2() {
        assertEquals(2, CliRun.of("inspect").exitCode(), "missing FILE");
        assertEquals(2, CliRun.of("no-such-command").exitCode());
        assertEquals(2, CliRun.of().exitCode(), "no command");
        assertEquals(0, CliRun.of("--help").exitCode());
    }
}
