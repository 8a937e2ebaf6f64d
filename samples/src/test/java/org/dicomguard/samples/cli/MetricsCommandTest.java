package org.dicomguard.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class MetricsCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new MetricsCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("scores.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void metrics_validCsv_printsJson() throws IOException {
        int exit = run("--csv", csv("label,score\n0,0.1\n0,0.4\n1,0.35\n1,0.8\n").toString());
        assertEquals(0, exit, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
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
        String message = err.toString();
        assertTrue(message.contains("line 3") && message.contains("abc"), message);
        assertEquals(1, message.strip().lines().count(), "one line, no stack trace: " + message);
        assertEquals("", out.toString());
    }

    @Test
    void metrics_missingHeader_exit2() throws IOException {
        assertEquals(2, run("--csv", csv("0,0.1\n1,0.2\n").toString()));
        assertTrue(err.toString().contains("line 1"), err.toString());
    }

    @Test
    void metrics_oneClass_exit2NamingCounts() throws IOException {
        assertEquals(2, run("--csv", csv("label,score\n1,0.1\n1,0.2\n").toString()));
        assertTrue(err.toString().contains("2 positives and 0 negatives"), err.toString());
    }

    @Test
    void metrics_labelNotBinary_exit2() throws IOException {
        assertEquals(2, run("--csv", csv("label,score\n2,0.1\n").toString()));
        assertTrue(err.toString().contains("line 2"), err.toString());
    }

    @Test
    void metrics_missingFile_exit2() {
        assertEquals(2, run("--csv", dir.resolve("absent.csv").toString()));
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void metrics_missingOption_exit2() {
        assertEquals(2, run());
    }
}
