package org.dicomguard.samples.cli;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.review.ChestXrayReviewRenderer;
import org.dicomguard.core.review.MammographyReviewRenderer;
import org.dicomguard.core.review.ReviewContactSheet;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.task.chestxray.ChestXrayInputs;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessed;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessor;
import org.dicomguard.core.task.chestxray.ChestXrayStudyPreparer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code review} pictures of a chest-xray bundle: per study, the image the composition policy
 * chooses, with lung outline, crop, collimation field, tensor and the study's per-finding
 * probabilities (or rejection codes). Names carry a hash of the StudyInstanceUID only.
 */
final class ChestXrayReview {

    private ChestXrayReview() {
    }

    static List<ReviewContactSheet.Entry> render(Pipeline pipeline, ChestXrayPreprocessingConfig config,
                                                 DicomReader reader, List<StudyFiles> groups, Path out,
                                                 PrintWriter err, ReviewOcclusion occlusion) {
        ChestXrayPreprocessor preprocessor = new ChestXrayPreprocessor(config);
        List<ReviewContactSheet.Entry> entries = new ArrayList<>();
        for (StudyFiles group : groups) {
            if (group.studyInstanceUid().isEmpty()) {
                continue;
            }
            String studyId = ReviewCommand.studyId(group.studyInstanceUid());
            try {
                GuardResult guardResult = pipeline.run(group);
                List<String> resultLines = ReviewCommand.resultLines(guardResult);
                Optional<StudyImage> chosen = ChestXrayStudyPreparer.choose(
                        StudyImage.readHeaders(group.files(), reader), config.lateralViewAccepted());
                if (chosen.isEmpty()) {
                    err.println("review: study " + studyId + ": no frontal image to draw");
                    continue;
                }
                ChestXrayPreprocessed result = preprocessor.preprocess(ChestXrayInputs.from(chosen.get().file()));
                List<String> lines = new ArrayList<>();
                lines.add(result.lungFieldFound() ? "lung fields: " + result.masks().lungComponents()
                        : "NO LUNG FIELD FOUND");
                lines.addAll(resultLines);
                String png = String.format(Locale.ROOT, "study-%s-00.png", studyId);
                MammographyReviewRenderer.writePng(ChestXrayReviewRenderer.render(result, lines, 2), out.resolve(png));
                entries.add(new ReviewContactSheet.Entry(png, "study " + studyId + " chest-xray",
                        ReviewOcclusion.caption(resultLines, occlusion.lines(group, guardResult))));
            } catch (DicomException e) {
                err.println("review: study " + studyId + ": " + e.code() + ": " + e.getMessage());
            }
        }
        return entries;
    }
}
