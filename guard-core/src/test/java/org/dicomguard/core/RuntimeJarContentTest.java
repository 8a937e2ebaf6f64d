package org.dicomguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * guard-core is the jar a backend adds, so it holds the runtime only: evaluation and review
 * (guard-evaluation), synthetic data (guard-synthetic) and training tooling (guard-training) live
 * in their own modules. A file added to one of their packages inside guard-core, or a runtime
 * import of them, or a service registration naming them, fails here: the compiled classes are the
 * jar's content ({@code target/classes}).
 */
class RuntimeJarContentTest {

    /** Package folders that belong to other modules, relative to a classes or sources root. */
    static final List<String> FOREIGN_PACKAGES = List.of(
            "org/dicomguard/core/synthetic", "org/dicomguard/core/evaluation", "org/dicomguard/core/review",
            "org/dicomguard/training", "org/dicomguard/contract/testkit");

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void compiledClasses_foreignPackages_absent() throws IOException {
        Path classes = Path.of("target/classes");
        List<String> found = new ArrayList<>();
        int classCount = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String relative = classes.relativize(f).toString().replace('\\', '/');
                classCount += relative.endsWith(".class") ? 1 : 0;
                if (FOREIGN_PACKAGES.stream().anyMatch(p -> relative.startsWith(p + "/"))) {
                    found.add(relative);
                } else if (relative.startsWith("META-INF/services/")) {
                    // A service file for a synthetic generator or review renderer belongs to that module's jar.
                    String names = (relative.substring("META-INF/services/".length()) + "\n" + Files.readString(f))
                            .replace('.', '/');
                    if (FOREIGN_PACKAGES.stream().anyMatch(p -> names.contains(p + "/"))) {
                        found.add(relative);
                    }
                }
            }
        }
        assertTrue(classCount >= 100, "runtime classes found in " + classes.toAbsolutePath() + ": " + classCount);
        assertEquals(List.of(), found, "guard-core must hold the runtime only");
    }

    @Test
    void mainSources_importNoForeignPackage() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> violations = new ArrayList<>();
        int fileCount = 0;
        try (Stream<Path> files = Files.walk(main)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                fileCount++;
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    String imported = m.group(1).replace('.', '/');
                    if (FOREIGN_PACKAGES.stream().anyMatch(p -> imported.startsWith(p + "/"))) {
                        violations.add(main.relativize(f) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertTrue(fileCount >= 100, "main sources found: " + fileCount);
        assertEquals(List.of(), violations);
    }
}
