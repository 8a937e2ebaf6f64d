package org.dicomguard.core.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.ood.gate.GateDecision;
import org.dicomguard.ood.gate.OodDecision;
import org.dicomguard.ood.gate.OodGate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The OOD gate's view of every study of a synthetic pack: a continuous score and the decision,
 * computed with the Pipeline's own header rules, preprocessing and statistics gate, in the
 * Pipeline's order.
 *
 * <p>The score is the largest Mahalanobis distance over the study's images divided by the
 * calibrated threshold (so a study is rejected by statistics when it exceeds 1). A study that
 * the header rules refuse, or that preprocessing finds unusable (no breast, no lungs), or whose
 * files cannot be read, never reaches the statistics gate and scores {@link #CERTAIN_REJECTION}:
 * the gate is certain about it. Stateless and thread-safe.
 */
public final class GateStudyScores {

    /** Score of a study that is refused before the statistics gate (finite, so ROC code accepts it). */
    public static final double CERTAIN_REJECTION = Double.MAX_VALUE;

    /**
     * One study.
     *
     * @param studyInstanceUid the study's UID
     * @param kind             the pack's kind code ({@code breast}, {@code chest}, or an OOD kind)
     * @param outOfDistribution whether the pack lists it as OOD
     * @param score            largest distance / threshold over its images, or {@link #CERTAIN_REJECTION}
     * @param rejected         whether the Pipeline would not predict it (rejected or failed)
     */
    public record StudyScore(String studyInstanceUid, String kind, boolean outOfDistribution, double score,
                             boolean rejected) {
    }

    private GateStudyScores() {
    }

    /**
     * @param pipeline the bundle's pipeline (its gate and preparer are used; the model is not run)
     * @param pack     a pack written by {@code SyntheticPackWriter} (its {@code pack.json} names each study's kind)
     * @param reader   reader with the limits to apply
     * @return one score per study listed in {@code pack.json}, in pack order
     * @throws IOException when {@code pack.json} cannot be read
     */
    public static List<StudyScore> score(Pipeline pipeline, Path pack, DicomReader reader) throws IOException {
        Objects.requireNonNull(pipeline, "pipeline");
        JsonNode packJson = StrictJson.mapper().readTree(pack.resolve("pack.json").toFile());
        Map<String, StudyFiles> byUid = new HashMap<>();
        for (StudyFiles group : new StudyGrouper(reader).group(List.of(pack))) {
            group.studyInstanceUid().ifPresent(uid -> byUid.put(uid, group));
        }
        List<StudyScore> out = new ArrayList<>();
        for (JsonNode study : packJson.get("studies")) {
            String uid = study.get("studyInstanceUid").asText();
            StudyFiles group = byUid.get(uid);
            double score = group == null || group.headerError().isPresent() ? CERTAIN_REJECTION
                    : score(pipeline, group, reader);
            out.add(new StudyScore(uid, study.get("kind").asText(), study.get("outOfDistribution").asBoolean(),
                    score, score > 1));
        }
        return out;
    }

    private static double score(Pipeline pipeline, StudyFiles group, DicomReader reader) {
        OodGate gate = pipeline.gate();
        try {
            List<StudyImage> images = StudyImage.readHeaders(group.files(), reader);
            for (StudyImage image : images) {
                if (gate.checkHeader(DicomInputs.headerFacts(image.dataSet())).isPresent()) {
                    return CERTAIN_REJECTION;
                }
            }
            PreparedStudy prepared = pipeline.preparer().prepare(images);
            double max = 0;
            for (PreparedStudy.GatedImage image : prepared.images()) {
                OodDecision decision = gate.decide(image.facts(), image.statistics());
                GateDecision stats = decision instanceof OodDecision.Accepted a ? a.statistics()
                        : ((OodDecision.Rejected) decision).statistics().orElse(null);
                if (stats == null) {
                    return CERTAIN_REJECTION;
                }
                double ratio = stats.score() / stats.threshold();
                // A rejection for another reason than statistics (a hard header rule) is certain.
                max = Math.max(max, decision instanceof OodDecision.Rejected && ratio <= 1 ? CERTAIN_REJECTION : ratio);
            }
            return max;
        } catch (DicomException | UnusableStudyException e) {
            return CERTAIN_REJECTION;
        }
    }
}
