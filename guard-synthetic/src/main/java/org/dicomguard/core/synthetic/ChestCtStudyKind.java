package org.dicomguard.core.synthetic;

/**
 * What a synthetic study shows. {@link #CHEST} is in distribution for the chest-CT task; every
 * other kind is out of distribution and must be rejected by the guardrails, never scored.
 *
 * <p>How each out-of-distribution kind should be caught: {@link #BLANK}, {@link #SATURATED},
 * {@link #BOTTLE_PHANTOM}, {@link #HEAD_CT} and {@link #ABDOMEN_CT} by the input statistics
 * (no or tiny lung mask, HU percentiles, body fraction); {@link #WRONG_PHOTOMETRIC} and the body
 * part of {@link #HEAD_CT} / {@link #ABDOMEN_CT} by header rules.
 */
public enum ChestCtStudyKind {
    /** A chest with lungs, airways, bones and optional pathologies. */
    CHEST(false, "CHEST"),
    /** Every pixel the same air-like value (a failed reconstruction or an empty series). */
    BLANK(true, "CHEST"),
    /** Every pixel at the largest stored value (detector or rescale fault). */
    SATURATED(true, "CHEST"),
    /** A uniform water cylinder (about 0 HU) in air, as in scanner quality control. */
    BOTTLE_PHANTOM(true, "CHEST"),
    /** A head: skull, brain, small sinus air; no lungs. BodyPartExamined HEAD. */
    HEAD_CT(true, "HEAD"),
    /** An abdomen: liver, fat, spine, bowel gas; no lungs. BodyPartExamined ABDOMEN. */
    ABDOMEN_CT(true, "ABDOMEN"),
    /** A normal chest whose PhotometricInterpretation says MONOCHROME1 (inverted display). */
    WRONG_PHOTOMETRIC(true, "CHEST");

    private final boolean outOfDistribution;
    private final String bodyPartExamined;

    ChestCtStudyKind(boolean outOfDistribution, String bodyPartExamined) {
        this.outOfDistribution = outOfDistribution;
        this.bodyPartExamined = bodyPartExamined;
    }

    /** @return true for every kind the chest-CT model must not score */
    public boolean isOutOfDistribution() {
        return outOfDistribution;
    }

    /** @return the DICOM BodyPartExamined value the generator writes for this kind */
    public String bodyPartExamined() {
        return bodyPartExamined;
    }
}
