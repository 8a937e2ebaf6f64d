package org.dicomguard.core.synthetic.chestxray;

import java.util.Locale;

/** The findings the synthetic chest radiographs carry; codes are the label columns of a pack. */
public enum ChestXrayFinding {
    /** A round opacity of 9 to 15 mm radius (18 to 30 mm across) inside a lung field. */
    NODULE,
    /** A large patchy opacity inside a lung field. */
    CONSOLIDATION,
    /** Fluid filling a lung base with a meniscus; the aerated lung field shrinks. */
    EFFUSION,
    /** A darker rim without lung markings at the apex and lateral side, with a pleural line. */
    PNEUMOTHORAX,
    /** A heart wider than half the thorax (cardiothoracic ratio above 0.5). */
    CARDIOMEGALY;

    /** @return the label code, lower case, e.g. {@code nodule} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
