package org.dicomguard.samples;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Prediction;
import org.dicomguard.samples.cli.DicomGuardCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java block of README.md's "Add it to a backend" section, taken from README.md itself, compiles
 * against the test class path as printed and, run on the committed demo bundle and a synthetic study,
 * prints each pathology and one contract line that predicts.
 */
class ReadmeJavaExampleTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CLASS_NAME = Pattern.compile("public\\s+class\\s+(\\w+)");

    @TempDir
    Path dir;

    @Test
    void addItToABackend_javaBlockOfReadme_compilesAndPredicts() throws Exception {
        String source = javaBlockOfSection(Files.readString(README), "## Add it to a backend");
        Matcher m = CLASS_NAME.matcher(source);
        assertTrue(m.find(), "the README example declares a public class");
        String className = m.group(1);
        assertTrue(!source.contains("package "), "the README example is in the default package");

        Path classes = compile(className, source);
        Path pack = dir.resolve("pack");
        int synth = DicomGuardCli.run(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), "--quiet", "synth", "--size", "small", "--task", "mammography",
                "--studies", "1", "--seed", "5", "--out", pack.toString());
        assertEquals(0, synth);
        List<String> args = new ArrayList<>();
        args.add(Path.of("bundles/demo-mammography").toString());
        try (Stream<Path> s = Files.list(pack.resolve("study-0000"))) {
            s.sorted().forEach(p -> args.add(p.toString()));
        }

        String printed = runMain(classes, className, args.toArray(String[]::new));
        String[] lines = printed.strip().split("\n");
        assertTrue(printed.contains("mass ") && printed.contains("calcification "), printed);
        assertTrue(ContractJson.read(lines[lines.length - 1]) instanceof Prediction, printed);
    }

    /** The first ```java fenced block after the heading, before the next heading of the same level. */
    static String javaBlockOfSection(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has the section " + heading);
        int next = markdown.indexOf("\n## ", start + heading.length() + 1);
        String section = markdown.substring(start, next < 0 ? markdown.length() : next);
        int open = section.indexOf("```java\n");
        assertTrue(open >= 0, "the section " + heading + " has a ```java block");
        int close = section.indexOf("\n```", open + 8);
        return section.substring(open + 8, close + 1);
    }

    private Path compile(String className, String source) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK (not a JRE) runs the tests");
        Path src = dir.resolve("src").resolve(className + ".java");
        Path out = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, source);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-Xlint:all", "-Werror",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjects(src.toFile())).call();
            StringBuilder report = new StringBuilder();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                report.append("line ").append(d.getLineNumber()).append(": ").append(d.getMessage(null)).append('\n');
            }
            assertTrue(ok, "README example does not compile as printed:\n" + report);
        }
        return out;
    }

    private static String runMain(Path classes, String className, String[] args) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ReadmeJavaExampleTest.class.getClassLoader())) {
            Method main = loader.loadClass(className).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
