package org.dicomguard.samples.cli;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.ChestCtPreprocessingResult;
import org.dicomguard.core.preprocess.ChestCtPreprocessor;
import org.dicomguard.core.preprocess.CtSeriesAssembler;
import org.dicomguard.core.preprocess.CtSliceInput;
import org.dicomguard.core.preprocess.CtVolume;
import org.dicomguard.core.preprocess.SeriesAssemblyException;
import org.dicomguard.core.review.ChestCtReviewRenderer;
import org.dicomguard.core.review.MammographyReviewRenderer;
import org.dicomguard.core.review.ReviewContactSheet;
import org.dicomguard.core.study.ChestCtStudyPreparer;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyImage;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code review} pictures of a chest-CT bundle: per study, the series the chest-CT preparer
 * uses ({@link ChestCtStudyPreparer#chooseSeries}), drawn by {@link ChestCtReviewRenderer} with the study's
 * per-finding probabilities (or rejection codes). Names carry a hash of the StudyInstanceUID only.
 */
final class ChestCtReview {

    private ChestCtReview() {
    }

    static List<ReviewContactSheet.Entry> render(Pipeline pipeline, ChestCtPreprocessingConfig config,
                                                 DicomReader reader, List<StudyFiles> groups, Path out,
                                                 PrintWriter err, ReviewOcclusion occlusion) {
        ChestCtPreprocessor preprocessor = new ChestCtPreprocessor(config);
        List<ReviewContactSheet.Entry> entries = new ArrayList<>();
        for (StudyFiles group : groups) {
            if (group.studyInstanceUid().isEmpty()) {
                continue;
            }
            String studyId = ReviewCommand.studyId(group.studyInstanceUid());
            try {
                GuardResult guardResult = pipeline.run(group);
                List<String> resultLines = ReviewCommand.resultLines(guardResult);
                Optional<List<StudyImage>> series = ChestCtStudyPreparer.chooseSeries(
                        StudyImage.readHeaders(group.files(), reader));
                if (series.isEmpty()) {
                    err.println("review: study " + studyId + ": no series with a valid SeriesInstanceUID to draw");
                    continue;
                }
                List<CtSliceInput> slices = new ArrayList<>();
                for (StudyImage image : series.get()) {
                    slices.add(DicomInputs.ctSlice(image.file()));
                }
                CtVolume volume = CtSeriesAssembler.assemble(slices, config);
                ChestCtPreprocessingResult result = preprocessor.preprocess(volume);
                String png = String.format(Locale.ROOT, "study-%s-00.png", studyId);
                MammographyReviewRenderer.writePng(ChestCtReviewRenderer.render(volume, result, resultLines),
                        out.resolve(png));
                entries.add(new ReviewContactSheet.Entry(png, "study " + studyId + " chest-ct",
                        ReviewOcclusion.caption(resultLines, occlusion.lines(group, guardResult))));
            } catch (DicomException e) {
                err.println("review: study " + studyId + ": " + e.code() + ": " + e.getMessage());
            } catch (SeriesAssemblyException e) {
                err.println("review: study " + studyId + ": " + e.code() + ": " + e.getMessage());
            }
        }
        return entries;
    }
}
