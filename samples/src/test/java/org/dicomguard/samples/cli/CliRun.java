package org.dicomguard.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * One in-process run of the dicom-guard command line: its exit code and what it printed.
 *
 * @param exitCode the exit code {@link DicomGuardCli#run} returned
 * @param out      standard output, UTF-8
 * @param err      standard error, UTF-8
 */
record CliRun(int exitCode, String out, String err) {

    /**
     * @param args command-line arguments
     * @return the run's exit code and captured output
     */
    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DicomGuardCli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
