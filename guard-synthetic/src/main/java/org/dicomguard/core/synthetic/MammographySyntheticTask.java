package org.dicomguard.core.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.task.mammography.MammographyTask;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic facet of the {@code mammography} task: four-view studies (L-CC, L-MLO, R-CC, R-MLO as
 * images 1..4), labels {@code mass} and {@code calcification}; each OOD study holds two images of
 * its kind (CC and MLO of one side) with the header the generator gives (MG for most kinds, CT or
 * DX for {@code ct-slice}, {@code knee-radiograph}, {@code hand-radiograph}). Stateless.
 */
public final class MammographySyntheticTask implements SyntheticPackTask {

    /** Rows of a small synthetic mammogram. */
    public static final int SMALL_ROWS = 512;
    /** Columns of a small synthetic mammogram. */
    public static final int SMALL_COLUMNS = 416;

    /** Creates the facet (the service loader does this). */
    public MammographySyntheticTask() {
        // stateless
    }

    @Override
    public String code() {
        return MammographyTask.NAME;
    }

    @Override
    public List<String> pathologyCodes() {
        return List.of(SyntheticLesion.MASS, SyntheticLesion.CALCIFICATION);
    }

    @Override
    public List<String> oodKindCodes() {
        List<String> codes = new ArrayList<>();
        for (MammographySyntheticKind kind : MammographySyntheticKind.values()) {
            if (kind != MammographySyntheticKind.BREAST) {
                codes.add(SyntheticPackTask.kindCode(kind));
            }
        }
        return List.copyOf(codes);
    }

    /**
     * @param size a size preset
     * @return the generator options of that size: 512 x 416 pixels, or the realistic detector sizes
     *         ({@link MammographySyntheticSize#REALISTIC}); other options at their defaults
     */
    public static MammographySyntheticOptions options(SyntheticPackSize size) {
        MammographySyntheticOptions defaults = MammographySyntheticOptions.defaults();
        return size == SyntheticPackSize.REALISTIC ? defaults
                : defaults.withImageSize(MammographySyntheticSize.fixed(SMALL_ROWS, SMALL_COLUMNS));
    }

    @Override
    public ObjectNode generatorOptionsJson(SyntheticPackSize size) {
        MammographySyntheticOptions o = options(size);
        ObjectNode node = StrictJson.mapper().createObjectNode();
        node.put("generator", MammographySyntheticGenerator.class.getSimpleName());
        node.put("imageRows", o.imageSize().rows());
        node.put("imageColumns", o.imageSize().columns());
        node.put("imageSizeRealistic", o.imageSize().isRealistic());
        node.put("massPrevalenceFraction", o.massPrevalenceFraction());
        node.put("calcificationPrevalenceFraction", o.calcificationPrevalenceFraction());
        node.put("monochrome1Fraction", o.monochrome1Fraction());
        node.put("sideMarkerEnabled", o.sideMarkerEnabled());
        node.put("noiseSigmaFraction", o.noiseSigmaFraction());
        return node;
    }

    /** @return 0.01 of range (the generator adds 0.012 of the stored range) */
    @Override
    public AddedNoise comparableAddedNoise() {
        return new AddedNoise(0.01, "0.01 of range");
    }

    @Override
    public StudyMaker studyMaker(SyntheticPackWriter.PackSink pack) {
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(options(pack.options().size()));
        return (index, oodKind) -> oodKind == null ? labelled(pack, generator, index)
                : outOfDistribution(pack, generator, index, oodKind);
    }

    private static SyntheticPackWriter.StudyRecord labelled(SyntheticPackWriter.PackSink pack,
                                                            MammographySyntheticGenerator generator, int index)
            throws java.io.IOException {
        MammographySyntheticStudy study = generator.study(pack.options().seed(), index);
        List<SyntheticImageHeader> headers = new ArrayList<>();
        List<short[]> pixels = new ArrayList<>();
        for (MammographySyntheticImage view : study.views()) {
            headers.add(view.header());
            pixels.add(view.storedValues());
        }
        long bytes = pack.writeProjectionStudy(index, headers, pixels);
        return new SyntheticPackWriter.StudyRecord(index, pack.studyUid(index), "breast", false,
                List.copyOf(study.pathologyCodes()), headers.size(), bytes);
    }

    private static SyntheticPackWriter.StudyRecord outOfDistribution(SyntheticPackWriter.PackSink pack,
                                                                     MammographySyntheticGenerator generator, int index,
                                                                     String kindCode) throws java.io.IOException {
        MammographySyntheticKind kind = MammographySyntheticKind.valueOf(SyntheticPackTask.kindName(kindCode));
        SplittableRandom random = new SplittableRandom(pack.oodSeed(index));
        String side = random.nextBoolean() ? "L" : "R";
        List<SyntheticImageHeader> headers = new ArrayList<>();
        List<short[]> pixels = new ArrayList<>();
        for (String view : List.of("CC", "MLO")) {
            MammographySyntheticImage image = generator.image(kind, random.nextLong());
            SyntheticImageHeader header = image.header();
            // Kinds whose generator header claims MG get this study's side and view, like a real
            // mislabelled study; CT and DX headers stay as the generator made them.
            headers.add("MG".equals(header.modality()) ? header.asMammography(side, view) : header);
            pixels.add(image.storedValues());
        }
        long bytes = pack.writeProjectionStudy(index, headers, pixels);
        return new SyntheticPackWriter.StudyRecord(index, pack.studyUid(index), kindCode, true, List.of(),
                headers.size(), bytes);
    }
}
