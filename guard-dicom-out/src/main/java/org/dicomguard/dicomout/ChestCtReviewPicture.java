package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.ChestCtPreprocessor;
import org.dicomguard.core.preprocess.CtSeriesAssembler;
import org.dicomguard.core.preprocess.CtSliceInput;
import org.dicomguard.core.preprocess.CtVolume;
import org.dicomguard.core.review.ChestCtReviewRenderer;
import org.dicomguard.core.study.ChestCtStudyPreparer;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.StudyImage;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Chest CT: guard-core's {@link ChestCtReviewRenderer} picture of the series (lung mask outline
 * and crop on representative axial slices, the text lines beside them), the same picture as
 * {@code review}, of the series the Pipeline uses ({@link ChestCtStudyPreparer#chooseSeries}). Thread-safe: a preprocessor per call.
 */
final class ChestCtReviewPicture implements ReviewPicture {
    private final ChestCtPreprocessingConfig config;

    ChestCtReviewPicture(ChestCtPreprocessingConfig config) {
        this.config = config;
    }

    @Override
    public BufferedImage render(List<DicomFile> files, List<String> textLines) throws Exception {
        List<StudyImage> series = ChestCtStudyPreparer.chooseSeries(StudyImage.of(files))
                .orElseThrow(() -> new IllegalArgumentException("no series with a valid SeriesInstanceUID to draw"));
        List<CtSliceInput> slices = new ArrayList<>(series.size());
        for (StudyImage image : series) {
            slices.add(DicomInputs.ctSlice(image.file()));
        }
        CtVolume volume = CtSeriesAssembler.assemble(slices, config);
        return ChestCtReviewRenderer.render(volume, new ChestCtPreprocessor(config).preprocess(volume), textLines);
    }
}
