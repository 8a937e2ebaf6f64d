package org.dicomguard.samples.cli;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.evaluation.OcclusionProbe;
import org.dicomguard.core.evaluation.OcclusionSummary;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyFiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Where the model looks" on review sheets: each predicted study is probed
 * ({@link OcclusionProbe}) with the previous predicted study of the sheet as donor, and its
 * {@link OcclusionSummary#captionLines()} go under its picture on the contact sheet. The first
 * predicted study has no donor yet and says so. Not thread-safe (one review run).
 */
final class ReviewOcclusion implements AutoCloseable {

    static final String FIRST_STUDY_LINE = "where the model looks: measured from the second predicted study on"
            + " (each study's surroundings are swapped with the previous study's)";

    private final OcclusionProbe probe;
    private PreparedStudy previous;

    private ReviewOcclusion(OcclusionProbe probe) {
        this.probe = probe;
    }

    /**
     * @param pipeline the review's Pipeline (its bundle, preparer and reader)
     * @return a probe over that bundle; close it
     */
    static ReviewOcclusion open(Pipeline pipeline) throws BundleLoadException, ModelLoadException {
        return new ReviewOcclusion(new OcclusionProbe(pipeline.bundle(), pipeline.preparer(), pipeline.reader()));
    }

    /**
     * @param group  the study
     * @param result its result
     * @return the study's occlusion lines; empty unless it is a prediction with an organ mask
     */
    List<String> lines(StudyFiles group, GuardResult result) {
        if (!(result instanceof Prediction)) {
            return List.of();
        }
        Optional<PreparedStudy> prepared = probe.prepare(group);
        if (prepared.isEmpty()) {
            return List.of();
        }
        PreparedStudy donor = previous;
        previous = prepared.get();
        if (donor == null) {
            return List.of(FIRST_STUDY_LINE);
        }
        return probe.probe(prepared.get(), donor).map(OcclusionSummary::captionLines).orElse(List.of());
    }

    /**
     * @param resultLines the study's result lines
     * @param occlusion   its occlusion lines
     * @return both, for the contact sheet caption
     */
    static List<String> caption(List<String> resultLines, List<String> occlusion) {
        List<String> lines = new ArrayList<>(resultLines);
        lines.addAll(occlusion);
        return lines;
    }

    @Override
    public void close() {
        probe.close();
    }
}
