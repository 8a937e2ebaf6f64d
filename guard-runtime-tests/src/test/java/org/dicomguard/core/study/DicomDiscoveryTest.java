package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.reliability.ReliabilityStudies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link DicomDiscovery} and {@link StudyGrouper}: files are found by content (UID names,
 * {@code .DCM}, no extension, no preamble), links are followed once, loops end, FIFOs are
 * skipped without being opened, and each file counts once however often it is reached.
 */
class DicomDiscoveryTest {

    @TempDir
    Path dir;

    private List<Path> study(String name, long seed) throws Exception {
        return ReliabilityStudies.writeStudy(dir.resolve(name), seed, 0, ReliabilityStudies.Markers.distinctive());
    }

    @Test
    void group_uidNamedUpperCaseAndExtensionlessFiles_formOneFourViewStudy() throws Exception {
        List<Path> views = study("export", 11L);
        Files.move(views.get(0), views.get(0).resolveSibling("1.2.840.113619.2.55.3.1"));
        Files.move(views.get(1), views.get(1).resolveSibling("IMAGE2.DCM"));
        Files.move(views.get(2), views.get(2).resolveSibling("IM0003"));
        Files.move(views.get(3), views.get(3).resolveSibling("view.dicom.bak"));
        Files.writeString(dir.resolve("export/labels.csv"), "study,label\n");

        List<StudyFiles> groups = new StudyGrouper(new DicomReader()).group(List.of(dir.resolve("export")));

        assertEquals(1, groups.size(), groups.toString());
        assertEquals(4, groups.get(0).files().size(), groups.toString());
    }

    @Test
    void discover_preamblelessDataSet_isFoundByItsFirstElement() throws Exception {
        Path file = study("raw", 12L).get(0);
        byte[] part10 = Files.readAllBytes(file);
        Path noPreamble = dir.resolve("raw/0001");
        // Keep the meta group but drop preamble and magic: the data starts with group 0002.
        Files.write(noPreamble, java.util.Arrays.copyOfRange(part10, 132, part10.length));

        assertTrue(DicomDiscovery.isCandidate(noPreamble, Files.size(noPreamble)));
        assertTrue(!DicomDiscovery.looksLikeDicom("study,label\n1,0\n".getBytes(), 16));
    }

    @Test
    void discover_sameFileTwiceOrThroughALink_countsOnce() throws Exception {
        List<Path> views = study("s", 13L);
        Path link = dir.resolve("link-to-s");
        Files.createSymbolicLink(link, dir.resolve("s"));

        DicomDiscovery.Found found = new DicomDiscovery().discover(List.of(views.get(0), views.get(0),
                dir.resolve("s"), link));

        assertEquals(4, found.files().size(), found.toString());
        assertEquals(List.of(), found.skipped());
    }

    @Test
    void discover_symlinkLoopAndLinkedFolder_endsAndFollowsTheLink() throws Exception {
        study("target", 14L);
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createSymbolicLink(root.resolve("linked-study"), dir.resolve("target"));
        Files.createSymbolicLink(root.resolve("loop"), root);

        DicomDiscovery.Found found = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new DicomDiscovery().discover(List.of(root)));

        assertEquals(4, found.files().size(), found.toString());
    }

    @Test
    void discover_fifoAndMissingInput_areSkippedWithTypedCodesWithoutOpening() throws Exception {
        study("s", 15L);
        Path fifo = dir.resolve("s/pipe.dcm");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assumeTrue(mk.waitFor() == 0, "mkfifo not available");
        Path missing = dir.resolve("missing.dcm");

        DicomDiscovery.Found found = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new DicomDiscovery().discover(List.of(dir.resolve("s"), fifo, missing)));

        assertEquals(4, found.files().size());
        assertEquals(List.of(DicomErrorCode.NOT_A_REGULAR_FILE, DicomErrorCode.NOT_A_REGULAR_FILE,
                DicomErrorCode.NOT_FOUND), found.skipped().stream().map(DicomDiscovery.Skipped::code).toList());
        assertEquals(List.of(missing), found.missingInputs());
        List<StudyFiles> groups = new StudyGrouper(new DicomReader()).group(found);
        assertEquals(4, groups.size(), "one study and one group per skipped path");
    }
}
