package org.dicomguard.core.study;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.preprocess.MammographyPreprocessed;
import org.dicomguard.core.preprocess.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyPreprocessor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Mammography: up to four views (L-CC, L-MLO, R-CC, R-MLO) become the four channels of one
 * [1, 4, H, W] model input; a missing view is an all-zero channel.
 *
 * <p>Design note: a view is placed by ImageLaterality (or Laterality) and ViewPosition; images
 * that name another view (ML, XCCL...) or none are not used, and a second image for a slot
 * already filled is ignored (the first in file order wins), so the result is deterministic.
 * {@link MammographyPreprocessor} reuses scratch buffers and is not thread-safe, so instances
 * are pooled: at most one per concurrent study, reused across studies.
 */
public final class MammographyStudyPreparer implements StudyPreparer {

    /** Channel order of the model input. */
    public static final List<String> VIEW_ORDER = List.of("L-CC", "L-MLO", "R-CC", "R-MLO");

    private final MammographyPreprocessingConfig config;
    private final ConcurrentLinkedQueue<MammographyPreprocessor> pool = new ConcurrentLinkedQueue<>();

    /** @param config the bundle's preprocessing config */
    public MammographyStudyPreparer(MammographyPreprocessingConfig config) {
        this.config = config;
    }

    /** @return floats of one model input: 4 x height x width */
    public int modelInputLength() {
        return VIEW_ORDER.size() * config.modelInputHeightPixels() * config.modelInputWidthPixels();
    }

    @Override
    public PreparedStudy prepare(List<StudyImage> images) throws DicomException, UnusableStudyException {
        StudyImage[] slots = new StudyImage[VIEW_ORDER.size()];
        for (StudyImage image : images) {
            int slot = VIEW_ORDER.indexOf(slotOf(image.dataSet()));
            if (slot >= 0 && slots[slot] == null) {
                slots[slot] = image;
            }
        }
        int plane = config.modelInputHeightPixels() * config.modelInputWidthPixels();
        float[] input = new float[modelInputLength()];
        List<PreparedStudy.GatedImage> gated = new ArrayList<>();
        MammographyPreprocessor preprocessor = borrow();
        try {
            for (int slot = 0; slot < slots.length; slot++) {
                if (slots[slot] == null) {
                    continue;
                }
                MammographyPreprocessed result = preprocessor.preprocess(DicomInputs.mammography(slots[slot].file()));
                if (!result.breastFound()) {
                    throw new UnusableStudyException("NO_BREAST_FOUND", "view " + VIEW_ORDER.get(slot)
                            + ": preprocessing found no breast against air (blank, saturated or not a mammogram)");
                }
                System.arraycopy(result.tensorChw(), 0, input, slot * plane, plane);
                gated.add(new PreparedStudy.GatedImage(VIEW_ORDER.get(slot),
                        DicomInputs.headerFacts(slots[slot].dataSet()), StudyPreparers.gateStatistics(result.statistics())));
            }
        } finally {
            pool.offer(preprocessor);
        }
        if (gated.isEmpty()) {
            throw new UnusableStudyException("NO_USABLE_VIEW", images.size() + " image(s), none with ImageLaterality L/R"
                    + " and ViewPosition CC/MLO");
        }
        return new PreparedStudy(input, gated);
    }

    private MammographyPreprocessor borrow() {
        MammographyPreprocessor p = pool.poll();
        return p != null ? p : new MammographyPreprocessor(config);
    }

    private static String slotOf(Attributes ds) {
        String laterality = ds.getString(Tag.ImageLaterality).or(() -> ds.getString(Tag.Laterality)).orElse("").trim();
        return laterality + "-" + ds.getString(Tag.ViewPosition, "").trim();
    }
}
