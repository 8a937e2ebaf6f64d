package org.dicomguard.samples.cli;

import java.io.PrintWriter;

/**
 * One-line error reporting shared by the evaluation commands: the message on stderr, the stack
 * trace only with {@code --debug}, and exit status 2 (bad usage or unreadable input).
 */
final class CliErrors {

    /** Exit status for bad usage or unreadable input. */
    static final int BAD_INPUT = 2;

    private CliErrors() {
    }

    static int report(PrintWriter err, String command, Exception e, boolean debug) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("dicom-guard " + command + ": " + message.replace('\n', ' ').replace('\r', ' '));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return BAD_INPUT;
    }
}
