package org.dicomguard.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * In-process runs of the dicom-guard command line that share one transcript: what every run
 * printed on stdout and stderr, in order, until {@link #resetStdout()}. For tests that run
 * several commands (record, then check) and read the output; one run alone is {@link CliRun#of}.
 * Not thread-safe.
 */
final class CliSession {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * @param args command-line arguments
     * @return the exit code {@link DicomGuardCli#run} returned
     */
    int run(String... args) {
        return DicomGuardCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
    }

    /** @return standard output of all runs since the last reset, UTF-8 */
    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return standard error of all runs, UTF-8 */
    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what the runs so far printed on stdout. */
    void resetStdout() {
        out.reset();
    }
}
