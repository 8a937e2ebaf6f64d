package org.dicomguard.core.study;

import org.dicomguard.core.task.mammography.MammographyStudyPreparer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which images of a study the task needs and what happens when one is missing: declared in the
 * bundle manifest ({@code "studyComposition"}), so it travels, and is fingerprinted, with the model.
 *
 * <p>Rules, applied to headers before any pixel is read, in this order (the same for every run,
 * whatever the file order):
 * <ol>
 *   <li>Two instances with one SOPInstanceUID: {@code Rejected DUPLICATE_IMAGE}.</li>
 *   <li>Mammography: an image's view is ImageLaterality (else Laterality) and ViewPosition; L-CC,
 *       L-MLO, R-CC and R-MLO are the task's views. Others (ML, XCCL, none) are ignored with
 *       {@code NOT_A_STANDARD_VIEW}. ImageLaterality and Laterality that disagree:
 *       {@code Rejected LATERALITY_CONTRADICTION}.</li>
 *   <li>FOR PROCESSING images (PresentationIntentType, or the for-processing SOP class) are
 *       ignored with {@code FOR_PROCESSING} unless {@link #forProcessingImagesUsed()}; even then
 *       a FOR PRESENTATION image of the same view is preferred.</li>
 *   <li>Several images for one view (repeated exposures): the one acquired last is used
 *       (ContentDate+ContentTime, then the larger InstanceNumber, then the larger SOPInstanceUID
 *       as a string); the others are ignored with {@code REPEATED_EXPOSURE}.</li>
 *   <li>A required view with no image left: {@code Rejected MISSING_VIEW}, one evidence entry per
 *       missing view named by its label (e.g. {@code R-MLO}), unless {@link #partialStudyAllowed()};
 *       then the view's channel is zeros and the prediction's {@code imagesUsed} shows which views
 *       were there.</li>
 *   <li>After decoding, the same pixels (SHA-256 of the stored values) in two views:
 *       {@code Rejected DUPLICATE_IMAGE}; a breast whose chest wall is on the other side than
 *       PatientOrientation's row direction says (A: left edge, P: right edge):
 *       {@code Rejected LATERALITY_CONTRADICTION}. Without PatientOrientation there is nothing to
 *       contradict and the image decides the orientation.</li>
 *   <li>Chest CT: images are grouped by SeriesInstanceUID; the series with the most instances is
 *       used, ties broken by the smaller SeriesInstanceUID as a string; the others are ignored with
 *       {@code OTHER_SERIES}, slices without a valid SeriesInstanceUID with
 *       {@code NO_SERIES_INSTANCE_UID}; no series left: {@code Rejected MISSING_SERIES}.</li>
 * </ol>
 * A required image whose pixels cannot be read is never replaced by zeros: the run answers
 * {@code Failed} with the reader's code (TRUNCATED, LIMIT_EXCEEDED...), naming the view.
 *
 * @param requiredViews          projection views that must be present, each one of the task's
 *                               views (mammography: {@link MammographyStudyPreparer#VIEW_ORDER}), no
 *                               repeats; empty for tasks without views
 * @param partialStudyAllowed    whether a study with required views missing is scored anyway
 *                               (missing channels zero); default false
 * @param forProcessingImagesUsed whether FOR PROCESSING images may fill a view that has no
 *                               FOR PRESENTATION image; default false
 */
public record StudyCompositionPolicy(List<String> requiredViews, boolean partialStudyAllowed,
                                     boolean forProcessingImagesUsed) {

    /**
     * @throws IllegalArgumentException naming the field, when a view is repeated (which views a task
     *                                  knows, its {@code TaskDefinition#viewNames()}, is checked by the manifest)
     */
    public StudyCompositionPolicy {
        requiredViews = List.copyOf(requiredViews == null ? List.of() : requiredViews);
        Set<String> seen = new HashSet<>();
        for (String view : requiredViews) {
            if (!seen.add(view)) {
                throw new IllegalArgumentException("studyComposition.requiredViews: view \"" + view + "\" is repeated");
            }
        }
    }

    /** @return the default of tasks without views (chest CT): the series rule only, no partial studies */
    public static StudyCompositionPolicy seriesDefault() {
        return new StudyCompositionPolicy(List.of(), false, false);
    }

    /**
     * @param allowed the new value
     * @return a copy with {@code partialStudyAllowed} replaced
     */
    public StudyCompositionPolicy withPartialStudyAllowed(boolean allowed) {
        return new StudyCompositionPolicy(requiredViews, allowed, forProcessingImagesUsed);
    }

    /**
     * @param used the new value
     * @return a copy with {@code forProcessingImagesUsed} replaced
     */
    public StudyCompositionPolicy withForProcessingImagesUsed(boolean used) {
        return new StudyCompositionPolicy(requiredViews, partialStudyAllowed, used);
    }
}
