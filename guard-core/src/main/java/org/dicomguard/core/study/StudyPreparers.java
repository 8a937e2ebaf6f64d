package org.dicomguard.core.study;

import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.ChestCtStatistics;
import org.dicomguard.core.preprocess.InputStatistic;
import org.dicomguard.core.preprocess.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyStatistics;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayStatistics;
import org.dicomguard.core.task.chestxray.ChestXrayStudyPreparer;
import org.dicomguard.ood.InputStatistics;

import java.util.List;

/** The task's {@link StudyPreparer} for a preprocessing config: the one choice both Pipeline and training tooling make. */
public final class StudyPreparers {

    private StudyPreparers() {
    }

    /**
     * @param config a task's preprocessing config
     * @return the preparer for it
     */
    public static StudyPreparer of(PreprocessingConfig config) {
        return of(config, config instanceof MammographyPreprocessingConfig
                ? StudyCompositionPolicy.mammographyDefault() : StudyCompositionPolicy.seriesDefault());
    }

    /**
     * @param config a task's preprocessing config
     * @param policy the bundle's study composition policy
     * @return the preparer for both
     */
    public static StudyPreparer of(PreprocessingConfig config, StudyCompositionPolicy policy) {
        if (config instanceof ChestXrayPreprocessingConfig x) {
            return new ChestXrayStudyPreparer(x);
        }
        return config instanceof MammographyPreprocessingConfig m
                ? new MammographyStudyPreparer(m, policy)
                : new ChestCtStudyPreparer((ChestCtPreprocessingConfig) config);
    }

    /**
     * @param config a task's preprocessing config
     * @return the model input shape without the batch dimension: [4, H, W], [1, D, H, W] or [1, H, W]
     */
    public static long[] inputShape(PreprocessingConfig config) {
        if (config instanceof ChestXrayPreprocessingConfig x) {
            return ChestXrayStudyPreparer.inputShape(x);
        }
        if (config instanceof MammographyPreprocessingConfig m) {
            return new long[]{MammographyStudyPreparer.VIEW_ORDER.size(), m.modelInputHeightPixels(),
                    m.modelInputWidthPixels()};
        }
        ChestCtPreprocessingConfig c = (ChestCtPreprocessingConfig) config;
        return new long[]{1, c.targetGridDepthVoxels(), c.targetGridHeightVoxels(), c.targetGridWidthVoxels()};
    }

    /**
     * @param config a task's preprocessing config
     * @return the names of the input statistics its preprocessing emits per gated image, in order
     */
    public static List<String> statisticNames(PreprocessingConfig config) {
        if (config instanceof ChestXrayPreprocessingConfig) {
            return ChestXrayStatistics.NAMES;
        }
        return config instanceof MammographyPreprocessingConfig ? MammographyStatistics.NAMES : ChestCtStatistics.NAMES;
    }

    /**
     * @param values one image's statistics from preprocessing, in order
     * @return the same values as the gate reads them
     */
    public static InputStatistics gateStatistics(List<InputStatistic> values) {
        InputStatistics.Builder builder = InputStatistics.builder();
        for (InputStatistic s : values) {
            builder.add(s.name(), s.unit(), s.value());
        }
        return builder.build();
    }
}
