package org.dicomguard.core.dicom.codec;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without the optional org.openpnp:opencv jar, JPEG 2000 still decodes (through jai-imageio): a
 * child JVM whose class path is this one's minus OpenCV decodes a lossless J2K fixture to its
 * reference hash. Once failed with NoClassDefFoundError: org/opencv/core/Mat.
 */
class J2kWithoutOpenCvTest {

    /** Child JVM entry point: decodes fixture {@code args[0]} and prints its hash. */
    public static void main(String[] args) throws Exception {
        CodecFixtures.Entry entry = CodecFixtures.named(args[0]);
        byte[] decoded = FrameDecoders.forTransferSyntax(entry.transferSyntaxUid()).decode(entry.frame(0),
                entry.descriptor());
        System.out.println("native=" + OpenCvJ2k.available() + " sha=" + CodecFixtures.sha256Hex(List.of(decoded)));
    }

    @Test
    void decode_withoutOpenCvOnTheClassPath_usesJaiImageio() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("opencv"))
                .collect(Collectors.joining(File.pathSeparator));
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", classPath, J2kWithoutOpenCvTest.class.getName(),
                "mono16u12_j2k").redirectErrorStream(true).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("native=false sha=" + CodecFixtures.named("mono16u12_j2k").pixelSha256()), output);
    }
}
