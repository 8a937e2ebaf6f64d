package org.dicomguard.samples.cli;

import org.dicomguard.core.bundle.TestEvaluationBundles;
import org.dicomguard.core.bundle.TestMammographyPacks;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * golden record|check, and the CI result-invariance check of a pack generated in code (seed 3,
 * 8 labelled studies, one blank, one CT) against the committed
 * {@code src/test/resources/golden/mammography-pack.golden.jsonl}. Regenerate that file only
 * deliberately: {@code mvn -pl samples -am test -Ddicomguard.regenerateGolden=true -Dtest=GoldenCommandTest}.
 */
class GoldenCommandTest {

    static final Path COMMITTED_GOLDEN = Path.of("src/test/resources/golden/mammography-pack.golden.jsonl");

    @TempDir
    static Path shared;
    static Path bundle;
    static Path pack;

    @TempDir
    Path dir;

    final CliSession cli = new CliSession();

    @BeforeAll
    static void fixtures() throws IOException {
        bundle = shared.resolve("bundle");
        TestEvaluationBundles.write(bundle, TestEvaluationBundles.referenceMetrics(0.5, 0.5));
        pack = shared.resolve("pack");
        TestMammographyPacks.write(pack, 3, 8, 1, List.of(MammographySyntheticKind.CT_SLICE));
    }

    @Test
    void golden_committedPack_unchanged() throws IOException {
        if (Boolean.getBoolean("dicomguard.regenerateGolden")) {
            Files.createDirectories(COMMITTED_GOLDEN.getParent());
            assertEquals(0, cli.run("golden", "record", "--bundle", bundle.toString(), "--pack", pack.toString(),
                    "--golden", COMMITTED_GOLDEN.toString()));
            System.out.println("regenerated " + COMMITTED_GOLDEN.toAbsolutePath());
            return;
        }
        // ONNX Runtime may pick other kernels on other CPUs: allow float noise, nothing more.
        int exit = cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", COMMITTED_GOLDEN.toString(), "--tolerance", "1e-5");
        assertEquals(0, exit, "pipeline outputs moved (regenerate only deliberately with "
                + "-Ddicomguard.regenerateGolden=true):\n" + cli.stdout() + cli.stderr());
    }

    @Test
    void golden_recordThenCheck_exit0() {
        Path golden = dir.resolve("g.jsonl");
        assertEquals(0, cli.run("golden", "record", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString()));
        assertTrue(cli.stdout().contains("recorded 9 studies"), cli.stdout());
        assertEquals(0, cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString()));
        assertTrue(cli.stdout().contains("unchanged: 9 studies"), cli.stdout());
    }

    @Test
    void golden_editedProbability_exit1WithDiffRow() throws IOException {
        Path golden = dir.resolve("g.jsonl");
        assertEquals(0, cli.run("golden", "record", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString()));
        List<String> lines = new ArrayList<>(Files.readAllLines(golden));
        String uid = TestMammographyPacks.studyUid(3, 2);
        int edited = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("\"" + uid + "\"")) {
                lines.set(i, lines.get(i).replaceFirst("\"probability\":0\\.(\\d)", "\"probability\":0.9$1"));
                edited = i;
            }
        }
        assertTrue(edited >= 0 && !lines.get(edited).equals(Files.readAllLines(golden).get(edited)), "edit applied");
        Files.write(golden, lines);
        cli.resetStdout();
        int exit = cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString());
        assertEquals(1, exit, cli.stdout());
        assertTrue(cli.stdout().lines().anyMatch(l -> l.contains(uid) && l.contains("probability")), cli.stdout());
        assertTrue(cli.stdout().startsWith("cause: probabilities moved in 1 study, largest |change| "), cli.stdout());
    }

    @Test
    void golden_pureRename_isNoChangeUnlessStrictProvenanceThenSaysOnlyProvenance() throws IOException {
        Path golden = dir.resolve("g.jsonl");
        assertEquals(0, cli.run("golden", "record", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString()));
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(golden)) {
            lines.add(line.replace("\"bundleId\":\"test-mammography-1\"", "\"bundleId\":\"renamed-2\""));
        }
        assertTrue(!lines.equals(Files.readAllLines(golden)), "rename applied");
        Files.write(golden, lines);
        cli.resetStdout();
        assertEquals(0, cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString()), cli.stdout());
        cli.resetStdout();
        assertEquals(1, cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", golden.toString(), "--strict-provenance"), cli.stdout());
        assertTrue(cli.stdout().startsWith("cause: only provenance changed in "), cli.stdout());
        assertTrue(cli.stdout().contains("[bundleId]"), cli.stdout());
    }

    @Test
    void golden_checkWithoutGoldenFile_exit2() {
        assertEquals(2, cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", pack.toString(),
                "--golden", dir.resolve("missing.jsonl").toString()));
        assertTrue(cli.stderr().contains("run 'golden record' first"));
    }

    @Test
    void golden_hardCaseFolder_recordsAndChecks() {
        Assumptions.assumeFalse(Boolean.getBoolean("dicomguard.regenerateGolden"));
        Path hard = dir.resolve("hard");
        cli.run("evaluate", "--bundle", bundle.toString(), "--pack", pack.toString(), "--report", dir.resolve("r").toString(),
                "--hard-cases", hard.toString(), "--hard-case-margin", "0");
        cli.resetStdout();
        Path golden = dir.resolve("hard.jsonl");
        assertEquals(0, cli.run("golden", "record", "--bundle", bundle.toString(), "--pack", hard.toString(),
                "--golden", golden.toString()));
        assertTrue(cli.stdout().contains("recorded 2 studies"), cli.stdout());
        assertEquals(0, cli.run("golden", "check", "--bundle", bundle.toString(), "--pack", hard.toString(),
                "--golden", golden.toString()));
    }
}
