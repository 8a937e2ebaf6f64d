package org.dicomguard.core.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.task.chestct.ChestCtTask;

import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic facet of the {@code chest-ct} task: one series per study (one file per slice), labels
 * from {@link ChestCtPathology}; each OOD study is one series of its {@link ChestCtStudyKind}.
 * Stateless.
 */
public final class ChestCtSyntheticTask implements SyntheticPackTask {

    /** Creates the facet (the service loader does this). */
    public ChestCtSyntheticTask() {
        // stateless
    }

    @Override
    public String code() {
        return ChestCtTask.NAME;
    }

    @Override
    public List<String> pathologyCodes() {
        List<String> codes = new ArrayList<>();
        for (ChestCtPathology pathology : ChestCtPathology.values()) {
            codes.add(pathology.code());
        }
        return List.copyOf(codes);
    }

    @Override
    public List<String> oodKindCodes() {
        List<String> codes = new ArrayList<>();
        for (ChestCtStudyKind kind : ChestCtStudyKind.values()) {
            if (kind.isOutOfDistribution()) {
                codes.add(SyntheticPackTask.kindCode(kind));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * @param size a size preset
     * @return 128 x 128 x 32 voxels ({@link ChestCtSyntheticOptions#small()}) or 512 x 512 with 100
     *         to 400 slices from three scanner protocols ({@link ChestCtSyntheticOptions#realistic()})
     */
    public static ChestCtSyntheticOptions options(SyntheticPackSize size) {
        return size == SyntheticPackSize.REALISTIC ? ChestCtSyntheticOptions.realistic() : ChestCtSyntheticOptions.small();
    }

    @Override
    public ObjectNode generatorOptionsJson(SyntheticPackSize size) {
        ChestCtSyntheticOptions o = options(size);
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("generator", ChestCtSyntheticGenerator.class.getSimpleName());
        node.put("rows", o.rows());
        node.put("columns", o.columns());
        node.put("sliceCount", o.sliceCount());
        node.put("fieldOfViewMm", o.fieldOfViewMm());
        node.put("scanLengthMm", o.scanLengthMm());
        node.put("pathologyPrevalenceFraction", o.pathologyPrevalenceFraction());
        node.put("noiseSigmaHu", o.noiseSigmaHu());
        if (o.scannerProfilesDrawn()) {
            node.put("scannerProfilesDrawn", true); // sliceCount, fieldOfViewMm, scanLengthMm: per study
        }
        return node;
    }

    /** @return 15 HU (the generator adds 20 HU) */
    @Override
    public AddedNoise comparableAddedNoise() {
        return new AddedNoise(15, "15 HU");
    }

    @Override
    public StudyMaker studyMaker(SyntheticPackWriter.PackSink pack) {
        ChestCtSyntheticOptions options = options(pack.options().size());
        return (index, oodKind) -> {
            ChestCtStudyKind kind = oodKind == null ? ChestCtStudyKind.CHEST
                    : ChestCtStudyKind.valueOf(SyntheticPackTask.kindName(oodKind));
            ChestCtSyntheticStudy study = ChestCtSyntheticGenerator.generate(
                    SyntheticPackWriter.chestCtStudySeed(pack.options().seed(), index), kind, options);
            long bytes = pack.writeCtSeries(index, study);
            List<String> labels = new ArrayList<>();
            for (ChestCtPathology pathology : study.pathologies()) {
                labels.add(pathology.code());
            }
            labels.sort(null);
            return new SyntheticPackWriter.StudyRecord(index, study.studyInstanceUid(), SyntheticPackTask.kindCode(kind),
                    kind.isOutOfDistribution(), List.copyOf(labels), study.slices().size(), bytes);
        };
    }
}
