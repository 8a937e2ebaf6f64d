package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dicomguard.core.json.StrictJson;

/**
 * Result invariance ("golden") record and check over output-contract JSON lines.
 *
 * <p>Design note: a mis-named preprocessing key once changed every prediction for three days
 * without any test failing. The golden file pins the complete contract output of a fixed pack:
 * one canonical JSON line per study (keys sorted), lines sorted by {@code studyInstanceUid}, so a
 * reviewer's diff of the file itself is stable and readable. The check walks both trees and
 * reports every number that moved beyond a tolerance, every other value change, every field
 * added or removed and every study added or missing, with a path such as
 * {@code pathologies[mass].probability} (arrays of objects carrying a unique {@code code} are
 * matched by code, so reordering pathologies is not a change).
 *
 * <p>Stateless and thread-safe.
 */
public final class GoldenFile {

    private GoldenFile() {
    }

    /**
     * @param contractLines contract JSON lines in any order, each with a unique {@code studyInstanceUid}
     * @return canonical JSON lines sorted by study, ready to write
     * @throws IllegalArgumentException naming the line when one is not a JSON object, lacks the
     *                                  study UID, or repeats a study
     */
    public static List<String> record(List<String> contractLines) {
        List<String> sorted = new ArrayList<>();
        for (JsonNode node : byStudy("results", contractLines).values()) {
            sorted.add(StrictJson.canonicalJson(node));
        }
        return sorted;
    }

    /**
     * Writes {@link #record(List)} of the lines to a file (UTF-8, one line per study).
     *
     * @param file          golden file to create or replace
     * @param contractLines current contract lines
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, List<String> contractLines) throws IOException {
        Files.write(file, record(contractLines), StandardCharsets.UTF_8);
    }

    /**
     * @param file golden file written by {@link #write(Path, List)}
     * @return its lines
     * @throws IOException when it cannot be read
     */
    public static List<String> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /**
     * @param goldenLines  recorded lines
     * @param currentLines lines produced now, any order
     * @param settings     tolerance and ignored paths
     * @return every difference, sorted by study then path
     * @throws IllegalArgumentException when a line is malformed (see {@link #record(List)})
     */
    public static GoldenComparison check(List<String> goldenLines, List<String> currentLines,
                                         GoldenCheckSettings settings) {
        Map<String, JsonNode> golden = byStudy("golden", goldenLines);
        Map<String, JsonNode> current = byStudy("current", currentLines);
        Set<String> studies = new TreeSet<>(golden.keySet());
        studies.addAll(current.keySet());
        List<GoldenDiff> diffs = new ArrayList<>();
        int compared = 0;
        for (String study : studies) {
            JsonNode before = golden.get(study);
            JsonNode after = current.get(study);
            if (after == null) {
                diffs.add(new GoldenDiff(study, "", GoldenDiff.Kind.STUDY_MISSING, summary(before), GoldenDiff.ABSENT, 0));
            } else if (before == null) {
                diffs.add(new GoldenDiff(study, "", GoldenDiff.Kind.STUDY_ADDED, GoldenDiff.ABSENT, summary(after), 0));
            } else {
                compared++;
                new Walker(study, settings, diffs).compare("", before, after);
            }
        }
        return new GoldenComparison(compared, diffs);
    }

    private static String summary(JsonNode node) {
        JsonNode status = node.get("status");
        return status == null ? "{...}" : "status=" + status.asText();
    }

    private static Map<String, JsonNode> byStudy(String what, List<String> lines) {
        Map<String, JsonNode> byStudy = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + " is empty");
            }
            JsonNode node;
            try {
                node = StrictJson.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + " is not JSON: " + e.getOriginalMessage(), e);
            }
            JsonNode study = node == null ? null : node.get("studyInstanceUid");
            if (study == null || !study.isTextual()) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + " has no text studyInstanceUid");
            }
            if (byStudy.put(study.asText(), node) != null) {
                throw new IllegalArgumentException(what + " line " + (i + 1) + " repeats study " + study.asText());
            }
        }
        return byStudy;
    }

    /** Index keys in numeric order ([2] before [10]), codes alphabetically. */
    private static final java.util.Comparator<String> ELEMENT_KEY_ORDER = (x, y) -> {
        boolean xIndex = !x.isEmpty() && x.chars().allMatch(Character::isDigit);
        boolean yIndex = !y.isEmpty() && y.chars().allMatch(Character::isDigit);
        if (xIndex && yIndex) {
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return x.compareTo(y);
    };

    /** Recursive tree comparison for one study. */
    private static final class Walker {
        private final String study;
        private final GoldenCheckSettings settings;
        private final List<GoldenDiff> diffs;

        Walker(String study, GoldenCheckSettings settings, List<GoldenDiff> diffs) {
            this.study = study;
            this.settings = settings;
            this.diffs = diffs;
        }

        void compare(String path, JsonNode before, JsonNode after) {
            if (settings.ignoredFieldPaths().contains(path)) {
                return;
            }
            if (before.isNumber() && after.isNumber()) {
                double change = Math.abs(after.asDouble() - before.asDouble());
                if (change > settings.numericToleranceAbsolute()) {
                    diffs.add(new GoldenDiff(study, path, GoldenDiff.Kind.NUMBER_CHANGED, before.toString(),
                            after.toString(), change));
                }
            } else if (before.isObject() && after.isObject()) {
                Set<String> names = new TreeSet<>();
                before.fieldNames().forEachRemaining(names::add);
                after.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    child(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name));
                }
            } else if (before.isArray() && after.isArray()) {
                Map<String, JsonNode> a = elements(before);
                Map<String, JsonNode> b = elements(after);
                Set<String> keys = new TreeSet<>(ELEMENT_KEY_ORDER);
                keys.addAll(a.keySet());
                keys.addAll(b.keySet());
                for (String key : keys) {
                    child(path + "[" + key + "]", a.get(key), b.get(key));
                }
            } else if (!before.equals(after)) {
                diffs.add(new GoldenDiff(study, path, GoldenDiff.Kind.VALUE_CHANGED, before.toString(), after.toString(), 0));
            }
        }

        private void child(String path, JsonNode before, JsonNode after) {
            if (settings.ignoredFieldPaths().contains(path)) {
                return;
            }
            if (before == null) {
                diffs.add(new GoldenDiff(study, path, GoldenDiff.Kind.FIELD_ADDED, GoldenDiff.ABSENT, after.toString(), 0));
            } else if (after == null) {
                diffs.add(new GoldenDiff(study, path, GoldenDiff.Kind.FIELD_REMOVED, before.toString(), GoldenDiff.ABSENT, 0));
            } else {
                compare(path, before, after);
            }
        }

        /** Elements keyed by their unique text {@code code} when all have one, else by index. */
        private static Map<String, JsonNode> elements(JsonNode array) {
            Map<String, JsonNode> byCode = new HashMap<>();
            Set<String> seen = new HashSet<>();
            boolean coded = true;
            for (JsonNode element : array) {
                JsonNode code = element.get("code");
                if (!element.isObject() || code == null || !code.isTextual() || !seen.add(code.asText())) {
                    coded = false;
                    break;
                }
                byCode.put(code.asText(), element);
            }
            if (coded) {
                return byCode;
            }
            Map<String, JsonNode> byIndex = new HashMap<>();
            Iterator<JsonNode> it = array.elements();
            for (int i = 0; it.hasNext(); i++) {
                byIndex.put(String.valueOf(i), it.next());
            }
            return byIndex;
        }
    }
}
