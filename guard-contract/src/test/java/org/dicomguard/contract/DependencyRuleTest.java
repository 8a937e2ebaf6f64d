package org.dicomguard.contract;

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
 * Backends add this jar alone: main sources import nothing but the JDK, Jackson and this module
 * (the enforcer rule in the pom guards the declared dependencies; this guards the code), and the
 * test kit imports no test framework so that it runs under any.
 */
class DependencyRuleTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void mainSources_importOnlyJdkJacksonAndContract() throws IOException {
        Path main = Path.of("src/main/java");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(main)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String imported = m.group(1);
                    if (!(imported.startsWith("java.") || imported.startsWith("com.fasterxml.jackson.")
                            || imported.startsWith("org.dicomguard.contract."))) {
                        violations.add(main.relativize(file) + " imports " + imported);
                    }
                }
            }
        }
        assertTrue(files >= 20, "main sources found: " + files);
        assertEquals(List.of(), violations);
    }
}
