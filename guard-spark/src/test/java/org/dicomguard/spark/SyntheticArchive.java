package org.dicomguard.spark;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.synthetic.MammographySyntheticKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test bundle and a small synthetic mammography pack written once per JVM: labelled studies,
 * two out-of-distribution studies (rejected) and one file that is not DICOM (failed), plus the
 * single-JVM {@code score} lines of the pack as the reference.
 */
final class SyntheticArchive {

    /** Labelled studies in the pack. */
    static final int LABELLED_STUDIES = 12;

    private static SyntheticArchive instance;

    final Path bundle;
    final Path pack;
    final Path labels;
    final List<String> scoreLines;

    private SyntheticArchive(Path root) throws Exception {
        bundle = root.resolve("bundle");
        SparkTestBundles.write(bundle);
        pack = root.resolve("pack");
        TestArchiveWriter.write(pack, 20260101L, LABELLED_STUDIES,
                List.of(MammographySyntheticKind.CT_SLICE, MammographySyntheticKind.BOTTLE_PHANTOM));
        Path broken = Files.createDirectories(pack.resolve("broken"));
        Files.write(broken.resolve("not-dicom.dcm"), "this is not a DICOM file".getBytes(StandardCharsets.US_ASCII));
        labels = pack.resolve(TestArchiveWriter.LABELS_FILE);
        scoreLines = score(bundle, pack);
    }

    static synchronized SyntheticArchive get() throws Exception {
        if (instance == null) {
            Path root = Files.createTempDirectory("guard-spark-test");
            instance = new SyntheticArchive(root);
        }
        return instance;
    }

    /** What {@code dicom-guard score --bundle B PACK} writes, line by line (same code as ScoreCommand). */
    static List<String> score(Path bundle, Path pack) throws Exception {
        List<String> lines = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(bundle)).build()) {
            for (StudyFiles group : new StudyGrouper(pipeline.reader()).group(List.of(pack))) {
                lines.add(ContractJson.write(pipeline.run(group)));
            }
        }
        return lines;
    }

    /** Writes lines to a file, for the evaluation readers. */
    static Path writeLines(Path file, List<String> lines) throws IOException {
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
