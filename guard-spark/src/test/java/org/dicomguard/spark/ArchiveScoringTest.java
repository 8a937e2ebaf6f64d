package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys-not-bytes archive job against single-JVM scoring of the same files, over a copy of the
 * synthetic pack laid out as real exports are: one study's files named by UID without extension,
 * one study split across two folders, a labels file and a damaged {@code .dcm} beside them.
 */
class ArchiveScoringTest {

    private static SyntheticArchive archive;
    private static Path exported;
    /** Every file of the export that is (or claims by name to be) DICOM: what score is given. */
    private static List<Path> dicomFiles;
    private static List<String> referenceLines;

    @BeforeAll
    static void writeExport() throws Exception {
        archive = SyntheticArchive.get();
        exported = Files.createTempDirectory("guard-spark-export");
        dicomFiles = new ArrayList<>();
        List<Path> studies;
        try (Stream<Path> list = Files.list(archive.pack)) {
            studies = list.filter(p -> p.getFileName().toString().startsWith("study-")).sorted().toList();
        }
        for (int s = 0; s < studies.size(); s++) {
            List<Path> images;
            try (Stream<Path> list = Files.list(studies.get(s))) {
                images = list.sorted().toList();
            }
            for (int i = 0; i < images.size(); i++) {
                Path target;
                if (s == 0) {
                    // A PACS export: UID file names, no extension, dots in the name.
                    target = exported.resolve("pacs").resolve("1.2.826.0.1.3680043.9." + (i + 1));
                } else if (s == 1 && i >= 2) {
                    target = exported.resolve("second-disk").resolve("late").resolve(images.get(i).getFileName());
                } else {
                    target = exported.resolve(studies.get(s).getFileName()).resolve(images.get(i).getFileName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(images.get(i), target);
                dicomFiles.add(target);
            }
        }
        Path broken = Files.createDirectories(exported.resolve("broken")).resolve("not-dicom.dcm");
        Files.writeString(broken, "this is not a DICOM file", StandardCharsets.US_ASCII);
        dicomFiles.add(broken);
        Files.copy(archive.labels, exported.resolve("labels.csv"));
        referenceLines = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(archive.bundle)).build()) {
            for (StudyFiles group : new StudyGrouper(pipeline.reader()).group(dicomFiles)) {
                referenceLines.add(ContractJson.write(pipeline.run(group)));
            }
        }
    }

    @Test
    void score_uidNamedAndSplitStudies_givesTheSingleJvmLinesStudyByStudy() {
        String bundle = archive.bundle.toString();
        Dataset<Row> files = ArchiveScoring.discover(LocalSpark.session(), exported.toString(), bundle).cache();
        List<String> lines = ArchiveScoring.score(files, bundle, ArchiveScoringSettings.defaults())
                .select("contractJson").as(Encoders.STRING()).collectAsList();
        assertEquals(sorted(referenceLines), sorted(lines));
        assertEquals(List.of("labels.csv"), files.filter("not dicom").select(GuardScoring.PATH).as(Encoders.STRING())
                .collectAsList().stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).toList());
        assertEquals(dicomFiles.size(), files.filter("dicom").count());
        files.unpersist();
    }

    @Test
    void score_filesOnAnotherHadoopFileSystem_areReadThroughItWithTheSameLines() {
        LocalSpark.session().sparkContext().hadoopConfiguration()
                .set("fs." + OtherSchemeFileSystem.SCHEME + ".impl", OtherSchemeFileSystem.class.getName());
        String bundle = archive.bundle.toString();
        Dataset<Row> files = ArchiveScoring.discover(LocalSpark.session(),
                OtherSchemeFileSystem.SCHEME + "://" + exported, bundle).cache();
        List<String> paths = files.select(GuardScoring.PATH).as(Encoders.STRING()).collectAsList();
        assertTrue(paths.stream().allMatch(p -> p.startsWith(OtherSchemeFileSystem.SCHEME + ":")), paths.get(0));
        List<String> lines = ArchiveScoring.score(files, bundle, ArchiveScoringSettings.defaults().withStudiesPerTask(5))
                .select("contractJson").as(Encoders.STRING()).collectAsList();
        assertEquals(sorted(referenceLines), sorted(lines));
        files.unpersist();
    }

    @Test
    void score_studiesOverTheirBounds_becomeOneFailedRowEach() {
        String bundle = archive.bundle.toString();
        Dataset<Row> files = ArchiveScoring.discover(LocalSpark.session(), exported.toString(), bundle).cache();
        long studies = files.filter("dicom").select(GuardScoring.STUDY_KEY).distinct().count();
        List<Row> tooLarge = ArchiveScoring.score(files, bundle, ArchiveScoringSettings.defaults().withMaxStudyBytes(1))
                .collectAsList();
        assertEquals(studies, tooLarge.size());
        assertTrue(tooLarge.stream().allMatch(r -> "failed".equals(r.getAs("status"))
                && StudyTask.SIZE_LIMIT_CODE.equals(r.getAs("errorCode"))), (String) tooLarge.get(0).getAs("contractJson"));
        List<Row> tooSlow = ArchiveScoring.score(files, bundle,
                ArchiveScoringSettings.defaults().withStudyTimeLimit(Duration.ofNanos(1))).collectAsList();
        assertEquals(studies, tooSlow.size());
        // A real study (four images decoded and run) never finishes before the watchdog looks.
        assertTrue(tooSlow.stream().filter(r -> r.getAs("studyInstanceUid") != null)
                .allMatch(r -> StudyTask.TIME_LIMIT_CODE.equals(r.getAs("errorCode"))), (String) tooSlow.get(0).getAs("contractJson"));
        files.unpersist();
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        java.util.Collections.sort(copy);
        return copy;
    }
}
