package org.dicomguard.dicomout;

import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.preprocess.MammographyImageInput;
import org.dicomguard.core.preprocess.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyPreprocessor;
import org.dicomguard.core.review.MammographyReviewRenderer;
import org.dicomguard.core.study.DicomInputs;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Mammography: guard-core's {@link MammographyReviewRenderer} picture of every view (breast mask
 * outline, crop box, model input), side by side; the text lines on the first. Thread-safe.
 */
final class MammographyReviewPicture implements ReviewPicture {
    private static final int MAX_SIDE_PIXELS = 512;
    private final MammographyPreprocessor preprocessor;

    MammographyReviewPicture(MammographyPreprocessingConfig config) {
        this.preprocessor = new MammographyPreprocessor(config);
    }

    @Override
    public BufferedImage render(List<DicomFile> files, List<String> textLines) throws Exception {
        List<BufferedImage> views = new ArrayList<>();
        for (DicomFile file : files) {
            MammographyImageInput input = DicomInputs.mammography(file);
            views.add(MammographyReviewRenderer.render(input, preprocessor.preprocess(input),
                    views.isEmpty() ? textLines : List.of(), MAX_SIDE_PIXELS));
        }
        return Pictures.sideBySide(views);
    }
}
