package org.dicomguard.core.inference;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX Runtime 1.29's telemetry reads /proc/self/cmdline when the environment is created and
 * crashes the JVM (SIGSEGV, exit 139) when the command line is longer than about 4 KB, as it is
 * for a backend with its classpath on the command line or a Spark executor. The library must run
 * a model in such a JVM without the user setting ORT_DISABLE_TELEMETRY.
 */
class OrtLongCommandLineTest {

    @Test
    void open_jvmWith20KbCommandLine_runsTheModel() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m",
                "-Ddicomguard.test.padding=" + "x".repeat(20_000),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + "/no/such/folder/" + "y".repeat(500),
                LongCommandLineChild.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove(OrtTelemetryOptOut.VARIABLE);
        Path log = Files.createTempFile("ort-long-cmdline", ".log");
        builder.redirectOutput(log.toFile());
        Process child = builder.start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);

        assertTrue(String.join(" ", command).length() > 20_000);
        assertEquals(0, child.exitValue(), "child JVM exit (139 = SIGSEGV in ONNX Runtime): " + output);
        // 3 * 1 + 4 * 2 = 11, computed by the model in the child JVM.
        assertTrue(output.contains("output [11.0]"), output);
    }

    @Test
    void ensure_onLinux_setsOrFindsTheVariable() {
        OrtTelemetryOptOut.Outcome outcome = OrtTelemetryOptOut.ensure();
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            assertTrue(outcome != OrtTelemetryOptOut.Outcome.UNSUPPORTED, outcome.toString());
        }
    }
}
