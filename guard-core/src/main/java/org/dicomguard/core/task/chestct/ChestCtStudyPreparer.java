package org.dicomguard.core.task.chestct;

import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.OrganMask;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyIdentity;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.StudyIntakeCode;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingResult;
import org.dicomguard.core.task.chestct.ChestCtPreprocessor;
import org.dicomguard.core.task.chestct.CtSeriesAssembler;
import org.dicomguard.core.task.chestct.CtSliceInput;
import org.dicomguard.core.task.chestct.CtVolume;
import org.dicomguard.core.task.chestct.SeriesAssemblyException;
import org.dicomguard.core.preprocess.ThoracicRegion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Chest CT: one series of the study becomes a [1, 1, D, H, W] model input.
 *
 * <p>Design note: a study may hold several series (scout, other reconstructions); the series
 * with the most slices is used, ties broken by the smaller SeriesInstanceUID as a string, and the
 * others are listed as ignored ({@code OTHER_SERIES}), since the lung-mask preprocessing refuses
 * mixed series anyway ({@link StudyCompositionPolicy}, step 7). Two instances with one
 * SOPInstanceUID are refused ({@code DUPLICATE_IMAGE}). Series assembly refusals (inconsistent spacing, duplicate
 * positions, too few slices) make the study unusable with the assembler's stable code.
 * Thread-safe: {@link ChestCtPreprocessor} is immutable.
 */
public final class ChestCtStudyPreparer implements StudyPreparer {

    private final ChestCtPreprocessor preprocessor;

    /** @param config the bundle's preprocessing config */
    public ChestCtStudyPreparer(ChestCtPreprocessingConfig config) {
        this.preprocessor = new ChestCtPreprocessor(config);
    }

    @Override
    public PreparedStudy prepare(List<StudyImage> images) throws DicomException, UnusableStudyException {
        List<ImageIgnored> ignored = new ArrayList<>();
        Map<String, Integer> firstBySop = new java.util.HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            StudyImage f = images.get(i);
            Integer previous = firstBySop.putIfAbsent(f.sopInstanceUid(), i);
            if (previous != null) {
                throw new UnusableStudyException(StudyIntakeCode.DUPLICATE_IMAGE.name(), "files " + (previous + 1)
                        + " and " + (i + 1) + " of " + images.size() + " have the same SOPInstanceUID");
            }
            if (seriesUid(f).isEmpty()) {
                ignored.add(new ImageIgnored(f.sopInstanceUid(), StudyIntakeCode.NO_SERIES_INSTANCE_UID.name()));
            }
        }
        Map<String, List<StudyImage>> bySeries = seriesByUid(images);
        List<StudyImage> series = chosen(bySeries).orElseThrow(() -> new UnusableStudyException(
                StudyIntakeCode.MISSING_SERIES.name(), images.size()
                        + " image(s), none with a valid SeriesInstanceUID: no series to use"));
        for (List<StudyImage> other : bySeries.values()) {
            if (other != series) {
                other.forEach(f -> ignored.add(new ImageIgnored(f.sopInstanceUid(),
                        StudyIntakeCode.OTHER_SERIES.name())));
            }
        }
        ignored.sort(Comparator.comparing(ImageIgnored::sopInstanceUid));
        List<CtSliceInput> slices = new ArrayList<>(series.size());
        for (StudyImage f : series) {
            slices.add(DicomInputs.ctSlice(f.file()));
        }
        CtVolume volume;
        try {
            volume = CtSeriesAssembler.assemble(slices, preprocessor.config());
        } catch (SeriesAssemblyException e) {
            throw new UnusableStudyException(e.code().name(), e.getMessage());
        }
        // The decoded slices are in the volume now: let them go before the lung mask allocates
        // its full-volume masks (measured: peak per realistic series 4.2x -> see benchmarks/README.md).
        slices = null;
        ChestCtPreprocessingResult result = preprocessor.preprocess(volume);
        List<ImageUsed> used = new ArrayList<>(series.size());
        series.forEach(f -> used.add(new ImageUsed("series", f.sopInstanceUid())));
        used.sort(Comparator.comparing(ImageUsed::sopInstanceUid));
        return new PreparedStudy(result.tensor(), List.of(new PreparedStudy.GatedImage("series",
                DicomInputs.headerFacts(series.get(0).dataSet()), StudyPreparers.gateStatistics(result.statistics()))),
                used, ignored, Optional.of(new OrganMask(OrganMask.THORAX, ThoracicRegion.fromLungs(result.lungMaskOnTensorGrid(),
                        result.tensorDepth(), result.tensorHeight(), result.tensorWidth()), 0f)));
    }

    /**
     * The composition rule for chest CT, also used to draw the same series the Pipeline read:
     * slices are grouped by a valid SeriesInstanceUID; the series with the most slices is used,
     * ties going to the smaller UID (string order). Slices without a valid series UID belong to none.
     *
     * @param images the study's images (headers suffice)
     * @return the series to use, in the given order within it; empty when no image has a valid series
     */
    public static Optional<List<StudyImage>> chooseSeries(List<StudyImage> images) {
        return chosen(seriesByUid(images));
    }

    private static Optional<List<StudyImage>> chosen(Map<String, List<StudyImage>> bySeries) {
        // TreeMap: ascending UID; max keeps the first of equal counts.
        return bySeries.values().stream().max(Comparator.<List<StudyImage>>comparingInt(List::size));
    }

    private static Map<String, List<StudyImage>> seriesByUid(List<StudyImage> images) {
        Map<String, List<StudyImage>> bySeries = new TreeMap<>();
        for (StudyImage f : images) {
            seriesUid(f).ifPresent(uid -> bySeries.computeIfAbsent(uid, k -> new ArrayList<>()).add(f));
        }
        return bySeries;
    }

    private static Optional<String> seriesUid(StudyImage image) {
        String[] series = image.dataSet().getStrings(Tag.SeriesInstanceUID);
        return series.length == 1 && StudyIdentity.isValidUid(series[0]) ? Optional.of(series[0]) : Optional.empty();
    }
}
