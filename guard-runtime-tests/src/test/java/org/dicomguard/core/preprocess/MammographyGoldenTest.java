package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Result invariance: preprocessing outputs of six fixed synthetic images (SHA-256 of the tensor and
 * mask, crop box, flip, every statistic) must equal the committed golden file. Regenerate only
 * deliberately, with {@code mvn -pl guard-runtime-tests -am test -Pregenerate-golden -Dtest=MammographyGoldenTest}.
 */
class MammographyGoldenTest {

    static final String RESOURCE = "/golden/mammography/golden-preprocessing.json";
    static final Path SOURCE_FILE = Path.of("src/test/resources/golden/mammography/golden-preprocessing.json");

    @Test
    void preprocess_goldenImages_matchCommittedGolden() throws Exception {
        ObjectNode actual = record(MammographyPreprocessingConfig.defaults());
        if (Boolean.getBoolean("dicomguard.regenerateGolden")) {
            Files.createDirectories(SOURCE_FILE.getParent());
            Files.writeString(SOURCE_FILE, StrictJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
            System.out.println("regenerated " + SOURCE_FILE.toAbsolutePath());
            return;
        }
        List<String> differences = compare(committed(), actual);
        assertTrue(differences.isEmpty(), "preprocessing output changed (regenerate only deliberately with "
                + "-Pregenerate-golden):\n" + String.join("\n", differences));
    }

    @Test
    void compare_editedBinarizationThresholdFraction_reportsMaskAndTensorMismatch() throws Exception {
        // The historical bin_threshold incident: an edit of the mask threshold must not go unnoticed.
        org.junit.jupiter.api.Assumptions.assumeFalse(Boolean.getBoolean("dicomguard.regenerateGolden"),
                "golden file is being regenerated in this run");
        MammographyPreprocessingConfig edited = MammographyPreprocessingConfig.defaults()
                .withBreastMaskBinarizationThresholdFraction(0.5);
        List<String> differences = compare(committed(), record(edited));
        assertFalse(differences.isEmpty());
        assertTrue(differences.stream().anyMatch(d -> d.contains("maskSha256")), String.join("\n", differences));
        assertTrue(differences.stream().anyMatch(d -> d.contains("tensorSha256")), String.join("\n", differences));
        assertTrue(differences.stream().anyMatch(d -> d.contains("configFingerprint")), String.join("\n", differences));
    }

    @Test
    void compare_sameRecordTwice_noDifferences() {
        ObjectNode first = record(MammographyPreprocessingConfig.defaults());
        assertEquals(List.of(), compare(first, record(MammographyPreprocessingConfig.defaults())));
    }

    static ObjectNode record(MammographyPreprocessingConfig config) {
        MammographySyntheticOptions options = MammographySyntheticOptions.defaults()
                .withImageSize(MammographySyntheticSize.fixed(320, 256)).withMassPrevalenceFraction(1);
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(options);
        Map<String, MammographySyntheticImage> images = new LinkedHashMap<>();
        for (MammographySyntheticImage view : generator.study(77, 0).views()) {
            images.put("study77-0/" + view.header().imageLaterality() + "-" + view.header().viewPosition(), view);
        }
        images.put("monochrome1-breast", new MammographySyntheticGenerator(options.withMonochrome1Fraction(1))
                .image(MammographySyntheticKind.BREAST, 5));
        images.put("bottle-phantom", generator.image(MammographySyntheticKind.BOTTLE_PHANTOM, 5));
        MammographyPreprocessor preprocessor = new MammographyPreprocessor(config);
        ObjectNode root = StrictJson.mapper().createObjectNode();
        root.put("goldenFormatVersion", 1);
        root.put("configFingerprint", config.sha256Fingerprint());
        ArrayNode entries = root.putArray("entries");
        for (Map.Entry<String, MammographySyntheticImage> entry : images.entrySet()) {
            MammographyPreprocessed result = preprocessor.preprocess(entry.getValue().toPreprocessingInput());
            ObjectNode node = entries.addObject();
            node.put("id", entry.getKey());
            node.put("photometricInterpretation", entry.getValue().header().photometricInterpretation());
            node.put("tensorSha256", StrictJson.sha256Hex(littleEndian(result.tensorChw())));
            node.put("maskSha256", StrictJson.sha256Hex(result.breastMask()));
            CropBox box = result.cropBox();
            node.putArray("cropBox").add(box.rowStart()).add(box.columnStart()).add(box.rowCount()).add(box.columnCount());
            node.put("flippedHorizontally", result.flippedHorizontally());
            double sum = 0;
            for (float v : result.tensorChw()) {
                sum += v;
            }
            node.put("tensorMean", sum / result.tensorChw().length);
            ObjectNode statistics = node.putObject("statistics");
            for (InputStatistic statistic : result.statistics()) {
                statistics.put(statistic.name(), statistic.value());
            }
        }
        return root;
    }

    /** @return one line per differing value, naming the entry and field with expected and actual */
    static List<String> compare(JsonNode expected, JsonNode actual) {
        List<String> differences = new ArrayList<>();
        if (!expected.get("configFingerprint").equals(actual.get("configFingerprint"))) {
            differences.add("configFingerprint: expected " + expected.get("configFingerprint") + ", got "
                    + actual.get("configFingerprint"));
        }
        JsonNode expectedEntries = expected.get("entries");
        JsonNode actualEntries = actual.get("entries");
        if (expectedEntries.size() != actualEntries.size()) {
            differences.add("entries: expected " + expectedEntries.size() + ", got " + actualEntries.size());
            return differences;
        }
        for (int i = 0; i < expectedEntries.size(); i++) {
            JsonNode e = expectedEntries.get(i);
            JsonNode a = actualEntries.get(i);
            String id = e.get("id").asText();
            for (Iterator<String> names = e.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equals("statistics")) {
                    for (Iterator<String> stats = e.get(name).fieldNames(); stats.hasNext(); ) {
                        String stat = stats.next();
                        JsonNode actualValue = a.get(name).get(stat);
                        if (!e.get(name).get(stat).equals(actualValue)) {
                            differences.add(id + " statistics." + stat + ": expected " + e.get(name).get(stat)
                                    + ", got " + actualValue);
                        }
                    }
                } else if (!e.get(name).equals(a.get(name))) {
                    differences.add(id + " " + name + ": expected " + e.get(name) + ", got " + a.get(name));
                }
            }
        }
        return differences;
    }

    private static JsonNode committed() throws Exception {
        try (InputStream in = MammographyGoldenTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "golden file " + RESOURCE + " missing; create it with -Pregenerate-golden");
            return StrictJson.mapper().readTree(in);
        }
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putFloat(v);
        }
        return buffer.array();
    }
}
