package org.dicomguard.core.task.mammography;

import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.OrganMask;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.StudyIntakeCode;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.contract.ResultCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.task.mammography.ChestWallSide;
import org.dicomguard.core.task.mammography.MammographyPreprocessed;
import org.dicomguard.core.task.mammography.MammographyPreprocessingConfig;
import org.dicomguard.core.task.mammography.MammographyPreprocessor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Mammography: the four views (L-CC, L-MLO, R-CC, R-MLO) become the four channels of one
 * [1, 4, H, W] model input.
 *
 * <p>Design note: which image fills which view, and what a missing, repeated, FOR PROCESSING or
 * contradicting image does, is the bundle's {@link StudyCompositionPolicy}, decided from headers
 * before any pixel is read. A view is zeros only when the policy allows partial studies; a view
 * whose pixels cannot be read fails the run with the reader's code, never a zero channel.
 * {@link MammographyPreprocessor} reuses scratch buffers and is not thread-safe, so instances
 * are pooled: at most one per concurrent study, reused across studies.
 */
public final class MammographyStudyPreparer implements StudyPreparer {

    /** Channel order of the model input. */
    public static final List<String> VIEW_ORDER = List.of("L-CC", "L-MLO", "R-CC", "R-MLO");
    /** The task's default composition: all four views required, no partial studies, FOR PRESENTATION only. */
    public static final StudyCompositionPolicy DEFAULT_POLICY = new StudyCompositionPolicy(VIEW_ORDER, false, false);

    private final MammographyPreprocessingConfig config;
    private final StudyCompositionPolicy policy;
    private final ConcurrentLinkedQueue<MammographyPreprocessor> pool = new ConcurrentLinkedQueue<>();

    /**
     * A preparer with {@link #DEFAULT_POLICY}.
     *
     * @param config the bundle's preprocessing config
     */
    public MammographyStudyPreparer(MammographyPreprocessingConfig config) {
        this(config, DEFAULT_POLICY);
    }

    /**
     * @param config the bundle's preprocessing config
     * @param policy the bundle's study composition policy
     */
    public MammographyStudyPreparer(MammographyPreprocessingConfig config, StudyCompositionPolicy policy) {
        this.config = config;
        this.policy = policy;
    }

    /** @return floats of one model input: 4 x height x width */
    public int modelInputLength() {
        return VIEW_ORDER.size() * config.modelInputHeightPixels() * config.modelInputWidthPixels();
    }

    @Override
    public PreparedStudy prepare(List<StudyImage> images) throws DicomException, UnusableStudyException {
        MammographyComposition.Result composition = MammographyComposition.compose(images, policy);
        StudyImage[] slots = composition.slots();
        int plane = config.modelInputHeightPixels() * config.modelInputWidthPixels();
        float[] input = new float[modelInputLength()];
        byte[] breast = new byte[input.length];
        List<PreparedStudy.GatedImage> gated = new ArrayList<>();
        List<ImageUsed> used = new ArrayList<>();
        Map<String, String> viewByPixelSha256 = new HashMap<>();
        MammographyPreprocessor preprocessor = borrow();
        try {
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot] == null) {
                    continue;
                }
                String view = VIEW_ORDER.get(slot);
                DicomFile file = viewed(view, slots[slot]);
                DicomImage image = decoded(view, file);
                String previous = viewByPixelSha256.putIfAbsent(image.pixelSha256(), view);
                if (previous != null) {
                    throw new UnusableStudyException(StudyIntakeCode.DUPLICATE_IMAGE.name(), "views " + previous
                            + " and " + view + " have identical pixels (the same image in two views)");
                }
                MammographyPreprocessed result = preprocessor.preprocess(DicomInputs.mammography(file, image));
                if (!result.breastFound()) {
                    throw new UnusableStudyException(ResultCode.NO_BREAST_FOUND, "view " + view
                            + ": preprocessing found no breast against air (blank, saturated or not a mammogram)");
                }
                requireChestWallAsOriented(view, slots[slot], result);
                System.arraycopy(result.tensorChw(), 0, input, slot * plane, plane);
                System.arraycopy(result.breastMaskOnTensorGrid(), 0, breast, slot * plane, plane);
                gated.add(new PreparedStudy.GatedImage(view,
                        DicomInputs.headerFacts(slots[slot].dataSet()), StudyPreparers.gateStatistics(result.statistics())));
                used.add(new ImageUsed(view, MammographyComposition.sop(slots[slot])));
            }
        } finally {
            pool.offer(preprocessor);
        }
        if (gated.isEmpty()) {
            throw new UnusableStudyException(ResultCode.NO_USABLE_VIEW, images.size() + " image(s), none with ImageLaterality L/R"
                    + " and ViewPosition CC/MLO");
        }
        return new PreparedStudy(input, gated, used, composition.ignored(),
                Optional.of(new OrganMask(OrganMask.BREAST, breast, 0f)));
    }

    private static DicomFile viewed(String view, StudyImage image) throws DicomException {
        try {
            return image.file();
        } catch (DicomException e) {
            throw new DicomException(e.code(), "view " + view + ", " + e.getMessage(), e);
        }
    }

    private static DicomImage decoded(String view, DicomFile file) throws DicomException {
        try {
            return file.decodeImage();
        } catch (DicomException e) {
            throw new DicomException(e.code(), "view " + view + ": " + e.getMessage(), e);
        }
    }

    /**
     * PatientOrientation's first value is the row direction: "A" (toward the nipple) puts the chest
     * wall at the left edge, "P" at the right edge. The breast mask found it on the other side:
     * the header and the image disagree about the breast, so neither can be trusted.
     */
    private void requireChestWallAsOriented(String view, StudyImage image, MammographyPreprocessed result)
            throws UnusableStudyException {
        String[] orientation = image.dataSet().getStrings(Tag.PatientOrientation);
        if (orientation.length == 0 || orientation[0].isEmpty()) {
            return;
        }
        char rows = orientation[0].charAt(0);
        if (rows != 'A' && rows != 'P') {
            return;
        }
        boolean chestWallRight = result.flippedHorizontally() != (config.canonicalChestWallSide() == ChestWallSide.RIGHT);
        boolean expectedRight = rows == 'P';
        if (chestWallRight != expectedRight) {
            throw new UnusableStudyException(StudyIntakeCode.LATERALITY_CONTRADICTION.name(), "view " + view
                    + ": the chest wall is on the " + (chestWallRight ? "right" : "left") + " edge of the image, but"
                    + " PatientOrientation row direction " + rows + " puts it on the " + (expectedRight ? "right" : "left"));
        }
    }

    private MammographyPreprocessor borrow() {
        MammographyPreprocessor p = pool.poll();
        return p != null ? p : new MammographyPreprocessor(config);
    }
}
