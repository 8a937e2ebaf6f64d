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
 * consumer test kit is not in it (it is guard-contract-testkit, added in test scope).
 */
class DependencyRuleTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void mainSources_importOnlyJdkJacksonAndContract() throws IOException {
        assertEquals(List.of(), importViolations(Path.of("src/main/java"), 20));
    }

    /** The consumer test kit (sibling module) imports no test framework, so that it runs under any. */
    @Test
    void testKitSources_importOnlyJdkJacksonAndContract() throws IOException {
        assertEquals(List.of(), importViolations(Path.of("../guard-contract-testkit/src/main/java"), 5));
    }

    private static List<String> importViolations(Path main, int minimumFiles) throws IOException {
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
        assertTrue(files >= minimumFiles, "main sources found in " + main + ": " + files);
        return violations;
    }

    @Test
    void compiledClasses_testKitPackage_absent() throws IOException {
        Path classes = Path.of("target/classes");
        assertTrue(Files.isRegularFile(classes.resolve("org/dicomguard/contract/ContractJson.class")),
                "compiled contract classes expected in " + classes.toAbsolutePath());
        assertTrue(Files.notExists(classes.resolve("org/dicomguard/contract/testkit")),
                "the consumer test kit belongs to guard-contract-testkit, not to the runtime contract jar");
        assertTrue(Files.notExists(Path.of("src/main/java/org/dicomguard/contract/testkit")),
                "test kit sources belong to guard-contract-testkit");
    }
}
