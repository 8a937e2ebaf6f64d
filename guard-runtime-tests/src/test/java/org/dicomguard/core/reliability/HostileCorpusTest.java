package org.dicomguard.core.reliability;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Rejected;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The committed hostile corpus through {@link Pipeline#run}: each file gives its named status and
 * stable code within a correctness bound of 10 s (not a speed benchmark: a hang or an
 * allocation storm is what it catches), and a valid file cut at every byte offset, so at every
 * structural boundary, never gives a prediction.
 */
class HostileCorpusTest {

    /** Where the committed corpus lives, relative to the guard-core module (surefire's working dir). */
    static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    private static final Duration BOUND = Duration.ofSeconds(10);
    /**
     * What a cut file may give: a read failure, or, when the cut leaves a shorter but well-formed
     * data set (for example 8 zero bytes of preamble read as one empty element), header rules
     * refusing the missing attributes.
     */
    private static final Set<String> TRUNCATION_RESULTS = Set.of("failed TRUNCATED", "failed NOT_DICOM",
            "failed NO_PIXEL_DATA", "failed INVALID_STRUCTURE", "failed INVALID_LENGTH", "failed CORRUPT_PIXEL_DATA",
            "rejected WRONG_MODALITY", "rejected WRONG_SOP_CLASS", "rejected WRONG_PHOTOMETRIC_INTERPRETATION",
            "rejected WRONG_BITS_STORED", "rejected PIXEL_SPACING_OUT_OF_RANGE", "rejected IMAGE_SIZE_OUT_OF_RANGE",
            "rejected WRONG_BODY_PART", "rejected WRONG_VIEW_POSITION",
            // A cut before StudyInstanceUID or SOPInstanceUID: one study cannot be checked.
            "failed MISSING_STUDY_INSTANCE_UID", "failed INVALID_SOP_INSTANCE_UID");

    @TempDir
    static Path dir;
    private static Pipeline pipeline;

    @BeforeAll
    static void openPipeline() throws Exception {
        TestMammographyBundles.write(dir.resolve("bundle"));
        pipeline = Pipeline.builder(ModelBundle.load(dir.resolve("bundle"))).build();
    }

    @AfterAll
    static void closePipeline() {
        pipeline.close();
    }

    @Test
    void committedCorpus_equalsGenerator() throws IOException {
        Map<String, HostileCorpus.Entry> entries = HostileCorpus.entries();
        if (Boolean.getBoolean("dicomguard.regenerateGolden")) {
            Files.createDirectories(CORPUS);
            for (Map.Entry<String, HostileCorpus.Entry> e : entries.entrySet()) {
                Files.write(CORPUS.resolve(e.getKey()), e.getValue().bytes());
            }
        }
        for (Map.Entry<String, HostileCorpus.Entry> e : entries.entrySet()) {
            assertArrayEquals(e.getValue().bytes(), Files.readAllBytes(CORPUS.resolve(e.getKey())),
                    e.getKey() + " differs from the generator: regenerate with -Pregenerate-golden and review");
        }
        try (var files = Files.list(CORPUS)) {
            assertEquals(entries.keySet(), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toSet()), "a committed file has no generator entry");
        }
    }

    @Test
    void run_eachCommittedHostileFile_givesItsStableCodeWithinBound() {
        Map<String, String> mismatches = new TreeMap<>();
        for (Map.Entry<String, HostileCorpus.Entry> e : HostileCorpus.entries().entrySet()) {
            GuardResult result = assertTimeoutPreemptively(BOUND, () -> pipeline.run(List.of(CORPUS.resolve(e.getKey()))),
                    e.getKey());
            String actual = statusAndCode(result);
            String expected = e.getValue().status() + " " + e.getValue().code();
            if (!actual.equals(expected)) {
                mismatches.put(e.getKey(), "expected " + expected + ", got " + actual + ": " + result);
            }
        }
        assertTrue(mismatches.isEmpty(), mismatches.toString());
    }

    @Test
    void run_validFileCutAtEveryByteOffset_neverPredictsAndGivesAReadCode() throws IOException {
        byte[] valid = HostileCorpus.validMammogram();
        Path cut = dir.resolve("cut.dcm");
        Map<String, Integer> codeCounts = new TreeMap<>();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int pixelDataStart = valid.length - 2 * HostileCorpus.SIZE_PIXELS * HostileCorpus.SIZE_PIXELS;
            // Every offset of the header (every element boundary and every byte inside a header
            // or value), then every 61st inside the pixel values, where each cut is alike.
            for (int length = 0; length < valid.length; length += length < pixelDataStart + 8 ? 1 : 61) {
                Files.write(cut, Arrays.copyOf(valid, length));
                GuardResult result = pipeline.run(List.of(cut));
                String code = statusAndCode(result);
                if (!TRUNCATION_RESULTS.contains(code)) {
                    fail("cut at " + length + " of " + valid.length + " bytes gave " + result);
                }
                codeCounts.merge(code, 1, Integer::sum);
            }
        });
        assertTrue(codeCounts.getOrDefault("failed TRUNCATED", 0) > 500, codeCounts.toString());
        System.out.println("cut results: " + codeCounts);
    }

    /** @return "status CODE" of a Failed or Rejected result (first reason), "prediction" otherwise */
    static String statusAndCode(GuardResult result) {
        if (result instanceof Failed f) {
            return "failed " + f.errorCode();
        }
        if (result instanceof Rejected r) {
            return "rejected " + r.reasons().get(0).code();
        }
        return "prediction";
    }
}
