package org.dicomguard.core.task.chestxray;

import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.List;

/**
 * Chest radiograph: one frontal image of the study becomes a [1, H, W] model input ({@link ChestXrayStudyPreparer});
 * the gate checks that image. Registered in {@code META-INF/services/org.dicomguard.core.task.TaskDefinition}.
 * Stateless and thread-safe.
 */
public final class ChestXrayTask implements TaskDefinition {

    /** The task name, as in the bundle manifest and on the command line. */
    public static final String NAME = "chest-xray";

    /** Creates the definition (the registry does this once). */
    public ChestXrayTask() {
        // stateless
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ChestXrayPreprocessingConfig> configType() {
        return ChestXrayPreprocessingConfig.class;
    }

    @Override
    public ChestXrayPreprocessingConfig defaultConfig() {
        return ChestXrayPreprocessingConfig.defaults();
    }

    @Override
    public ChestXrayPreprocessingConfig configFromJson(String json) {
        return ChestXrayPreprocessingConfig.fromJson(json);
    }

    @Override
    public StudyPreparer preparer(PreprocessingConfig config, StudyCompositionPolicy policy) {
        return new ChestXrayStudyPreparer(requireConfig(config, configType()));
    }

    @Override
    public long[] modelInputShape(PreprocessingConfig config) {
        return ChestXrayStudyPreparer.inputShape(requireConfig(config, configType()));
    }

    @Override
    public List<String> statisticNames() {
        return ChestXrayStatistics.NAMES;
    }

    @Override
    public HeaderRuleSet headerRulePreset() {
        return ChestXrayHeaderRules.preset();
    }

    @Override
    public StudyCompositionPolicy defaultStudyComposition() {
        return StudyCompositionPolicy.seriesDefault();
    }

    @Override
    public List<String> viewNames() {
        return List.of();
    }

    @Override
    public int gatedImagesPerStudy() {
        return 1;
    }

    /** @return (SCT 413815006, "Chest imaging") */
    @Override
    public CodedConcept procedureReported() {
        return new CodedConcept("SCT", "413815006", "Chest imaging");
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass();
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
