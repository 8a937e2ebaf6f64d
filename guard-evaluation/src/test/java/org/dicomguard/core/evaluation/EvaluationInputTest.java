package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationInputTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("input.txt");
        Files.writeString(file, text);
        return file;
    }

    private EvaluationInputException csvError(String text, boolean binary) throws IOException {
        Path f = file(text);
        return assertThrows(EvaluationInputException.class, () -> EvaluationCsv.readStudyTable(f, binary));
    }

    @Test
    void readLabelScore_valid_readsInOrder() throws Exception {
        LabelScoreTable t = EvaluationCsv.readLabelScore(file("\uFEFFlabel,score\r\n1,0.5\r\n0,1e-3\r\n"));
        assertEquals(2, t.size());
        assertEquals(1, t.positiveCount());
        assertEquals(0.001, t.scores()[1], 0.0);
    }

    @Test
    void readLabelScore_nanOrEmptyLine_errorNamesLine() throws IOException {
        Path nan = file("label,score\n1,0.5\n0,NaN\n");
        assertEquals(3, assertThrows(EvaluationInputException.class, () -> EvaluationCsv.readLabelScore(nan)).lineNumber());
        Path empty = file("label,score\n1,0.5\n\n0,0.1\n");
        assertEquals(3, assertThrows(EvaluationInputException.class, () -> EvaluationCsv.readLabelScore(empty)).lineNumber());
        Path extra = file("label,score\n1,0.5,7\n");
        assertEquals(2, assertThrows(EvaluationInputException.class, () -> EvaluationCsv.readLabelScore(extra)).lineNumber());
    }

    @Test
    void isDecimal_agreesWithReferenceRegex() {
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
        String alphabet = "01.e+-E9 x";
        java.util.Random random = new java.util.Random(12);
        for (int trial = 0; trial < 20_000; trial++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(7); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            assertEquals(reference.matcher(t).matches(), EvaluationCsv.isDecimal(t), t);
        }
        assertTrue(EvaluationCsv.isDecimal("-1.5e-3"));
        assertFalse(EvaluationCsv.isDecimal("NaN"));
        assertFalse(EvaluationCsv.isDecimal("\u0663"));
    }

    @Test
    void readLabelScore_headerOnlyOrEmpty_handled() throws Exception {
        assertEquals(0, EvaluationCsv.readLabelScore(file("label,score\n")).size());
        Path empty = file("");
        assertEquals(1, assertThrows(EvaluationInputException.class, () -> EvaluationCsv.readLabelScore(empty)).lineNumber());
        Path bad = file("label,value\n1,0.5\n");
        assertEquals(1, assertThrows(EvaluationInputException.class, () -> EvaluationCsv.readLabelScore(bad)).lineNumber());
    }

    @Test
    void readStudyTable_valid_keepsFileOrder() throws Exception {
        StudyTable t = EvaluationCsv.readStudyTable(file("studyInstanceUid,mass,calc\n1.2,0.1,0.2\n1.1,0.3,0.4\n"), false);
        assertEquals(List.of("1.2", "1.1"), t.studyInstanceUids());
        assertEquals(List.of("mass", "calc"), t.pathologyCodes());
        assertEquals(0.4, t.value(1, 1), 0.0);
    }

    @Test
    void readStudyTable_problems_errorsNameLines() throws IOException {
        assertEquals(1, csvError("study,mass\n1.2,0.1\n", false).lineNumber());
        assertEquals(1, csvError("studyInstanceUid,mass,mass\n", false).lineNumber());
        EvaluationInputException repeat = csvError("studyInstanceUid,mass\n1.2,0.1\n1.2,0.3\n", false);
        assertEquals(3, repeat.lineNumber());
        assertTrue(repeat.getMessage().contains("repeats line 2"), repeat.getMessage());
        assertEquals(2, csvError("studyInstanceUid,mass\n1.2,0x10\n", false).lineNumber());
        assertEquals(2, csvError("studyInstanceUid,mass\n1.2,0.5\n", true).lineNumber());
        assertEquals(2, csvError("studyInstanceUid,mass\n\"1.2\",0.5\n", false).lineNumber());
        assertEquals(1, csvError("", false).lineNumber());
    }

    @Test
    void readScores_contractLines_skipsAndCountsRejectedAndFailed() throws Exception {
        SyntheticPack pack = new SyntheticPack(1, 10);
        Path f = dir.resolve("ours.jsonl");
        pack.writeContractLines(f);
        OurScores ours = ContractLines.readScores(f);
        assertEquals(10, ours.probabilities().size());
        assertEquals(1, ours.rejectedCount());
        assertEquals(1, ours.failedCount());
        assertEquals(SyntheticPack.CODES, ours.pathologyCodes());
        assertEquals("max", ours.anyPathologyRule());
        assertEquals(Double.parseDouble(Float.toString((float) pack.ours[4][2])), ours.probabilities().value(4, 2), 0.0);
        assertEquals(0.31, ours.decisionThresholdProbabilities().get("mass"), 0.0);
    }

    @Test
    void readScores_problems_errorsNameLines() throws IOException {
        String ok = "{\"status\":\"prediction\",\"studyInstanceUid\":\"1\",\"pathologies\":[{\"code\":\"m\",\"probability\":0.1}]}";
        Path notJson = file(ok + "\n{oops\n");
        assertEquals(2, assertThrows(EvaluationInputException.class, () -> ContractLines.readScores(notJson)).lineNumber());
        Path repeat = file(ok + "\n" + ok + "\n");
        assertEquals(2, assertThrows(EvaluationInputException.class, () -> ContractLines.readScores(repeat)).lineNumber());
        Path stringProbability = file(ok.replace("0.1", "\"0.1\"") + "\n");
        assertEquals(1, assertThrows(EvaluationInputException.class, () -> ContractLines.readScores(stringProbability)).lineNumber());
        Path otherCodes = file(ok + "\n" + ok.replace("\"1\"", "\"2\"").replace("\"m\"", "\"n\"") + "\n");
        assertEquals(2, assertThrows(EvaluationInputException.class, () -> ContractLines.readScores(otherCodes)).lineNumber());
        Path onlyRejected = file("{\"status\":\"rejected\",\"studyInstanceUid\":\"1\"}\n");
        EvaluationInputException e = assertThrows(EvaluationInputException.class, () -> ContractLines.readScores(onlyRejected));
        assertTrue(e.getMessage().contains("1 rejected"), e.getMessage());
        Path unknownStatus = file("{\"status\":\"maybe\",\"studyInstanceUid\":\"1\"}\n");
        assertEquals(1, assertThrows(EvaluationInputException.class, () -> ContractLines.readScores(unknownStatus)).lineNumber());
    }
}
