package org.dicomguard.samples.cli;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.reliability.ReliabilityStudies;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * {@code score} finds studies by content (a UID-named PACS export, a linked folder), prints one
 * line per study or skipped file, and exits 2 for a missing file or empty input only after every
 * other study was scored (README: 2 = unreadable input).
 */
class ScoreDiscoveryTest {

    @TempDir
    static Path dir;
    private static Path bundle;

    @BeforeAll
    static void writeBundle() throws Exception {
        bundle = dir.resolve("bundle");
        TestMammographyBundles.write(bundle);
    }

    @Test
    void score_uidNamedFilesInALinkedFolder_arePredicted() throws Exception {
        List<Path> views = ReliabilityStudies.writeStudy(dir.resolve("pacs"), 11L, 0,
                ReliabilityStudies.Markers.distinctive());
        for (int i = 0; i < views.size(); i++) {
            Files.move(views.get(i), views.get(i).resolveSibling("1.2.840.113619.2.55." + (i + 1)));
        }
        Path link = dir.resolve("linked");
        Files.createSymbolicLink(link, dir.resolve("pacs"));

        CliRun run = CliRun.of("score", "--bundle", bundle.toString(), link.toString());

        assertEquals(DicomGuardCli.EXIT_OK, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(1, lines.length, run.out());
        assertInstanceOf(Prediction.class, ContractJson.read(lines[0]), lines[0]);
    }

    @Test
    void score_missingFileAfterAGoodStudy_scoresTheStudyThenExits2() throws Exception {
        Path study = dir.resolve("good");
        ReliabilityStudies.writeStudy(study, 22L, 0, ReliabilityStudies.Markers.distinctive());

        CliRun run = CliRun.of("score", "--bundle", bundle.toString(), dir.resolve("nope.dcm").toString(),
                study.toString());

        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, run.exitCode(), run.err());
        String[] lines = run.out().strip().split("\n");
        assertEquals(2, lines.length, run.out());
        assertInstanceOf(Prediction.class, ContractJson.read(lines[0]));
        assertEquals("NOT_FOUND", ((Failed) ContractJson.read(lines[1])).errorCode());
    }

    @Test
    void score_folderWithoutDicom_exits2() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("readme.txt"), "no images here");

        CliRun run = CliRun.of("score", "--bundle", bundle.toString(), empty.toString());

        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, run.exitCode(), run.err());
        assertEquals("", run.out().strip());
    }
}
