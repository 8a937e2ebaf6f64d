package org.dicomguard.core.task.chestxray;

import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.contract.ResultCode;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.preprocess.ThoracicRegion;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.OrganMask;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.StudyIntakeCode;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.core.study.UnusableStudyException;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Chest radiograph: one frontal image of the study becomes a [1, 1, H, W] model input.
 *
 * <p>Composition policy (documented choice): frontal means ViewPosition PA or AP. A study with no
 * frontal image is unusable ({@code NO_FRONTAL_IMAGE}) unless the config accepts a lateral (LL or
 * RL) image. With several candidates the choice does not depend on file order: PA before AP
 * (the standard projection), then the most pixels (Rows x Columns, the full-resolution
 * acquisition before a reduced copy), then the smallest SOPInstanceUID. The other images are not
 * read. A chosen image without lung fields is unusable ({@code NO_LUNG_FIELD_FOUND}).
 *
 * <p>Thread-safe: preprocessors are pooled, one per concurrent study.
 */
public final class ChestXrayStudyPreparer implements StudyPreparer {

    private static final Set<String> FRONTAL = Set.of("PA", "AP");
    private static final Set<String> LATERAL = Set.of("LL", "RL", "LATERAL");

    private final ChestXrayPreprocessingConfig config;
    private final ConcurrentLinkedQueue<ChestXrayPreprocessor> pool = new ConcurrentLinkedQueue<>();

    /** @param config the bundle's preprocessing config */
    public ChestXrayStudyPreparer(ChestXrayPreprocessingConfig config) {
        this.config = config;
    }

    /**
     * @param config a chest radiograph config
     * @return the model input shape without the batch dimension: [1, H, W]
     */
    public static long[] inputShape(ChestXrayPreprocessingConfig config) {
        return new long[]{1, config.modelInputHeightPixels(), config.modelInputWidthPixels()};
    }

    @Override
    public PreparedStudy prepare(List<StudyImage> images) throws DicomException, UnusableStudyException {
        StudyImage chosen = choose(images, config.lateralViewAccepted()).orElseThrow(() -> new UnusableStudyException(
                ResultCode.NO_FRONTAL_IMAGE, images.size() + " image(s), none with ViewPosition PA or AP"
                        + (config.lateralViewAccepted() ? " or a lateral view" : "")));
        ChestXrayPreprocessor preprocessor = pool.poll();
        if (preprocessor == null) {
            preprocessor = new ChestXrayPreprocessor(config);
        }
        ChestXrayPreprocessed result;
        try {
            result = preprocessor.preprocess(ChestXrayInputs.from(chosen.file()));
        } finally {
            pool.offer(preprocessor);
        }
        if (!result.lungFieldFound()) {
            throw new UnusableStudyException(ResultCode.NO_LUNG_FIELD_FOUND, "preprocessing found no lung field inside a body"
                    + " (blank, saturated, a phantom or not a chest radiograph)");
        }
        List<ImageIgnored> ignored = images.stream().filter(i -> i != chosen)
                .map(i -> new ImageIgnored(sop(i), StudyIntakeCode.OTHER_IMAGE.name()))
                .sorted(Comparator.comparing(ImageIgnored::sopInstanceUid)).toList();
        return new PreparedStudy(result.tensor(), List.of(new PreparedStudy.GatedImage(view(chosen.dataSet()),
                DicomInputs.headerFacts(chosen.dataSet()), StudyPreparers.gateStatistics(result.statistics()))),
                List.of(new ImageUsed(view(chosen.dataSet()), sop(chosen))), ignored,
                Optional.of(new OrganMask(OrganMask.THORAX, ThoracicRegion.fromLungs(result.lungMaskOnTensorGrid(), 1,
                        result.tensorHeight(), result.tensorWidth()), 0f)));
    }

    /**
     * The composition policy of the class comment.
     *
     * @param images          the study's images
     * @param lateralAccepted whether a lateral image may be used when no frontal one exists
     * @return the image to use, empty when none qualifies
     */
    public static Optional<StudyImage> choose(List<StudyImage> images, boolean lateralAccepted) {
        Comparator<StudyImage> order = Comparator
                .comparingInt((StudyImage i) -> "PA".equals(view(i.dataSet())) ? 0 : 1)
                .thenComparingLong(i -> -(long) i.dataSet().getInt(Tag.Rows, 0) * i.dataSet().getInt(Tag.Columns, 0))
                .thenComparing(i -> i.dataSet().getString(Tag.SOPInstanceUID, ""));
        Optional<StudyImage> frontal = images.stream().filter(i -> FRONTAL.contains(view(i.dataSet()))).min(order);
        if (frontal.isPresent() || !lateralAccepted) {
            return frontal;
        }
        return images.stream().filter(i -> LATERAL.contains(view(i.dataSet()))).min(order);
    }

    private static String view(Attributes ds) {
        return ds.getString(Tag.ViewPosition, "").trim().toUpperCase(Locale.ROOT);
    }

    private static String sop(StudyImage image) {
        return image.dataSet().getString(Tag.SOPInstanceUID, "");
    }
}
