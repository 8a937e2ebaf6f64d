package org.dicomguard.core.study;

import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.rules.HeaderFacts;

import java.util.List;

/**
 * What preprocessing made of one study: the model input and, per image that went into it, the
 * header facts and input statistics the OOD gate checks.
 *
 * @param modelInput floats in the model's input layout; not copied (owned by the Pipeline run)
 * @param images     the images used, in model order; copied
 * @param imagesUsed    every instance that went into the model input (a view, or each slice of the
 *                      series), as the contract lists it; copied
 * @param imagesIgnored the study's other instances with the reason each was left out; copied
 */
public record PreparedStudy(float[] modelInput, List<GatedImage> images, List<ImageUsed> imagesUsed,
                            List<ImageIgnored> imagesIgnored) {

    public PreparedStudy {
        images = List.copyOf(images);
        imagesUsed = List.copyOf(imagesUsed);
        imagesIgnored = List.copyOf(imagesIgnored);
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
