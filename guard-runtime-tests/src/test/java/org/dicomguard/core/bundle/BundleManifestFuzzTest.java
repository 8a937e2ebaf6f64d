package org.dicomguard.core.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ModelBundle#load} on a folder holding a real test model and profile ({@link TestBundles}) and a
 * fuzzed {@code manifest.json}: a verified bundle or a {@link BundleLoadException}; any other
 * exception or error, including OutOfMemoryError under the -Xmx256m of the fuzz-tests surefire
 * execution, is a finding.
 *
 * <p>In a normal build Jazzer runs the seeds in {@code BundleManifestFuzzTestInputs/} (the test
 * bundle's real manifest and broken variants) and
 * {@link #load_mutatedRealManifest_bundleOrBundleLoadException} runs seeded mutations of the
 * real manifest. Fuzz for real with {@code JAZZER_FUZZ=1 mvn -o -pl guard-runtime-tests -am test
 * -Dtest='BundleManifestFuzzTest#load_anyManifest*' -Dsurefire.failIfNoSpecifiedTests=false
 * -Djazzer.max_duration=10m}.
 */
class BundleManifestFuzzTest {

    /** One bundle folder per JVM; each input replaces its manifest. */
    private static final Path FOLDER = writeBundle();
    /** The manifest as written, before any input replaced it. */
    private static final byte[] REAL_MANIFEST = readManifest();

    private static Path writeBundle() {
        try {
            Path folder = Files.createTempDirectory("manifest-fuzz");
            folder.toFile().deleteOnExit();
            // TestBundles: a tiny model and profile, written in milliseconds even under Jazzer's instrumentation.
            TestBundles.write(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readManifest() {
        try {
            return Files.readAllBytes(FOLDER.resolve("manifest.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void load_anyManifest_bundleOrBundleLoadException(byte[] manifest) throws IOException {
        exercise(manifest);
    }

    private static BundleLoadException lastFailure;

    /** @return true when the bundle loaded, false for a BundleLoadException */
    static synchronized boolean exercise(byte[] manifest) throws IOException {
        Files.write(FOLDER.resolve("manifest.json"), manifest);
        try {
            ModelBundle bundle = ModelBundle.load(FOLDER);
            bundle.manifest().pathologies().forEach(p -> p.outputIndex());
            return true;
        } catch (BundleLoadException expected) {
            lastFailure = expected;
            return false;
        }
    }

    @Test
    void load_mutatedRealManifest_bundleOrBundleLoadException() throws IOException {
        byte[] real = REAL_MANIFEST;
        assertTrue(exercise(real), () -> "the unmutated manifest must load, or the mutations test nothing: " + lastFailure);
        Random random = new Random(20261123);
        int loaded = 0;
        int rounds = 400;
        for (int round = 0; round < rounds; round++) {
            if (exercise(mutate(real, random))) {
                loaded++;
            }
        }
        // Both outcomes must occur: some mutations only touch whitespace or free text.
        assertTrue(loaded > 0 && loaded < rounds, "loaded " + loaded + " of " + rounds);
    }

    /** Flips bits, truncates, or replaces a number or a string with an extreme or a wrong-typed value. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            case 2 -> {
                String text = new String(data, StandardCharsets.UTF_8);
                String[] extremes = {"-1", "1e309", "NaN", "9223372036854775808", "0", "null", "[]", "{}", "\"x\"",
                        "2147483648", "-0.0", "1" + "0".repeat(400)};
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(": (-?[0-9][0-9.eE+-]*|\"[^\"]*\")")
                        .matcher(text);
                int count = 0;
                while (m.find()) {
                    count++;
                }
                int target = random.nextInt(Math.max(1, count));
                m.reset();
                for (int i = 0; m.find(); i++) {
                    if (i == target) {
                        text = text.substring(0, m.start(1)) + extremes[random.nextInt(extremes.length)]
                                + text.substring(m.end(1));
                        break;
                    }
                }
                data = text.getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                // Whitespace-only change: must still load.
                String text = new String(data, StandardCharsets.UTF_8);
                data = text.replaceFirst("\\{", "{ \n\t ").getBytes(StandardCharsets.UTF_8);
            }
        }
        return data;
    }
}
