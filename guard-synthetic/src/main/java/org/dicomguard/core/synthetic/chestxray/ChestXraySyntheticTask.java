package org.dicomguard.core.synthetic.chestxray;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.SyntheticPackSize;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.core.task.chestxray.ChestXrayTask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Synthetic facet of the {@code chest-xray} task: one frontal image per study with labels from
 * {@link ChestXrayFinding}; an OOD study is one image of its {@link ChestXrayOodKind}. Stateless.
 */
public final class ChestXraySyntheticTask implements SyntheticPackTask {

    /** Creates the facet (the service loader does this). */
    public ChestXraySyntheticTask() {
        // stateless
    }

    @Override
    public String code() {
        return ChestXrayTask.NAME;
    }

    @Override
    public List<String> pathologyCodes() {
        return Arrays.stream(ChestXrayFinding.values()).map(ChestXrayFinding::code).toList();
    }

    @Override
    public List<String> oodKindCodes() {
        return Arrays.stream(ChestXrayOodKind.values()).map(ChestXrayOodKind::code).toList();
    }

    /**
     * @param size a size preset
     * @return the generator options of that size: 448 to 512 or 2000 to 3000 pixels a side
     */
    public static ChestXraySyntheticOptions options(SyntheticPackSize size) {
        return size == SyntheticPackSize.REALISTIC ? ChestXraySyntheticOptions.realistic() : ChestXraySyntheticOptions.small();
    }

    @Override
    public ObjectNode generatorOptionsJson(SyntheticPackSize size) {
        ChestXraySyntheticOptions o = options(size);
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("generator", ChestXraySyntheticGenerator.class.getSimpleName());
        node.put("minSidePixels", o.minSidePixels());
        node.put("maxSidePixels", o.maxSidePixels());
        node.put("minPixelSpacingMm", o.minPixelSpacingMm());
        node.put("maxPixelSpacingMm", o.maxPixelSpacingMm());
        node.put("findingPrevalenceFraction", o.findingPrevalenceFraction());
        node.put("monochrome1Fraction", o.monochrome1Fraction());
        return node;
    }

    /** @return 0.01 of range (a fraction of the stored range, like mammography) */
    @Override
    public AddedNoise comparableAddedNoise() {
        return new AddedNoise(0.01, "0.01 of range");
    }

    @Override
    public StudyMaker studyMaker(SyntheticPackWriter.PackSink pack) {
        ChestXraySyntheticGenerator generator = new ChestXraySyntheticGenerator(options(pack.options().size()));
        return (index, oodKind) -> {
            ChestXraySyntheticImage image = oodKind == null ? generator.study(pack.options().seed(), index)
                    : ChestXrayOodImages.render(generator, ChestXrayOodKind.fromCode(oodKind), pack.oodSeed(index));
            long bytes = pack.writeProjectionStudy(index, List.of(image.header()), List.of(image.storedValues()));
            List<String> labels = new ArrayList<>();
            image.findings().forEach(f -> labels.add(f.code()));
            labels.sort(null);
            return new SyntheticPackWriter.StudyRecord(index, pack.studyUid(index), image.kind(), oodKind != null,
                    List.copyOf(labels), 1, bytes);
        };
    }
}
