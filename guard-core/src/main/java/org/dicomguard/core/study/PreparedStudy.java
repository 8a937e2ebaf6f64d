package org.dicomguard.core.study;

import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.rules.HeaderFacts;

import java.util.List;

/**
 * What preprocessing made of one study: the model input and, per image that went into it, the
 * header facts and input statistics the OOD gate checks.
 *
 * @param modelInput floats in the model's input layout; not copied (owned by the Pipeline run)
 * @param images     the images used, in model order; copied
 */
public record PreparedStudy(float[] modelInput, List<GatedImage> images) {

    public PreparedStudy {
        images = List.copyOf(images);
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
