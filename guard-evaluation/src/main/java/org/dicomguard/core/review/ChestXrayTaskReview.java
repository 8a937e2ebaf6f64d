package org.dicomguard.core.review;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.task.chestxray.ChestXrayInputs;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessed;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessor;
import org.dicomguard.core.task.chestxray.ChestXrayStudyPreparer;
import org.dicomguard.core.task.chestxray.ChestXrayTask;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Review facet of {@code chest-xray}: one picture per study of the image the task's composition
 * rule chooses ({@link ChestXrayStudyPreparer#choose}), drawn by {@link ChestXrayReviewRenderer}
 * (lung field outline, crop, collimation field, model input, text lines). Stateless.
 */
public final class ChestXrayTaskReview implements TaskReviewRenderer {

    private static final int SCALE = 2;

    /** Creates the facet (the service loader does this). */
    public ChestXrayTaskReview() {
        // stateless
    }

    @Override
    public String taskName() {
        return ChestXrayTask.NAME;
    }

    @Override
    public List<Page> reviewPages(List<Path> files, DicomReader reader, PreprocessingConfig config,
                                  List<String> resultLines, int maxSidePixels, Consumer<String> problems) {
        ChestXrayPreprocessingConfig x = (ChestXrayPreprocessingConfig) config;
        try {
            Optional<StudyImage> chosen = ChestXrayStudyPreparer.choose(StudyImage.readHeaders(files, reader),
                    x.lateralViewAccepted());
            if (chosen.isEmpty()) {
                problems.accept(": no frontal image to draw");
                return List.of();
            }
            ChestXrayPreprocessed result = new ChestXrayPreprocessor(x).preprocess(ChestXrayInputs.from(chosen.get().file()));
            List<String> lines = new ArrayList<>();
            lines.add(result.lungFieldFound() ? "lung fields: " + result.masks().lungComponents() : "NO LUNG FIELD FOUND");
            lines.addAll(resultLines);
            return List.of(new Page(0, taskName(), ChestXrayReviewRenderer.render(result, lines, SCALE)));
        } catch (DicomException e) {
            problems.accept(": " + e.code() + ": " + e.getMessage());
            return List.of();
        }
    }

    @Override
    public BufferedImage studyPicture(List<DicomFile> files, PreprocessingConfig config, List<String> textLines)
            throws Exception {
        ChestXrayPreprocessingConfig x = (ChestXrayPreprocessingConfig) config;
        StudyImage chosen = ChestXrayStudyPreparer.choose(StudyImage.of(files), x.lateralViewAccepted())
                .orElseThrow(() -> new IllegalArgumentException("no frontal image to draw"));
        return ChestXrayReviewRenderer.render(new ChestXrayPreprocessor(x).preprocess(ChestXrayInputs.from(chosen.file())),
                textLines, SCALE);
    }
}
