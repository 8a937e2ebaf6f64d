package org.dicomguard.core.task.mammography;

import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.StudyIntakeCode;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.contract.Evidence;
import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.Tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Chooses, from headers only, which image fills each mammography view, by the rules of
 * {@link StudyCompositionPolicy} (steps 1 to 5 there). Deterministic: the result does not depend
 * on the order of the images. Stateless.
 */
final class MammographyComposition {

    /** Digital Mammography, Digital X-Ray and Intra-oral X-Ray Image Storage - For Processing. */
    private static final Set<String> FOR_PROCESSING_SOP_CLASSES = Set.of("1.2.840.10008.5.1.4.1.1.1.2.1",
            "1.2.840.10008.5.1.4.1.1.1.1.1", "1.2.840.10008.5.1.4.1.1.1.3.1");

    /**
     * @param slots   one image per view in {@link MammographyStudyPreparer#VIEW_ORDER}, null where none
     * @param ignored the images left out, each with its reason
     */
    record Result(StudyImage[] slots, List<ImageIgnored> ignored) {
    }

    /** The later exposure wins: presentation first, then acquisition time, instance number, SOPInstanceUID. */
    private static final Comparator<StudyImage> PREFERENCE = Comparator
            .comparing((StudyImage i) -> !isForProcessing(i.dataSet()))
            .thenComparing(i -> i.dataSet().getString(Tag.ContentDate, "") + i.dataSet().getString(Tag.ContentTime, ""))
            .thenComparingInt(i -> i.dataSet().getInt(Tag.InstanceNumber, Integer.MIN_VALUE))
            .thenComparing(MammographyComposition::sop);

    private MammographyComposition() {
    }

    static Result compose(List<StudyImage> images, StudyCompositionPolicy policy) throws UnusableStudyException {
        List<String> views = MammographyStudyPreparer.VIEW_ORDER;
        requireDistinctInstances(images);
        List<ImageIgnored> ignored = new ArrayList<>();
        List<List<StudyImage>> candidates = new ArrayList<>();
        views.forEach(v -> candidates.add(new ArrayList<>()));
        for (int i = 0; i < images.size(); i++) {
            Attributes ds = images.get(i).dataSet();
            Optional<String> image = ds.getString(Tag.ImageLaterality);
            Optional<String> series = ds.getString(Tag.Laterality);
            if (image.isPresent() && series.isPresent() && !image.get().equals(series.get())) {
                throw new UnusableStudyException(StudyIntakeCode.LATERALITY_CONTRADICTION.name(), "file " + (i + 1)
                        + " of " + images.size() + ": ImageLaterality and Laterality name different breasts");
            }
            int slot = views.indexOf(image.or(() -> series).orElse("") + "-" + ds.getString(Tag.ViewPosition, ""));
            if (slot < 0) {
                ignored.add(new ImageIgnored(sop(images.get(i)), StudyIntakeCode.NOT_A_STANDARD_VIEW.name()));
            } else if (isForProcessing(ds) && !policy.forProcessingImagesUsed()) {
                ignored.add(new ImageIgnored(sop(images.get(i)), StudyIntakeCode.FOR_PROCESSING.name()));
            } else {
                candidates.get(slot).add(images.get(i));
            }
        }
        StudyImage[] slots = new StudyImage[views.size()];
        List<Evidence> missing = new ArrayList<>();
        for (int slot = 0; slot < slots.length; slot++) {
            List<StudyImage> forView = candidates.get(slot);
            if (forView.isEmpty()) {
                if (policy.requiredViews().contains(views.get(slot))) {
                    missing.add(new Evidence(views.get(slot), 0, OptionalDouble.of(1), Optional.of("images")));
                }
                continue;
            }
            forView.sort(PREFERENCE.reversed());
            slots[slot] = forView.get(0);
            boolean chosenPresentation = !isForProcessing(slots[slot].dataSet());
            for (StudyImage other : forView.subList(1, forView.size())) {
                StudyIntakeCode reason = chosenPresentation && isForProcessing(other.dataSet())
                        ? StudyIntakeCode.FOR_PROCESSING : StudyIntakeCode.REPEATED_EXPOSURE;
                ignored.add(new ImageIgnored(sop(other), reason.name()));
            }
        }
        if (!missing.isEmpty() && !policy.partialStudyAllowed()) {
            List<String> names = missing.stream().map(Evidence::name).toList();
            throw new UnusableStudyException(StudyIntakeCode.MISSING_VIEW.name(), "required view(s) " + names
                    + " missing: no usable image (" + images.size() + " image(s) given; " + ignored.size()
                    + " not usable as a task view); the bundle does not allow partial studies", missing);
        }
        ignored.sort(Comparator.comparing(ImageIgnored::sopInstanceUid));
        return new Result(slots, ignored);
    }

    private static void requireDistinctInstances(List<StudyImage> images) throws UnusableStudyException {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            Integer previous = first.putIfAbsent(sop(images.get(i)), i);
            if (previous != null) {
                throw new UnusableStudyException(StudyIntakeCode.DUPLICATE_IMAGE.name(), "files " + (previous + 1)
                        + " and " + (i + 1) + " of " + images.size() + " have the same SOPInstanceUID");
            }
        }
    }

    static boolean isForProcessing(Attributes ds) {
        return "FOR PROCESSING".equals(ds.getString(Tag.PresentationIntentType, ""))
                || FOR_PROCESSING_SOP_CLASSES.contains(ds.getString(Tag.SOPClassUID, ""));
    }

    static String sop(StudyImage image) {
        return image.sopInstanceUid();
    }
}
