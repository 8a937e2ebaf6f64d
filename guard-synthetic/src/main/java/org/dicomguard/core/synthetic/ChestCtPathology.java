package org.dicomguard.core.synthetic;

/**
 * Pathology labels of synthetic chest CT studies; {@link #code()} is the label column and the
 * pathology code a model bundle uses.
 */
public enum ChestCtPathology {
    /**
     * Two to four dense spheres (about +30 HU) of 12 to 20 mm diameter inside the lungs; smaller
     * nodules vanish among vessels on a 64 x 64 x 32 model grid.
     */
    NODULE("nodule"),
    /** Two or three hazy regions (-650 to -500 HU) of 50 to 80 mm diameter inside the lungs. */
    GROUND_GLASS("ground-glass"),
    /** Fluid (about 10 HU) layering in the lower posterior pleural space of one or both lungs. */
    EFFUSION("effusion");

    private final String code;

    ChestCtPathology(String code) {
        this.code = code;
    }

    /** @return the stable lower-case label code, e.g. {@code ground-glass} */
    public String code() {
        return code;
    }
}
