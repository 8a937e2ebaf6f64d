package org.dicomguard.dicomout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs dicom3tools' dciodvfy and dcmtk's dsrdump on written objects, when installed. */
final class DicomTools {
    private DicomTools() {
    }

    static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** @return exit status and combined output */
    static Run run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish in 60 s");
        }
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /** One tool run. */
    record Run(int exitStatus, String output) {
        /** @return dciodvfy's lines that start with "Error" */
        List<String> errors() {
            List<String> errors = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (line.startsWith("Error")) {
                    errors.add(line);
                }
            }
            return errors;
        }

        List<String> warnings() {
            List<String> warnings = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (line.startsWith("Warning")) {
                    warnings.add(line);
                }
            }
            return warnings;
        }
    }
}
