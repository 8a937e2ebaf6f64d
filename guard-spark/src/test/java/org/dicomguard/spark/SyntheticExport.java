package org.dicomguard.spark;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A copy of the synthetic pack ({@link SyntheticArchive}) laid out as real exports are: the first
 * study's files named by UID without extension under {@code pacs/}, the second study split across
 * two folders, a labels file and a damaged {@code .dcm} beside them; with the single-JVM score
 * lines of exactly the DICOM files (and the damaged one), written once per JVM.
 */
final class SyntheticExport {

    private static SyntheticExport instance;

    final SyntheticArchive archive;
    final Path root;
    /** Every file of the export that is (or claims by name to be) DICOM: what score is given. */
    final List<Path> dicomFiles = new ArrayList<>();
    /** The Pipeline's lines for {@link #dicomFiles} grouped as score groups them. */
    final List<String> referenceLines = new ArrayList<>();

    private SyntheticExport() throws Exception {
        archive = SyntheticArchive.get();
        root = Files.createTempDirectory("guard-spark-export");
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
                    target = root.resolve("pacs").resolve("1.2.826.0.1.3680043.9." + (i + 1));
                } else if (s == 1 && i >= 2) {
                    target = root.resolve("second-disk").resolve("late").resolve(images.get(i).getFileName());
                } else {
                    target = root.resolve(studies.get(s).getFileName()).resolve(images.get(i).getFileName());
                }
                Files.createDirectories(target.getParent());
                Files.copy(images.get(i), target);
                dicomFiles.add(target);
            }
        }
        Path broken = Files.createDirectories(root.resolve("broken")).resolve("not-dicom.dcm");
        Files.writeString(broken, "this is not a DICOM file", StandardCharsets.US_ASCII);
        dicomFiles.add(broken);
        Files.copy(archive.labels, root.resolve("labels.csv"));
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(archive.bundle)).build()) {
            for (StudyFiles group : new StudyGrouper(pipeline.reader()).group(dicomFiles)) {
                referenceLines.add(ContractJson.write(pipeline.run(group)));
            }
        }
    }

    static synchronized SyntheticExport get() throws Exception {
        if (instance == null) {
            instance = new SyntheticExport();
        }
        return instance;
    }
}
