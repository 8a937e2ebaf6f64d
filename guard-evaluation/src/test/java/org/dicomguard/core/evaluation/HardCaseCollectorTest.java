package org.dicomguard.core.evaluation;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.core.json.StrictJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HardCaseCollectorTest {

    @TempDir
    Path dir;

    private static final String SHA = "a".repeat(64);

    private static Prediction prediction(String uid, float mass, float calcification) {
        List<PathologyFinding> findings = List.of(PathologyFinding.of("mass", mass, 0.5f),
                PathologyFinding.of("calcification", calcification, 0.4f));
        return new Prediction(uid, "b-1", SHA, findings, AnyPathology.derivedFrom(
                org.dicomguard.contract.AnyPathologyRule.MAX, findings), new OodAssessment(1.0, 10.0),
                new Provenance("0.1.0", SHA));
    }

    private Path file(String name, String content) throws IOException {
        Path source = Files.createDirectories(dir.resolve("in/Doe^Jane-PID-12345"));
        return Files.writeString(source.resolve(name), content);
    }

    @Test
    void collect_rejectedFailedAndNearThreshold_copiedWithHashedNames() throws IOException {
        Path out = dir.resolve("hard");
        HardCaseCollector collector = new HardCaseCollector(out, 0.05);
        Path a = file("Doe^Jane-1.dcm", "first");
        Path b = file("Doe^Jane-2.dcm", "second");
        GuardResult rejected = new Rejected(Optional.of("2.25.1"), "b-1",
                List.of(new RejectionReason("WRONG_MODALITY", "Modality is CT", List.of())));
        assertTrue(collector.collect(List.of(a, b), rejected).isPresent());
        assertTrue(collector.collect(List.of(a), new Failed(Optional.of("2.25.2"), "b-1", "TRUNCATED", "x")).isPresent());
        Optional<HardCaseCollector.HardCase> near = collector.collect(List.of(a), prediction("2.25.3", 0.9f, 0.43f));
        assertEquals("calcification", near.orElseThrow().pathologyNearThreshold());
        assertFalse(collector.collect(List.of(a), prediction("2.25.4", 0.9f, 0.1f)).isPresent(), "far from thresholds");

        String caseId = "case-" + StrictJson.sha256Hex("2.25.1".getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        assertArrayEquals("first".getBytes(), Files.readAllBytes(out.resolve(caseId).resolve("0.dcm")));
        assertArrayEquals("second".getBytes(), Files.readAllBytes(out.resolve(caseId).resolve("1.dcm")));
        List<String> index = Files.readAllLines(out.resolve(HardCaseCollector.INDEX_FILE));
        assertEquals(HardCaseCollector.INDEX_HEADER, index.get(0));
        assertEquals(4, index.size());
        assertEquals(caseId + ",rejected,WRONG_MODALITY,,,", index.get(1));
        assertTrue(index.get(2).contains(",failed,TRUNCATED,"));
        assertTrue(index.get(3).endsWith(",prediction,,calcification,0.430000,0.400000"), index.get(3));
        try (Stream<Path> all = Files.walk(out)) {
            for (Path p : all.toList()) {
                String name = out.relativize(p).toString();
                assertFalse(name.contains("Doe") || name.contains("PID") || name.contains("2.25."), name);
            }
        }
        String indexText = String.join("\n", index);
        assertFalse(indexText.contains("2.25."), "the index carries hashed ids only");
    }

    @Test
    void collect_sameStudyTwice_copiedOnce() throws IOException {
        Path out = dir.resolve("hard");
        HardCaseCollector collector = new HardCaseCollector(out, 0.0);
        Path a = file("x.dcm", "x");
        GuardResult failed = new Failed(Optional.of("2.25.9"), "b-1", "TRUNCATED", "x");
        collector.collect(List.of(a), failed);
        collector.collect(List.of(a), failed);
        assertEquals(2, Files.readAllLines(out.resolve(HardCaseCollector.INDEX_FILE)).size());
    }

    @Test
    void collect_failedWithoutStudyUid_idFromFileBytes() throws IOException {
        Path out = dir.resolve("hard");
        Path a = file("y.dcm", "unreadable");
        new HardCaseCollector(out, 0.1).collect(List.of(a), new Failed(Optional.empty(), "b-1", "NOT_DICOM", "x"));
        String caseId = "case-" + StrictJson.sha256Hex("unreadable".getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        assertTrue(Files.isRegularFile(out.resolve(caseId).resolve("0.dcm")));
    }
}
