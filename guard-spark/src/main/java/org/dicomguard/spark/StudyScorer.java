package org.dicomguard.spark;

import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scores the files of one study key on an executor with the JVM's Pipeline. Files are ordered
 * by path and regrouped with {@link StudyGrouper}, then each group runs through
 * {@link Pipeline#run(StudyFiles)}: the code path of {@code dicom-guard score}, so results are
 * identical. File bytes ({@code content}) are written to a temporary folder under names that keep
 * the path order, and deleted after the study.
 */
final class StudyScorer implements FlatMapGroupsFunction<String, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String bundleLocation;
    private final List<String> pathologyCodes;
    private final boolean hasContent;
    private final String driftAlertsDirectory;

    StudyScorer(String bundleLocation, List<String> pathologyCodes, boolean hasContent) {
        this(bundleLocation, pathologyCodes, hasContent, null);
    }

    /** @param driftAlertsDirectory executor-readable folder for each executor's drift alerts, or null for none */
    StudyScorer(String bundleLocation, List<String> pathologyCodes, boolean hasContent, String driftAlertsDirectory) {
        this.bundleLocation = bundleLocation;
        this.pathologyCodes = List.copyOf(pathologyCodes);
        this.hasContent = hasContent;
        this.driftAlertsDirectory = driftAlertsDirectory;
    }

    @Override
    public Iterator<Row> call(String studyKey, Iterator<Row> rows) throws IOException {
        Pipeline pipeline = ExecutorPipelines.get(bundleLocation, driftAlertsDirectory);
        List<Row> files = new ArrayList<>();
        rows.forEachRemaining(files::add);
        // Column 1 is the path: the order StudyGrouper gives in score (Path order of the same names).
        files.sort(Comparator.comparing((Row r) -> r.getString(1)));
        Path temporary = hasContent ? Files.createTempDirectory("dicom-guard-study") : null;
        try {
            List<Path> paths = new ArrayList<>(files.size());
            for (int i = 0; i < files.size(); i++) {
                if (hasContent) {
                    Path file = temporary.resolve(String.format(java.util.Locale.ROOT, "%08d.dcm", i));
                    Files.write(file, (byte[]) files.get(i).get(2));
                    paths.add(file);
                } else {
                    paths.add(LocalFiles.toPath(files.get(i).getString(1)));
                }
            }
            List<Row> results = new ArrayList<>();
            for (StudyFiles group : new StudyGrouper(pipeline.reader()).group(paths)) {
                results.add(ContractRows.toRow(pipeline.run(group), pathologyCodes));
            }
            return results.iterator();
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary study folder " + folder, e);
        }
    }
}
