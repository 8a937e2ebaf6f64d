package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.reliability.HostileCorpus;
import org.dicomguard.core.reliability.HostileIntakeCorpus;
import org.dicomguard.core.reliability.ReliabilityStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's acceptance run: {@code score} in a child JVM with {@code -Xmx256m} over one folder
 * mixing good studies with every hostile file (both corpora, each file its own study, a FIFO and
 * a link to /dev/zero). The JVM must survive, print one contract line per study or file, no stack
 * trace, and predict every good study.
 */
class ScoreHostileMixUnder256MbTest {

    private static final byte[] SHARED_UID = "2.25.900100200300400500600700".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void score_goodStudiesMixedWithEveryHostileFile_survives256MbAndPredictsTheGoodOnes() throws Exception {
        Path bundle = dir.resolve("bundle");
        TestMammographyBundles.write(bundle);
        Path mix = Files.createDirectories(dir.resolve("mix"));
        List<String> goodUids = new ArrayList<>();
        for (long seed : new long[]{11L, 22L}) {
            List<Path> views = ReliabilityStudies.writeStudy(mix.resolve("good-" + seed), seed, 0,
                    ReliabilityStudies.Markers.distinctive());
            goodUids.add(new org.dicomguard.core.dicom.DicomReader().readHeader(views.get(0)).dataSet()
                    .getString(org.dicomguard.core.dicom.Tag.StudyInstanceUID).orElseThrow());
        }
        Map<String, HostileCorpus.Entry> hostile = new LinkedHashMap<>(HostileCorpus.entries());
        hostile.putAll(HostileIntakeCorpus.entries());
        int n = 0;
        for (Map.Entry<String, HostileCorpus.Entry> e : hostile.entrySet()) {
            // Each file its own study: the shared study UID becomes a unique one of the same length.
            Files.write(mix.resolve(e.getKey()), withUniqueStudyUid(e.getValue().bytes(), n++));
        }
        int expectedLines = goodUids.size() + hostile.size();
        Process mk = new ProcessBuilder("mkfifo", mix.resolve("pipe.dcm").toString()).start();
        if (mk.waitFor() == 0) {
            expectedLines++;
        }
        Files.createSymbolicLink(mix.resolve("zero.dcm"), Path.of("/dev/zero"));
        expectedLines++;

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                DicomGuardCli.class.getName(), "score", "--bundle", bundle.toString(), mix.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(300, TimeUnit.SECONDS), "score did not finish");
        String stderr = Files.readString(err);
        List<String> lines = Files.readAllLines(out);

        assertEquals(DicomGuardCli.EXIT_OK, child.exitValue(), stderr);
        assertTrue(!stderr.contains("\tat ") && !stderr.contains("Exception in thread"), stderr);
        assertEquals(expectedLines, lines.size(), String.join("\n", lines) + stderr);
        Set<String> predicted = new HashSet<>();
        for (String line : lines) {
            GuardResult r = ContractJson.read(line);
            if (r instanceof Prediction p) {
                predicted.add(p.studyInstanceUid());
            }
            assertTrue(!line.contains("INTERNAL_ERROR") && !line.contains("OUT_OF_MEMORY"), line);
        }
        assertEquals(new HashSet<>(goodUids), predicted, String.join("\n", lines));
    }

    private static byte[] withUniqueStudyUid(byte[] file, int index) {
        byte[] unique = String.format("2.25.900100200300400500601%03d", index).getBytes(StandardCharsets.US_ASCII);
        byte[] out = file.clone();
        for (int i = 0; i + SHARED_UID.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + SHARED_UID.length, SHARED_UID, 0, SHARED_UID.length)) {
                System.arraycopy(unique, 0, out, i, unique.length);
            }
        }
        return out;
    }
}
