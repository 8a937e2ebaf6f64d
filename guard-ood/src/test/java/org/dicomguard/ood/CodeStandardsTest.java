package org.dicomguard.ood;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Enforces house rules on this module's main sources: Javadoc on every public type, constructor
 * and method (overrides excepted), files under 400 lines, only the metrics package touches
 * Micrometer, and nothing depends on guard-core.
 */
class CodeStandardsTest {

    private static final Path MAIN = Path.of("src/main/java/org/dicomguard/ood");
    private static final Pattern PUBLIC_MEMBER = Pattern.compile("^\\s*public\\s+(?!.*=).*[({]\\s*$|^\\s*public\\s+.*\\(.*");

    @Test
    void mainSources_followHouseRules() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            String name = MAIN.relativize(file).toString();
            if (lines.size() > 400) {
                problems.add(name + " has " + lines.size() + " lines (limit 400)");
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("import io.micrometer")) {
                    problems.add(name + ":" + (i + 1) + " imports Micrometer (meters live in guard-micrometer)");
                }
                if (line.startsWith("import org.dicomguard.core")) {
                    problems.add(name + ":" + (i + 1) + " depends on guard-core");
                }
                if (PUBLIC_MEMBER.matcher(line).find() && !documented(lines, i)) {
                    problems.add(name + ":" + (i + 1) + " lacks Javadoc: " + line.strip());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    private static boolean documented(List<String> lines, int index) {
        int j = index - 1;
        while (j >= 0 && lines.get(j).strip().startsWith("@")) {
            if (lines.get(j).strip().startsWith("@Override")) {
                return true;
            }
            j--;
        }
        return j >= 0 && lines.get(j).strip().endsWith("*/");
    }
}
