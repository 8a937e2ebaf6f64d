package org.dicomguard.core.review;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.task.mammography.MammographyImageInput;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.task.mammography.MammographyTask;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Review facet of {@code mammography}: one picture per mammogram (Modality MG) of the study, the
 * original with the breast-mask outline and crop box beside the model input; other images are
 * told as not drawn. The Secondary Capture shows every view side by side. Stateless.
 */
public final class MammographyTaskReview implements TaskReviewRenderer {

    private static final int STUDY_PICTURE_MAX_SIDE_PIXELS = 512;

    /** Creates the facet (the service loader does this). */
    public MammographyTaskReview() {
        // stateless
    }

    @Override
    public String taskName() {
        return MammographyTask.NAME;
    }

    @Override
    public List<Page> reviewPages(List<Path> files, DicomReader reader, PreprocessingConfig config,
                                  List<String> resultLines, int maxSidePixels, Consumer<String> problems) {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor((MammographyPreprocessingConfig) config);
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String what = " image " + (i + 1);
            try {
                DicomFile dicom = reader.read(files.get(i));
                String modality = dicom.dataSet().getString(Tag.Modality, "");
                if (!modality.equals("MG")) {
                    problems.accept(what + ": Modality '" + modality + "' is not drawn (mammography only)");
                    continue;
                }
                MammographyImageInput input = DicomInputs.mammography(dicom);
                MammographyPreprocessed result = preprocessor.preprocess(input);
                String view = input.imageLaterality() + "-" + input.viewPosition();
                List<String> lines = new ArrayList<>();
                lines.add(view + (result.breastFound() ? "" : "  NO BREAST FOUND"));
                lines.addAll(resultLines);
                pages.add(new Page(i, view, MammographyReviewRenderer.render(input, result, lines, maxSidePixels)));
            } catch (DicomException e) {
                problems.accept(what + ": " + e.code() + ": " + e.getMessage());
            }
        }
        return pages;
    }

    @Override
    public BufferedImage studyPicture(List<DicomFile> files, PreprocessingConfig config, List<String> textLines)
            throws Exception {
        MammographyPreprocessor preprocessor = new MammographyPreprocessor((MammographyPreprocessingConfig) config);
        List<BufferedImage> views = new ArrayList<>();
        for (DicomFile file : files) {
            MammographyImageInput input = DicomInputs.mammography(file);
            views.add(MammographyReviewRenderer.render(input, preprocessor.preprocess(input),
                    views.isEmpty() ? textLines : List.of(), STUDY_PICTURE_MAX_SIDE_PIXELS));
        }
        return Pictures.sideBySide(views);
    }
}
