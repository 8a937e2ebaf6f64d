package org.dicomguard.core.study;

import java.util.Objects;

/**
 * Where the organ a task reads lies in a prepared model input: the breast in each mammography
 * view, the thorax of a chest CT volume or a chest radiograph. Occlusion tests (where the model
 * looks) replace the values on one side of it with {@link #neutralValue()} and watch the output.
 *
 * <p>The mask is the preprocessing's own organ mask sampled at the centers of the model input's
 * pixels or voxels (the task's preprocessing result computes it; no second segmentation). Chest
 * tasks widen their lung mask to the thoracic region (lungs, mediastinum, pleura), where their
 * findings can lie.
 *
 * @param organ        what the mask holds, {@link #BREAST} or {@link #THORAX}
 * @param inside       one value per model-input value, in the same layout: 1 inside the organ, 0
 *                     outside; not copied (owned by the prepared study), treat as read-only
 * @param neutralValue the model-input value that stands for "nothing here" in the task's
 *                     normalization: every task maps its intensities into [0, 1] and writes 0
 *                     where there is no tissue to show (mammography's fill outside the breast)
 */
public record OrganMask(String organ, byte[] inside, float neutralValue) {

    /** Organ name of mammography's mask: the breast of each view. */
    public static final String BREAST = "breast";
    /** Organ name of the chest tasks' mask: {@link org.dicomguard.core.preprocess.ThoracicRegion}. */
    public static final String THORAX = "thorax";

    /** Rejects nulls and a neutral value outside [0, 1]. */
    public OrganMask {
        Objects.requireNonNull(organ, "organ");
        Objects.requireNonNull(inside, "inside");
        if (!(neutralValue >= 0f && neutralValue <= 1f)) {
            throw new IllegalArgumentException("neutralValue must be in [0, 1], got " + neutralValue);
        }
    }

    /** @return number of model-input values inside the organ */
    public int insideCount() {
        int n = 0;
        for (byte b : inside) {
            n += b;
        }
        return n;
    }
}
