package org.dicomguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The result-code catalogue is the one place codes live: the schema lists exactly its codes, with
 * the same meanings, each code has a one-line meaning, and no main source spells a code as a
 * string literal.
 */
class ResultCodeTest {

    private static final Map<ResultCode.Kind, String> SCHEMA_DEFS = Map.of(
            ResultCode.Kind.FAILED, "failureCode",
            ResultCode.Kind.REJECTED, "rejectionCode",
            ResultCode.Kind.IMAGE_IGNORED, "ignoredImageCode");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    @Test
    void schema_codeLists_equalTheCatalogueWithItsMeanings() throws Exception {
        JsonNode defs = new ObjectMapper().readTree(ContractJson.schema()).get("$defs");
        for (ResultCode.Kind kind : ResultCode.Kind.values()) {
            Map<String, String> inSchema = new TreeMap<>();
            for (JsonNode entry : defs.get(SCHEMA_DEFS.get(kind)).get("oneOf")) {
                assertEquals(null, inSchema.put(entry.get("const").asText(), entry.get("description").asText()),
                        "listed twice: " + entry);
            }
            Map<String, String> inCatalogue = new TreeMap<>();
            for (ResultCode code : ResultCode.values()) {
                if (code.kind() == kind) {
                    inCatalogue.put(code.code(), code.meaning());
                }
            }
            assertEquals(inCatalogue, inSchema, "$defs/" + SCHEMA_DEFS.get(kind)
                    + " must list exactly the catalogue's " + kind + " codes with their meanings; its oneOf should be:\n"
                    + expectedOneOf(kind));
        }
    }

    /** The schema text a new code needs, so that adding one is a paste, not a hand-written copy. */
    private static String expectedOneOf(ResultCode.Kind kind) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode entries = mapper.createArrayNode();
        for (ResultCode code : ResultCode.values()) {
            if (code.kind() == kind) {
                entries.addObject().put("const", code.code()).put("description", code.meaning());
            }
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(entries);
    }

    @Test
    void catalogue_everyCode_hasStableSpellingAndOneLineMeaning() {
        for (ResultCode code : ResultCode.values()) {
            assertEquals(code.name(), code.code());
            assertTrue(Checks.STABLE_CODE.matcher(code.code()).matches(), code.code());
            String meaning = code.meaning();
            assertFalse(meaning.isBlank(), code + " has no meaning");
            assertTrue(meaning.length() <= 200, code + ": a meaning is one line, at most 200 characters");
            assertFalse(meaning.contains("\n"), code + ": a meaning is one line");
            assertTrue(meaning.endsWith("."), code + ": a meaning is a sentence");
        }
    }

    @Test
    void fromCode_knownAndUnknown_findsOnlyCatalogueCodes() {
        assertEquals(Optional.of(ResultCode.NOT_DICOM), ResultCode.fromCode("NOT_DICOM"));
        assertEquals(Optional.empty(), ResultCode.fromCode("NOT_A_CODE"));
        assertEquals(Optional.empty(), ResultCode.fromCode(null));
    }

    /** Walks every module's main sources (the build runs tests in the module folder, its parent is the root). */
    @Test
    void mainSources_everyModule_spellNoCatalogueCodeAsStringLiteral() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offenders = new ArrayList<>();
        int files;
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> sources = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/"))
                    .toList();
            files = sources.size();
            for (Path source : sources) {
                offenders.addAll(literalCodes(root, source));
            }
        }
        assertTrue(files > 100, "found only " + files + " main sources under " + root);
        assertEquals(List.of(), offenders, "use org.dicomguard.contract.ResultCode (or its enum views), never a literal");
    }

    private static List<String> literalCodes(Path root, Path source) {
        List<String> found = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = STRING_LITERAL.matcher(lines.get(i));
                while (m.find()) {
                    if (ResultCode.fromCode(m.group(1)).isPresent()) {
                        found.add(root.relativize(source) + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }
}
