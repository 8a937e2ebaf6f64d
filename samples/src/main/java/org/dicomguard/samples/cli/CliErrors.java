package org.dicomguard.samples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The one place where an exception of a command becomes the plain sentence printed on stderr:
 * file-system exceptions name the file and what is wrong with it, never the Java class name
 * ({@code NoSuchFileException: /x} becomes {@code no such file or folder: /x}).
 */
final class CliErrors {

    private CliErrors() {
    }

    /**
     * @param e any exception a command let out
     * @return one line that names the file or the value, without line breaks
     */
    static String sentence(Throwable e) {
        Throwable t = e;
        while (t instanceof UncheckedIOException && t.getCause() != null) {
            t = t.getCause();
        }
        String text;
        if (t instanceof FileSystemException fs) {
            text = fileSystem(fs);
        } else if (t instanceof IOException && t.getCause() instanceof FileSystemException fs) {
            text = fileSystem(fs);
        } else if (t instanceof OutOfMemoryError) {
            text = "out of memory; give the JVM more heap (-Xmx) or fewer inputs at once";
        } else if (t.getMessage() != null && !t.getMessage().isBlank()) {
            text = t.getMessage();
        } else {
            text = "internal error; run with --debug for the stack trace";
        }
        return text.replace('\n', ' ').replace('\r', ' ').strip();
    }

    private static String fileSystem(FileSystemException fs) {
        String file = fs.getFile() == null ? "" : fs.getFile();
        String other = fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile();
        if (fs instanceof NoSuchFileException) {
            return "no such file or folder: " + file + other;
        }
        if (fs instanceof AccessDeniedException) {
            return "permission denied: " + file + other;
        }
        if (fs instanceof FileAlreadyExistsException) {
            return "already exists: " + file + other;
        }
        if (fs instanceof DirectoryNotEmptyException) {
            String reason = fs.getReason();
            return "folder is not empty: " + file + (reason == null ? "" : " " + reason);
        }
        if (fs instanceof NotDirectoryException) {
            return "not a folder: " + file;
        }
        String reason = fs.getReason();
        return "cannot access " + file + other + (reason == null ? "" : ": " + reason);
    }

    /**
     * Prints {@code dicom-guard COMMAND: sentence} (and the stack trace with --debug).
     *
     * @param err     stderr
     * @param command the command's name
     * @param e       what went wrong
     * @param debug   whether --debug was given
     * @return {@link DicomGuardCli#EXIT_USAGE_OR_INPUT}
     */
    static int report(PrintWriter err, String command, Throwable e, boolean debug) {
        err.println("dicom-guard " + command + ": " + sentence(e));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return DicomGuardCli.EXIT_USAGE_OR_INPUT;
    }
}
