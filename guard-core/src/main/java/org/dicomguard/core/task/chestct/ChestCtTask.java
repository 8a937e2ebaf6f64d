package org.dicomguard.core.task.chestct;

import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtStatistics;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtStudyPreparer;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.List;

/**
 * Chest CT: the study's chosen series becomes a [1, D, H, W] volume; the gate checks the volume
 * once. Registered in {@code META-INF/services/org.dicomguard.core.task.TaskDefinition}.
 * Stateless and thread-safe.
 */
public final class ChestCtTask implements TaskDefinition {

    /** The task name, as in the bundle manifest and on the command line. */
    public static final String NAME = "chest-ct";

    /** Creates the definition (the registry does this once). */
    public ChestCtTask() {
        // stateless
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<ChestCtPreprocessingConfig> configType() {
        return ChestCtPreprocessingConfig.class;
    }

    @Override
    public ChestCtPreprocessingConfig defaultConfig() {
        return ChestCtPreprocessingConfig.defaults();
    }

    @Override
    public ChestCtPreprocessingConfig configFromJson(String json) {
        return ChestCtPreprocessingConfig.fromJson(json);
    }

    @Override
    public StudyPreparer preparer(PreprocessingConfig config, StudyCompositionPolicy policy) {
        return new ChestCtStudyPreparer(requireConfig(config, configType()));
    }

    @Override
    public long[] modelInputShape(PreprocessingConfig config) {
        ChestCtPreprocessingConfig c = requireConfig(config, configType());
        return new long[]{1, c.targetGridDepthVoxels(), c.targetGridHeightVoxels(), c.targetGridWidthVoxels()};
    }

    @Override
    public List<String> statisticNames() {
        return ChestCtStatistics.NAMES;
    }

    @Override
    public HeaderRuleSet headerRulePreset() {
        return HeaderRuleSet.chestCt();
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
