package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keys-not-bytes archive job against single-JVM scoring of the same files, over
 * {@link SyntheticExport}: UID-named files, a study split across folders, a labels file and a
 * damaged {@code .dcm}.
 */
class ArchiveScoringTest {

    private static SyntheticArchive archive;
    private static Path exported;
    private static List<Path> dicomFiles;
    private static List<String> referenceLines;

    @BeforeAll
    static void writeExport() throws Exception {
        SyntheticExport export = SyntheticExport.get();
        archive = export.archive;
        exported = export.root;
        dicomFiles = export.dicomFiles;
        referenceLines = export.referenceLines;
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
        // Every study takes longer than 1 ns: each is over its limit, also one a header rule refuses at once.
        List<String> notStopped = tooSlow.stream().filter(r -> r.getAs("studyInstanceUid") != null)
                .filter(r -> !StudyTask.TIME_LIMIT_CODE.equals(r.getAs("errorCode")))
                .map(r -> r.<String>getAs("contractJson")).toList();
        assertEquals(List.of(), notStopped);
        files.unpersist();
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        java.util.Collections.sort(copy);
        return copy;
    }
}
