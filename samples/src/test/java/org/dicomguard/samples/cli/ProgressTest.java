package org.dicomguard.samples.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress lines when stderr is not a terminal, the bar on a terminal, nothing with --quiet. */
class ProgressTest {

    private static final long SECOND_NANOS = 1_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void update_notATerminal_printsALineEveryTenthWithCountRateAndElapsed() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        Progress p = new Progress(new PrintWriter(text), Progress.Mode.LINES, "synth", "studies", 200, clock::get);
        for (int done = 1; done <= 200; done++) {
            clock.addAndGet(SECOND_NANOS / 4);   // 4 studies per second
            p.update(done);
        }
        p.finish();

        List<String> lines = text.toString().lines().toList();
        assertEquals(10, lines.size(), text.toString());
        assertEquals("synth: 20/200 studies (10%), 4.0 studies/s, 5.0 s elapsed", lines.get(0));
        assertEquals("synth: 200/200 studies (100%), 4.0 studies/s, 50.0 s elapsed", lines.get(9));
    }

    @Test
    void update_notATerminalAndSlow_printsALineEveryTenSeconds() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        Progress p = new Progress(new PrintWriter(text), Progress.Mode.LINES, "score", "studies", 1000, clock::get);
        for (int done = 1; done <= 30; done++) {
            clock.addAndGet(SECOND_NANOS);       // 1 study per second: 10% would take 100 s
            p.update(done);
        }
        List<String> lines = text.toString().lines().toList();
        assertEquals(List.of("score: 10/1000 studies (1%), 1.0 studies/s, 10.0 s elapsed",
                "score: 20/1000 studies (2%), 1.0 studies/s, 20.0 s elapsed",
                "score: 30/1000 studies (3%), 1.0 studies/s, 30.0 s elapsed"), lines);
    }

    @Test
    void finish_afterOver_countsEveryItemAndEndsWithTheTotal() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        Progress p = new Progress(new PrintWriter(text), Progress.Mode.LINES, "review", "studies", 3, clock::get);
        int seen = 0;
        for (String ignored : p.over(List.of("a", "b", "c"))) {
            seen++;
        }
        p.finish();
        assertEquals(3, seen);
        assertTrue(text.toString().strip().endsWith("review: 3/3 studies (100%), - studies/s, 0.0 s elapsed"), text.toString());
    }

    @Test
    void update_terminal_redrawsOneBarInPlace() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong(0);
        Progress p = new Progress(new PrintWriter(text), Progress.Mode.BAR, "evaluate", "studies", 4, clock::get);
        for (int done = 1; done <= 4; done++) {
            clock.addAndGet(SECOND_NANOS);
            p.update(done);
        }
        p.finish();
        String out = text.toString();
        assertEquals(1, out.chars().filter(c -> c == '\n').count(), "the bar stays on one line: " + out);
        assertTrue(out.contains("\revaluate [###############...............] 2/4 studies"), out);
        assertTrue(out.endsWith("\revaluate [##############################] 4/4 studies, 1.0 studies/s, 4 s" + System.lineSeparator()), out);
    }

    @Test
    void quiet_synthWithQuiet_printsNoProgressButStillTheSummary() throws Exception {
        CliRun quiet = CliRun.of("--quiet", "synth", "--size", "small", "--task", "chest-ct", "--studies", "2", "--out",
                dir.resolve("q").toString());
        assertEquals(0, quiet.exitCode(), quiet.err());
        assertEquals("", quiet.err());
        assertTrue(quiet.out().startsWith("synth: wrote 2 labelled"), quiet.out());

        CliRun loud = CliRun.of("synth", "--size", "small", "--task", "chest-ct", "--studies", "2", "--out", dir.resolve("l").toString());
        assertEquals(0, loud.exitCode(), loud.err());
        assertTrue(loud.err().contains("synth: 1/2 studies (50%)"), loud.err());
        assertTrue(loud.err().contains("synth: 2/2 studies (100%)"), loud.err());
        assertFalse(loud.err().contains("\r"), "no bar when stderr is not a terminal");
        assertTrue(Files.isRegularFile(dir.resolve("l/labels.csv")));
    }
}
