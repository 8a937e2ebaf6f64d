package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFileTest {

    private static final String A = "{\"contractVersion\":\"1.0\",\"status\":\"prediction\",\"studyInstanceUid\":\"1.2.3\","
            + "\"pathologies\":[{\"code\":\"mass\",\"probability\":0.0731,\"positive\":false},"
            + "{\"code\":\"calcification\",\"probability\":0.52,\"positive\":true}],"
            + "\"anyPathology\":{\"rule\":\"max\",\"probability\":0.52,\"positive\":true},"
            + "\"ood\":{\"score\":3.2,\"threshold\":7.9},"
            + "\"provenance\":{\"libraryVersion\":\"0.1.0\",\"preprocessingFingerprint\":\"abc\"}}";
    private static final String B = "{\"status\":\"rejected\",\"studyInstanceUid\":\"1.2.1\","
            + "\"reasons\":[{\"code\":\"MODALITY\",\"message\":\"CT\"}]}";

    @TempDir
    Path dir;

    private static GoldenComparison check(List<String> golden, List<String> current) {
        return GoldenFile.check(GoldenFile.record(golden), current, GoldenCheckSettings.defaults());
    }

    @Test
    void record_sortsByStudyWithCanonicalKeys() {
        List<String> golden = GoldenFile.record(List.of(A, B));
        assertEquals(2, golden.size());
        assertTrue(golden.get(0).contains("\"1.2.1\""));
        assertTrue(golden.get(1).startsWith("{\"anyPathology\""), golden.get(1));
    }

    @Test
    void writeAndRead_roundTrip_passes() throws IOException {
        Path file = dir.resolve("golden.jsonl");
        GoldenFile.write(file, List.of(A, B));
        assertEquals(2, Files.readAllLines(file).size());
        GoldenComparison result = GoldenFile.check(GoldenFile.read(file), List.of(B, A), GoldenCheckSettings.defaults());
        assertTrue(result.passed());
        assertEquals(2, result.studiesCompared());
        assertTrue(result.renderTable().contains("PASSED"));
    }

    @Test
    void check_probabilityMoved_reportsPathWithCode() {
        GoldenComparison result = check(List.of(A), List.of(A.replace("0.0731", "0.0831")));
        assertEquals(1, result.diffs().size());
        GoldenDiff diff = result.diffs().get(0);
        assertEquals("pathologies[mass].probability", diff.fieldPath());
        assertEquals(GoldenDiff.Kind.NUMBER_CHANGED, diff.kind());
        assertEquals("0.0731", diff.before());
        assertEquals("0.0831", diff.after());
        assertEquals(0.01, diff.absoluteChange(), 1e-12);
    }

    @Test
    void check_withinTolerance_passes() {
        assertTrue(check(List.of(A), List.of(A.replace("0.0731", "0.07310001"))).passed());
        GoldenComparison strict = GoldenFile.check(List.of(A), List.of(A.replace("0.0731", "0.07310001")),
                GoldenCheckSettings.defaults().withNumericToleranceAbsolute(0));
        assertFalse(strict.passed());
    }

    @Test
    void check_pathologiesReordered_passes() {
        String reordered = A.replace("{\"code\":\"mass\",\"probability\":0.0731,\"positive\":false},", "")
                .replace("\"positive\":true}],", "\"positive\":true},{\"code\":\"mass\",\"probability\":0.0731,\"positive\":false}],");
        assertTrue(check(List.of(A), List.of(reordered)).passed(), check(List.of(A), List.of(reordered)).renderTable());
    }

    @Test
    void check_statusStringFieldAndStudyChanges_allReported() {
        String changed = A.replace("\"preprocessingFingerprint\":\"abc\"", "\"preprocessingFingerprint\":\"abd\"")
                .replace("\"positive\":false}", "\"positive\":true}")
                .replace(",\"ood\":{\"score\":3.2,\"threshold\":7.9}", "")
                .replace("\"libraryVersion\":\"0.1.0\"", "\"libraryVersion\":\"0.2.0\"");
        String added = B.replace("1.2.1", "1.2.9");
        GoldenComparison result = check(List.of(A, B), List.of(changed, added));
        List<String> paths = result.diffs().stream().map(d -> d.studyInstanceUid() + " " + d.fieldPath() + " " + d.kind()).toList();
        assertEquals(List.of(
                "1.2.1  STUDY_MISSING",
                "1.2.3 ood FIELD_REMOVED",
                "1.2.3 pathologies[mass].positive VALUE_CHANGED",
                "1.2.3 provenance.preprocessingFingerprint VALUE_CHANGED",
                "1.2.9  STUDY_ADDED"), paths);
        String table = result.renderTable();
        assertTrue(table.contains("FAILED") && table.contains("study") && table.contains("(study)"), table);
        // aligned: every data row has the field column at the same offset as the header
        List<String> lines = table.lines().toList();
        int fieldColumn = lines.get(0).indexOf("field");
        assertEquals("ood", lines.get(3).substring(fieldColumn, fieldColumn + 3), table);
    }

    @Test
    void check_ignoredPaths_configurable() {
        String changed = A.replace("\"libraryVersion\":\"0.1.0\"", "\"libraryVersion\":\"0.2.0\"");
        assertTrue(check(List.of(A), List.of(changed)).passed());
        assertFalse(GoldenFile.check(List.of(A), List.of(changed),
                GoldenCheckSettings.defaults().withIgnoredFieldPaths(Set.of())).passed());
    }

    @Test
    void check_arrayByIndex_numericOrder() {
        String g = "{\"studyInstanceUid\":\"1\",\"v\":[0,1,2,3,4,5,6,7,8,9,10,11]}";
        String c = "{\"studyInstanceUid\":\"1\",\"v\":[0,1,9,3,4,5,6,7,8,9,10]}";
        List<String> paths = check(List.of(g), List.of(c)).diffs().stream().map(GoldenDiff::fieldPath).toList();
        assertEquals(List.of("v[2]", "v[11]"), paths);
    }

    @Test
    void record_committedFixture_byteIdentical() throws Exception {
        // Hand-written expected file: sorted by study UID as a string ("1.2.10" < "1.2.2"), keys sorted
        // at every level, array order kept. A change here changes every golden file in the field.
        Path input = Path.of(getClass().getResource("/evaluation/golden-input.jsonl").toURI());
        Path expected = Path.of(getClass().getResource("/evaluation/golden-expected.jsonl").toURI());
        Path written = dir.resolve("golden.jsonl");
        GoldenFile.write(written, Files.readAllLines(input));
        assertEquals(Files.readString(expected), Files.readString(written));
    }

    @Test
    void record_badLines_throwNamingLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoldenFile.record(List.of(A, A)));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GoldenFile.record(List.of("{\"a\":1}")));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GoldenFile.record(List.of("{oops")));
    }
}
