package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.ChestCtPreprocessingResult;
import org.dicomguard.core.preprocess.ChestCtPreprocessor;
import org.dicomguard.core.preprocess.CtSeriesAssembler;
import org.dicomguard.core.preprocess.CtSliceInput;
import org.dicomguard.core.preprocess.CtVolume;
import org.dicomguard.core.preprocess.SeriesAssemblyException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chest CT: one series of the study becomes a [1, 1, D, H, W] model input.
 *
 * <p>Design note: a study may hold several series (scout, other reconstructions); the series
 * with the most slices is used and the others are ignored, since the lung-mask preprocessing
 * refuses mixed series anyway. Series assembly refusals (inconsistent spacing, duplicate
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
        Map<String, List<StudyImage>> bySeries = new LinkedHashMap<>();
        for (StudyImage f : images) {
            bySeries.computeIfAbsent(f.dataSet().getString(Tag.SeriesInstanceUID, ""), k -> new ArrayList<>()).add(f);
        }
        List<StudyImage> series = bySeries.values().stream()
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElseThrow();
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
        return new PreparedStudy(result.tensor(), List.of(new PreparedStudy.GatedImage("series",
                DicomInputs.headerFacts(series.get(0).dataSet()), StudyPreparers.gateStatistics(result.statistics()))));
    }
}
