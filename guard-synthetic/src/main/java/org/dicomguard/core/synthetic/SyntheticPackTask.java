package org.dicomguard.core.synthetic;

import org.dicomguard.core.synthetic.chestxray.ChestXrayFinding;
import org.dicomguard.core.synthetic.chestxray.ChestXrayOodKind;

import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The task a synthetic pack is made for, with its label columns and its out-of-distribution kinds.
 *
 * <p>Codes are lower case with dashes, as on the command line and in {@code pack.json}:
 * {@code mammography}, {@code chest-ct}; OOD kinds like {@code bottle-phantom}.
 */
public enum SyntheticPackTask {
    /** Four-view screening mammography; labels {@code mass}, {@code calcification}. */
    MAMMOGRAPHY("mammography"),
    /** Chest CT series; labels {@code nodule}, {@code ground-glass}, {@code effusion}. */
    CHEST_CT("chest-ct"),
    /** Frontal chest radiograph; labels {@code nodule}, {@code consolidation}, {@code effusion}, {@code pneumothorax}, {@code cardiomegaly}. */
    CHEST_XRAY("chest-xray");

    private final String code;

    SyntheticPackTask(String code) {
        this.code = code;
    }

    /** @return the stable lower-case code, e.g. {@code chest-ct} */
    public String code() {
        return code;
    }

    /**
     * @param code {@code mammography}, {@code chest-ct} or {@code chest-xray}
     * @return the task
     * @throws IllegalArgumentException for any other code, naming the allowed ones
     */
    public static SyntheticPackTask fromCode(String code) {
        for (SyntheticPackTask task : values()) {
            if (task.code.equals(code)) {
                return task;
            }
        }
        throw new IllegalArgumentException("task must be one of mammography, chest-ct, chest-xray, got " + code);
    }

    /** @return the label columns of {@code labels.csv}, in column order, taken from the generator */
    public List<String> pathologyCodes() {
        if (this == MAMMOGRAPHY) {
            return List.of(SyntheticLesion.MASS, SyntheticLesion.CALCIFICATION);
        }
        if (this == CHEST_XRAY) {
            return Arrays.stream(ChestXrayFinding.values()).map(ChestXrayFinding::code).toList();
        }
        List<String> codes = new ArrayList<>();
        for (ChestCtPathology pathology : ChestCtPathology.values()) {
            codes.add(pathology.code());
        }
        return List.copyOf(codes);
    }

    /** @return every out-of-distribution kind code of this task, in generator order, e.g. {@code head-ct} */
    public List<String> oodKindCodes() {
        List<String> codes = new ArrayList<>();
        if (this == CHEST_XRAY) {
            for (ChestXrayOodKind kind : ChestXrayOodKind.values()) {
                codes.add(kind.code());
            }
        } else if (this == MAMMOGRAPHY) {
            for (MammographySyntheticKind kind : MammographySyntheticKind.values()) {
                if (kind != MammographySyntheticKind.BREAST) {
                    codes.add(kindCode(kind));
                }
            }
        } else {
            for (ChestCtStudyKind kind : ChestCtStudyKind.values()) {
                if (kind.isOutOfDistribution()) {
                    codes.add(kindCode(kind));
                }
            }
        }
        return List.copyOf(codes);
    }

    /** @param kind a generator kind @return its code: lower case, underscores as dashes */
    static String kindCode(Enum<?> kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @param kindCode a code of {@link #oodKindCodes()} @return the enum constant name, e.g. BOTTLE_PHANTOM */
    static String kindName(String kindCode) {
        return kindCode.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
