package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingResult;
import org.dicomguard.core.task.chestct.ChestCtPreprocessor;
import org.dicomguard.core.task.chestct.CtBox;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.ChestCtSyntheticGenerator;
import org.dicomguard.core.synthetic.ChestCtSyntheticOptions;
import org.dicomguard.core.synthetic.ChestCtSyntheticStudy;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Result invariance of chest-CT preprocessing: three seeded synthetic studies are preprocessed
 * with the default config and compared with compact golden records (SHA-256 of the tensor's
 * little-endian float32 bytes, summary values, crop box, statistics) committed under
 * {@code src/test/resources/golden/chest-ct/}. Any change to the output fails this test.
 * Regenerate on purpose only, with {@code -Ddicomguard.regenerateGolden=true} (Maven profile
 * {@code regenerate-golden}), and commit the new files with the reason.
 */
class ChestCtGoldenTest {

    private static final String RESOURCE_DIRECTORY = "golden/chest-ct/";
    private static final long[] SEEDS = {101, 102, 103};
    private static final double[] PREVALENCES = {1.0, 0.0, 0.5};

    /** The compact golden record of one study. */
    record GoldenRecord(long seed, String configFingerprint, String tensorSha256, List<Integer> tensorShape,
            double tensorMean, double tensorMin, double tensorMax, long lungVoxelCount, List<Integer> cropBox,
            Map<String, Double> statistics) {
    }

    static GoldenRecord compute(int index, ChestCtPreprocessingConfig config) throws SeriesAssemblyException {
        ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(SEEDS[index],
                ChestCtSyntheticOptions.small().withPathologyPrevalenceFraction(PREVALENCES[index]));
        ChestCtPreprocessingResult result = new ChestCtPreprocessor(config).preprocess(study.slices());
        float[] tensor = result.tensor();
        ByteBuffer bytes = ByteBuffer.allocate(tensor.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : tensor) {
            bytes.putFloat(v);
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Map<String, Double> statistics = new LinkedHashMap<>();
        for (InputStatistic s : result.statistics()) {
            statistics.put(s.name(), s.value());
        }
        CtBox box = result.cropBox();
        return new GoldenRecord(SEEDS[index], result.configFingerprint(), StrictJson.sha256Hex(bytes.array()),
                List.of(result.tensorDepth(), result.tensorHeight(), result.tensorWidth()), sum / tensor.length, min,
                max, result.lungMask().lungVoxelCount(), List.of(box.z0(), box.z1(), box.y0(), box.y1(), box.x0(),
                box.x1()), statistics);
    }

    /** @return one line per field that differs, empty when the record matches */
    static List<String> differences(GoldenRecord expected, GoldenRecord actual) {
        List<String> diffs = new ArrayList<>();
        for (var component : GoldenRecord.class.getRecordComponents()) {
            try {
                Object e = component.getAccessor().invoke(expected);
                Object a = component.getAccessor().invoke(actual);
                if (!e.equals(a)) {
                    diffs.add(component.getName() + ": golden " + e + ", now " + a);
                }
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return diffs;
    }

    private static GoldenRecord readGolden(int index) throws IOException {
        String name = RESOURCE_DIRECTORY + "study-" + SEEDS[index] + ".json";
        try (InputStream in = ChestCtGoldenTest.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, "missing golden file " + name + "; generate it with -Ddicomguard.regenerateGolden=true");
            return StrictJson.mapper().readValue(in, GoldenRecord.class);
        }
    }

    @Test
    void preprocess_goldenStudies_matchCommittedRecords() throws Exception {
        ChestCtPreprocessingConfig config = ChestCtPreprocessingConfig.defaults();
        if (Boolean.getBoolean("dicomguard.regenerateGolden")) {
            Path directory = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")),
                    "src", "test", "resources", RESOURCE_DIRECTORY);
            Files.createDirectories(directory);
            for (int i = 0; i < SEEDS.length; i++) {
                String json = StrictJson.mapper().writer(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(compute(i, config));
                Files.writeString(directory.resolve("study-" + SEEDS[i] + ".json"), json + "\n");
            }
            return;
        }
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < SEEDS.length; i++) {
            for (String diff : differences(readGolden(i), compute(i, config))) {
                failures.add("study seed " + SEEDS[i] + " " + diff);
            }
        }
        if (!failures.isEmpty()) {
            fail("chest-CT preprocessing output changed; if intended, regenerate with "
                    + "-Ddicomguard.regenerateGolden=true and commit with the reason:\n" + String.join("\n", failures));
        }
    }

    @Test
    void preprocess_editedLungMaskUpperBound_caughtByGolden() throws Exception {
        ChestCtPreprocessingConfig edited = ChestCtPreprocessingConfig.defaults().withLungMaskUpperBoundHu(-600);
        int caught = 0;
        for (int i = 0; i < SEEDS.length; i++) {
            // While regenerating, the committed files may be stale: compare with fresh defaults then.
            GoldenRecord expected = Boolean.getBoolean("dicomguard.regenerateGolden")
                    ? compute(i, ChestCtPreprocessingConfig.defaults()) : readGolden(i);
            List<String> diffs = differences(expected, compute(i, edited));
            System.out.println("lungMaskUpperBoundHu -400 -> -600, seed " + SEEDS[i] + " changes: "
                    + diffs.stream().map(d -> d.substring(0, d.indexOf(':'))).toList());
            assertTrue(diffs.stream().anyMatch(d -> d.startsWith("configFingerprint")), diffs.toString());
            assertTrue(diffs.stream().anyMatch(d -> d.startsWith("lungVoxelCount")), diffs.toString());
            if (diffs.stream().anyMatch(d -> d.startsWith("tensorSha256"))) {
                caught++;
            }
        }
        assertTrue(caught >= 1, "at least one golden tensor must change when the lung threshold changes");
    }
}
