package org.dicomguard.core.review;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtPreprocessor;
import org.dicomguard.core.task.chestct.CtSeriesAssembler;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import org.dicomguard.core.task.chestct.ChestCtStudyPreparer;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.task.chestct.ChestCtTask;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Review facet of {@code chest-ct}: one picture per study of the series the chest-CT preparer uses
 * ({@link ChestCtStudyPreparer#chooseSeries}), drawn by {@link ChestCtReviewRenderer} (lung mask
 * outline and crop on representative axial slices, the text lines beside them). Stateless.
 */
public final class ChestCtTaskReview implements TaskReviewRenderer {

    /** Creates the facet (the service loader does this). */
    public ChestCtTaskReview() {
        // stateless
    }

    @Override
    public String taskName() {
        return ChestCtTask.NAME;
    }

    @Override
    public List<Page> reviewPages(List<Path> files, DicomReader reader, PreprocessingConfig config,
                                  List<String> resultLines, int maxSidePixels, Consumer<String> problems) {
        try {
            Optional<BufferedImage> picture = draw(StudyImage.readHeaders(files, reader),
                    (ChestCtPreprocessingConfig) config, resultLines);
            if (picture.isEmpty()) {
                problems.accept(": no series with a valid SeriesInstanceUID to draw");
                return List.of();
            }
            return List.of(new Page(0, taskName(), picture.get()));
        } catch (DicomException e) {
            problems.accept(": " + e.code() + ": " + e.getMessage());
        } catch (SeriesAssemblyException e) {
            problems.accept(": " + e.code() + ": " + e.getMessage());
        }
        return List.of();
    }

    @Override
    public BufferedImage studyPicture(List<DicomFile> files, PreprocessingConfig config, List<String> textLines)
            throws Exception {
        return draw(StudyImage.of(files), (ChestCtPreprocessingConfig) config, textLines)
                .orElseThrow(() -> new IllegalArgumentException("no series with a valid SeriesInstanceUID to draw"));
    }

    private static Optional<BufferedImage> draw(List<StudyImage> images, ChestCtPreprocessingConfig config,
                                                List<String> lines) throws DicomException, SeriesAssemblyException {
        Optional<List<StudyImage>> series = ChestCtStudyPreparer.chooseSeries(images);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        List<CtSliceInput> slices = new ArrayList<>(series.get().size());
        for (StudyImage image : series.get()) {
            slices.add(DicomInputs.ctSlice(image.file()));
        }
        CtVolume volume = CtSeriesAssembler.assemble(slices, config);
        return Optional.of(ChestCtReviewRenderer.render(volume, new ChestCtPreprocessor(config).preprocess(volume), lines));
    }
}
