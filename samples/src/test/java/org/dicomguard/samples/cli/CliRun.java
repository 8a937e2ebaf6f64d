package org.dicomguard.samples.cli;

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
        CliSession session = new CliSession();
        int code = session.run(args);
        return new CliRun(code, session.stdout(), session.stderr());
    }
}
