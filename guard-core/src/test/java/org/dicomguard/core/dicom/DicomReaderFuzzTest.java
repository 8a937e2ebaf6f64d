package org.dicomguard.core.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader on arbitrary bytes: a {@link DicomFile} (and a decoded image or a coded failure) or
 * a {@link DicomException}; any other exception or error, including OutOfMemoryError under the
 * -Xmx256m this class runs with (see the fuzz-tests surefire execution in guard-core/pom.xml), is
 * a finding.
 *
 * <p>In a normal build Jazzer runs the seeds in {@code DicomReaderFuzzTestInputs/} (pydicom corpus
 * files) and {@link #read_mutatedCorpusFiles_parseOrThrowDicomException} runs seeded mutations of
 * the whole corpus. Fuzz for real with
 * {@code JAZZER_FUZZ=1 mvn -o -pl guard-core -am test -Dtest=DicomReaderFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=10m}.
 */
class DicomReaderFuzzTest {
    /** Smaller pixel limit than the default so that every accepted image fits the 256 MiB heap. */
    private static final DicomReader READER = new DicomReader(DicomReadLimits.defaults()
            .withMaxPixelCount(1L << 22).withMaxFileSizeBytes(1L << 24));

    @FuzzTest(maxDuration = "60s")
    void read_anyBytes_parsesOrThrowsDicomException(byte[] data) {
        exercise(data);
    }

    /** @return true when the bytes were read, false for a coded failure */
    static boolean exercise(byte[] data) {
        try {
            READER.readHeader(data).dataSet().getString(Tag.StudyInstanceUID);
            DicomFile file = READER.read(data);
            Attributes a = file.dataSet();
            a.getString(Tag.PatientName);
            a.getDoubles(Tag.PixelSpacing);
            for (int tag : a.tags()) {
                a.getStrings(tag);
                a.getSequence(tag);
            }
            if (file.hasPixelData()) {
                DicomImage image = file.decodeImage();
                image.summary();
                if (image.samplesPerPixel() == 1) {
                    image.copyFrameTo(0, new float[image.samplesPerFrame()], true);
                }
            }
            return true;
        } catch (DicomException expected) {
            return false;
        }
    }

    @Test
    void read_mutatedCorpusFiles_parseOrThrowDicomException() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(PydicomCorpusTest.corpus("CT_small.dcm").getParent())) {
            for (Path p : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".dcm")).sorted()::iterator) {
                seeds.add(Files.readAllBytes(p));
            }
        }
        Random random = new Random(20261123);
        int read = 0;
        int mutations = 0;
        for (byte[] seed : seeds) {
            for (int round = 0; round < 12; round++) {
                byte[] data = mutate(seed, random);
                mutations++;
                if (exercise(data)) {
                    read++;
                }
            }
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        assertTrue(read > 0 && read < mutations, "read " + read + " of " + mutations);
    }

    /** Flips bytes, overwrites 4-byte words with extreme lengths, or truncates. */
    private static byte[] mutate(byte[] seed, Random random) {
        byte[] data = seed.clone();
        switch (random.nextInt(4)) {
            case 0 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                int at = random.nextInt(Math.max(1, data.length - 4));
                int[] extremes = {0xFFFFFFFF, 0xFFFFFFF0, 0x7FFFFFFF, 0, 1, 0xFFFF, 0x10000};
                int v = extremes[random.nextInt(extremes.length)];
                for (int k = 0; k < 4 && at + k < data.length; k++) {
                    data[at + k] = (byte) (v >>> (8 * k));
                }
            }
            case 2 -> data = java.util.Arrays.copyOf(data, random.nextInt(data.length));
            default -> {
                // Overwrite an image dimension-like US value with a large one.
                int at = random.nextInt(Math.max(1, data.length - 2));
                data[at] = (byte) 0xFF;
                data[at + 1] = (byte) random.nextInt(256);
            }
        }
        return data;
    }
}
