package org.dicomguard.core.task.mammography;

/** How the breast mask binarization threshold is chosen. */
public enum BreastMaskThresholdMethod {
    /** Otsu (1979): the threshold that maximizes between-class variance of the image histogram. */
    OTSU,
    /**
     * A fixed fraction of the image's robust intensity range: {@code p01 + fraction * (p99 - p01)},
     * with the fraction from {@code breastMaskBinarizationThresholdFraction}.
     */
    FIXED_FRACTION
}
