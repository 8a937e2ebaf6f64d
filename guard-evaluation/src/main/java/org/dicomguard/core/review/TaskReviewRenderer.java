package org.dicomguard.core.review;

import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;

/**
 * The review facet of a task: how its preprocessing is drawn for a reader (mask outline, crop,
 * model input, the study's probabilities), for the {@code review} sheet and for the Secondary
 * Capture. Keyed by the task's name and found through {@link ServiceLoader}: a task adds one
 * implementation and one line in {@code META-INF/services/org.dicomguard.core.review.TaskReviewRenderer}.
 *
 * <p>Implementations are stateless and thread-safe, with a public no-argument constructor.
 */
public interface TaskReviewRenderer {

    /** @return the task name, e.g. {@code chest-ct} */
    String taskName();

    /**
     * One picture of the review sheet.
     *
     * @param index   number in the study, the PNG name's suffix ({@code study-<id>-<index>.png})
     * @param caption what the picture shows, after the study id (e.g. a view {@code L-CC})
     * @param image   the picture
     */
    record Page(int index, String caption, BufferedImage image) {
    }

    /**
     * The review sheet's pictures of one study. What cannot be drawn is told to {@code problems}
     * (a text that follows "study &lt;id&gt;", e.g. {@code " image 2: Modality 'CT' is not drawn"}) and
     * left out; this method does not throw for a study's content.
     *
     * @param files         the study's files
     * @param reader        reader with the limits to apply
     * @param config        the task's preprocessing config (the bundle's, or the task's defaults)
     * @param resultLines   the study's result (probabilities or codes), may be empty
     * @param maxSidePixels longest side of a downscaled original, in [64, 4096]
     * @param problems      told each part not drawn
     * @return the pictures, possibly none
     */
    List<Page> reviewPages(List<Path> files, DicomReader reader, PreprocessingConfig config, List<String> resultLines,
                           int maxSidePixels, Consumer<String> problems);

    /**
     * One picture of the whole study, for a Secondary Capture.
     *
     * @param files     the study's files, read in full (pixels), not modified
     * @param config    the task's preprocessing config
     * @param textLines lines to draw (probabilities or why the study was not analysed)
     * @return a new RGB picture
     * @throws Exception when the study cannot be drawn; the caller then writes no picture
     */
    BufferedImage studyPicture(List<DicomFile> files, PreprocessingConfig config, List<String> textLines)
            throws Exception;

    /**
     * @param taskName a task name
     * @return its review facet, or empty when no registered facet draws that task
     */
    static Optional<TaskReviewRenderer> find(String taskName) {
        for (TaskReviewRenderer renderer : all()) {
            if (renderer.taskName().equals(taskName)) {
                return Optional.of(renderer);
            }
        }
        return Optional.empty();
    }

    /** @return every registered review facet, in class-path order */
    static List<TaskReviewRenderer> all() {
        List<TaskReviewRenderer> found = new ArrayList<>();
        ServiceLoader.load(TaskReviewRenderer.class, TaskReviewRenderer.class.getClassLoader()).forEach(found::add);
        return List.copyOf(found);
    }
}
