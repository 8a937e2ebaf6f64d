package org.dicomguard.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class MetricsCommandTest {

    @TempDir
    Path dir;

    private final CliSession cli = new CliSession();

    private int run(String... args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "metrics";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        return cli.run(withCommand);
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void metrics_validCsv_printsJson() throws IOException {
        int exit = run("--csv", csv("label,score\n0,0.1\n0,0.4\n1,0.35\n1,0.8\n").toString());
        assertEquals(0, exit, cli.stderr());
        JsonNode json = new ObjectMapper().readTree(cli.stdout());
        assertEquals(4, json.get("n").asInt());
        assertEquals(2, json.get("positives").asInt());
        assertEquals(0.75, json.get("auc").asDouble(), 0.0);
        assertTrue(json.get("auc95Low").asDouble() < 0.75);
        assertTrue(json.get("auc95High").asDouble() > 0.75);
    }

    @Test
    void metrics_columnsReversed_accepted() throws IOException {
        assertEquals(0, run("--csv", csv("score,label\n0.1,0\n0.8,1\n").toString()));
    }

    @Test
    void metrics_badNumber_exit2NamingLine() throws IOException {
        int exit = run("--csv", csv("label,score\n0,0.1\n1,abc\n").toString());
        assertEquals(2, exit);
        String message = cli.stderr();
        assertTrue(message.contains("line 3") && message.contains("abc"), message);
        assertEquals(1, message.strip().lines().count(), "one line, no stack trace: " + message);
        assertEquals("", cli.stdout());
    }

    @Test
    void metrics_missingHeader_exit2() throws IOException {
        assertEquals(2, run("--csv", csv("0,0.1\n1,0.2\n").toString()));
        assertTrue(cli.stderr().contains("line 1"), cli.stderr());
    }

    @Test
    void metrics_oneClass_exit2NamingCounts() throws IOException {
        assertEquals(2, run("--csv", csv("label,score\n1,0.1\n1,0.2\n").toString()));
        assertTrue(cli.stderr().contains("2 positives and 0 negatives"), cli.stderr());
    }

    @Test
    void metrics_labelNotBinary_exit2() throws IOException {
        assertEquals(2, run("--csv", csv("label,score\n2,0.1\n").toString()));
        assertTrue(cli.stderr().contains("line 2"), cli.stderr());
    }

    @Test
    void metrics_missingFile_exit2() {
        assertEquals(2, run("--csv", dir.resolve("absent.csv").toString()));
        assertFalse(cli.stderr().contains("\tat "), cli.stderr());
    }

    @Test
    void metrics_missingOption_exit2() {
        assertEquals(2, run());
    }
}
