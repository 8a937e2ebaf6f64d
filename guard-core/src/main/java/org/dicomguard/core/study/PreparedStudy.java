package org.dicomguard.core.study;

import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.rules.HeaderFacts;

import java.util.List;
import java.util.Optional;

/**
 * What preprocessing made of one study: the model input and, per image that went into it, the
 * header facts and input statistics the OOD gate checks.
 *
 * @param modelInput floats in the model's input layout; not copied (owned by the Pipeline run)
 * @param images     the images used, in model order; copied
 * @param imagesUsed    every instance that went into the model input (a view, or each slice of the
 *                      series), as the contract lists it; copied
 * @param imagesIgnored the study's other instances with the reason each was left out; copied
 * @param organMask     where the task's organ lies in {@code modelInput} (same length), for occlusion
 *                      tests; empty when the task gives none
 */
public record PreparedStudy(float[] modelInput, List<GatedImage> images, List<ImageUsed> imagesUsed,
                            List<ImageIgnored> imagesIgnored, Optional<OrganMask> organMask) {

    /** Copies the lists; checks the organ mask's length against the model input. */
    public PreparedStudy {
        images = List.copyOf(images);
        imagesUsed = List.copyOf(imagesUsed);
        imagesIgnored = List.copyOf(imagesIgnored);
        if (organMask.isPresent() && organMask.get().inside().length != modelInput.length) {
            throw new IllegalArgumentException("organ mask holds " + organMask.get().inside().length
                    + " values, the model input " + modelInput.length);
        }
    }

    /**
     * A prepared study without an organ mask.
     *
     * @param modelInput    floats in the model's input layout
     * @param images        the images used
     * @param imagesUsed    instances that went into the input
     * @param imagesIgnored the other instances
     */
    public PreparedStudy(float[] modelInput, List<GatedImage> images, List<ImageUsed> imagesUsed,
                         List<ImageIgnored> imagesIgnored) {
        this(modelInput, images, imagesUsed, imagesIgnored, Optional.empty());
    }

    /**
     * One image (a mammography view, or a CT series) as the gate sees it.
     *
     * @param label      where it went, e.g. "L-CC" or "series"
     * @param facts      its header facts
     * @param statistics its named input statistics from preprocessing
     */
    public record GatedImage(String label, HeaderFacts facts, InputStatistics statistics) {
    }
}
