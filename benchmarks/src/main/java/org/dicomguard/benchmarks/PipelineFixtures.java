package org.dicomguard.benchmarks;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackSize;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Demo bundles and synthetic study packs for the inference and whole-pipeline benchmarks. Packs
 * are written by guard-core's {@link SyntheticPackWriter} (small size: 512 x 416 mammograms, what the
 * demo mammography bundle was trained on) into the fixture folder, once per task and count.
 */
public final class PipelineFixtures {

    /** System property naming the folder that holds demo-mammography and demo-chest-ct. */
    public static final String BUNDLES_PROPERTY = "dicomguard.bundles";
    /** Default bundle folder, relative to the repository root. */
    public static final String DEFAULT_BUNDLES = "samples/bundles";

    private static final long SEED = 20_261_123L;

    private PipelineFixtures() {
    }

    /**
     * @param task mammography or chest-ct
     * @return the demo bundle folder for the task
     * @throws IllegalArgumentException when the task is unknown or the folder is missing
     */
    public static Path bundle(String task) {
        SyntheticPackTask t = task(task);
        Path dir = Paths.get(System.getProperty(BUNDLES_PROPERTY, DEFAULT_BUNDLES), "demo-" + t.code());
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("demo bundle " + dir.toAbsolutePath()
                    + " not found; run from the repository root or set -D" + BUNDLES_PROPERTY);
        }
        return dir;
    }

    /**
     * @param task a registered task name, e.g. mammography
     * @return its synthetic facet
     * @throws IllegalArgumentException when no synthetic facet has that name
     */
    public static SyntheticPackTask task(String task) {
        return SyntheticPackTask.fromCode(task);
    }

    /**
     * Writes (when missing) a pack of in-distribution studies without OOD studies and returns the
     * files of each study, in folder order.
     *
     * @param task       mammography or chest-ct
     * @param studyCount number of studies, at least 1
     * @return one list of files per study
     * @throws IOException when writing or listing fails
     */
    public static List<List<Path>> studies(String task, int studyCount) throws IOException {
        return studies(task, studyCount, SyntheticPackSize.SMALL);
    }

    /**
     * Writes (when missing) a pack of in-distribution studies of the given size without OOD studies
     * and returns the files of each study, in folder order.
     *
     * @param task       mammography or chest-ct
     * @param studyCount number of studies, at least 1
     * @param size       small or realistic
     * @return one list of files per study
     * @throws IOException when writing or listing fails
     */
    public static List<List<Path>> studies(String task, int studyCount, SyntheticPackSize size) throws IOException {
        if (studyCount < 1) {
            throw new IllegalArgumentException("studyCount must be at least 1, got " + studyCount);
        }
        Path dir = BenchmarkFixtures.directory().resolve("pack-" + task + "-" + studyCount
                + (size == SyntheticPackSize.SMALL ? "" : "-" + size.code()));
        if (!Files.exists(dir.resolve(SyntheticPackWriter.PACK_FILE))) {
            Path tmp = Files.createTempDirectory(ensure(BenchmarkFixtures.directory()), "pack-tmp");
            new SyntheticPackWriter(SyntheticPackOptions.of(task(task), SEED, studyCount)
                    .withSize(size).withOodKinds(List.of())).write(tmp);
            Files.move(tmp, dir);
        }
        List<List<Path>> studies = new ArrayList<>();
        for (int i = 0; i < studyCount; i++) {
            try (Stream<Path> files = Files.walk(dir.resolve(SyntheticPackWriter.studyFolderName(i)))) {
                studies.add(files.filter(Files::isRegularFile).sorted().toList());
            }
        }
        return studies;
    }

    /**
     * @param files a study's DICOM files
     * @return rows x columns x frames x bytes per sample summed over the files (the decoded pixel bytes)
     * @throws DicomException when a header cannot be read
     */
    public static long rawPixelBytes(List<Path> files) throws DicomException {
        DicomReader reader = new DicomReader();
        long sum = 0;
        for (Path f : files) {
            Attributes a = reader.readHeader(f).dataSet();
            long rows = a.getInt(Tag.Rows, 0);
            long columns = a.getInt(Tag.Columns, 0);
            long frames = Math.max(1, a.getInt(Tag.NumberOfFrames, 1));
            long bytes = (a.getInt(Tag.BitsAllocated, 16) + 7) / 8;
            sum += rows * columns * frames * bytes;
        }
        return sum;
    }

    private static Path ensure(Path dir) throws IOException {
        Files.createDirectories(dir);
        return dir;
    }
}
