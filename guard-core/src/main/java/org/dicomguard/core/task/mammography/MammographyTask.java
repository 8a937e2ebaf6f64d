package org.dicomguard.core.task.mammography;

import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyStatistics;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyStudyPreparer;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.List;

/**
 * Four-view screening mammography: L-CC, L-MLO, R-CC, R-MLO become a [4, H, W] model input; the
 * gate checks each view. Registered in {@code META-INF/services/org.dicomguard.core.task.TaskDefinition}.
 * Stateless and thread-safe.
 */
public final class MammographyTask implements TaskDefinition {

    /** The task name, as in the bundle manifest and on the command line. */
    public static final String NAME = "mammography";

    /** Creates the definition (the registry does this once). */
    public MammographyTask() {
        // stateless
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<MammographyPreprocessingConfig> configType() {
        return MammographyPreprocessingConfig.class;
    }

    @Override
    public MammographyPreprocessingConfig defaultConfig() {
        return MammographyPreprocessingConfig.defaults();
    }

    @Override
    public MammographyPreprocessingConfig configFromJson(String json) {
        return MammographyPreprocessingConfig.fromJson(json);
    }

    @Override
    public StudyPreparer preparer(PreprocessingConfig config, StudyCompositionPolicy policy) {
        return new MammographyStudyPreparer(requireConfig(config, configType()), policy);
    }

    @Override
    public long[] modelInputShape(PreprocessingConfig config) {
        MammographyPreprocessingConfig m = requireConfig(config, configType());
        return new long[]{MammographyStudyPreparer.VIEW_ORDER.size(), m.modelInputHeightPixels(), m.modelInputWidthPixels()};
    }

    @Override
    public List<String> statisticNames() {
        return MammographyStatistics.NAMES;
    }

    @Override
    public HeaderRuleSet headerRulePreset() {
        return HeaderRuleSet.mammography();
    }

    @Override
    public StudyCompositionPolicy defaultStudyComposition() {
        return MammographyStudyPreparer.DEFAULT_POLICY;
    }

    @Override
    public List<String> viewNames() {
        return MammographyStudyPreparer.VIEW_ORDER;
    }

    @Override
    public int gatedImagesPerStudy() {
        return MammographyStudyPreparer.VIEW_ORDER.size();
    }

    /** @return (SCT 71651007, "Mammography") */
    @Override
    public CodedConcept procedureReported() {
        return new CodedConcept("SCT", "71651007", "Mammography");
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
