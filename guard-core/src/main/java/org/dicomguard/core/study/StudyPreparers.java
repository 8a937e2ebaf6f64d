package org.dicomguard.core.study;

import org.dicomguard.core.preprocess.InputStatistic;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.TaskRegistry;
import org.dicomguard.ood.InputStatistics;

import java.util.List;

/**
 * The task's {@link StudyPreparer} for a preprocessing config: the one choice both Pipeline and
 * training tooling make, answered by the config's {@link org.dicomguard.core.task.TaskDefinition}.
 */
public final class StudyPreparers {

    private StudyPreparers() {
    }

    /**
     * @param config a task's preprocessing config
     * @return the preparer for it, with the task's default study composition
     * @throws org.dicomguard.core.task.UnknownTaskException when the config's task is not registered
     */
    public static StudyPreparer of(PreprocessingConfig config) {
        return of(config, TaskRegistry.of(config).defaultStudyComposition());
    }

    /**
     * @param config a task's preprocessing config
     * @param policy the bundle's study composition policy
     * @return the preparer for both
     * @throws org.dicomguard.core.task.UnknownTaskException when the config's task is not registered
     */
    public static StudyPreparer of(PreprocessingConfig config, StudyCompositionPolicy policy) {
        return TaskRegistry.of(config).preparer(config, policy);
    }

    /**
     * @param config a task's preprocessing config
     * @return the model input shape without the batch dimension, e.g. [4, H, W], [1, D, H, W] or [1, H, W]
     */
    public static long[] inputShape(PreprocessingConfig config) {
        return TaskRegistry.of(config).modelInputShape(config);
    }

    /**
     * @param config a task's preprocessing config
     * @return the names of the input statistics its preprocessing emits per gated image, in order
     */
    public static List<String> statisticNames(PreprocessingConfig config) {
        return TaskRegistry.of(config).statisticNames();
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
