package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.review.ChestXrayReviewRenderer;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.task.chestxray.ChestXrayInputs;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessor;
import org.dicomguard.core.task.chestxray.ChestXrayStudyPreparer;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Chest radiograph: guard-core's {@link ChestXrayReviewRenderer} picture (lung field outline, crop,
 * collimation field, model input, text lines) of the image the task's composition rule chooses
 * ({@link ChestXrayStudyPreparer#choose}), the same picture as {@code review}. Thread-safe: a
 * preprocessor per call.
 */
final class ChestXrayReviewPicture implements ReviewPicture {
    private final ChestXrayPreprocessingConfig config;

    ChestXrayReviewPicture(ChestXrayPreprocessingConfig config) {
        this.config = config;
    }

    @Override
    public BufferedImage render(List<DicomFile> files, List<String> textLines) throws Exception {
        StudyImage chosen = ChestXrayStudyPreparer.choose(StudyImage.of(files), config.lateralViewAccepted())
                .orElseThrow(() -> new IllegalArgumentException("no frontal image to draw"));
        return ChestXrayReviewRenderer.render(new ChestXrayPreprocessor(config).preprocess(ChestXrayInputs.from(chosen.file())),
                textLines, 2);
    }
}
