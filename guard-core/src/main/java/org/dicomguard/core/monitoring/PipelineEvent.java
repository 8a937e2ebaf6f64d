package org.dicomguard.core.monitoring;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the Pipeline reports about one study, for monitoring and drift detection. It never holds
 * patient identifiers: only UIDs, codes, timings, input statistics and probabilities.
 *
 * @param timestamp        when the result was produced
 * @param bundleId         the bundle that produced it
 * @param studyInstanceUid the study, or "unknown" when no file could be read
 * @param status           "prediction", "rejected" or "failed"
 * @param codes            rejection reason codes or the error code; empty for a prediction
 * @param stageNanos       wall time per stage in nanoseconds, in stage order (read: headers only, headerRules,
 *                         preprocess: pixel reads, decoding and preprocessing, statisticsGate,
 *                         inference, total); copied
 * @param inputStatistics  per image ("L-CC", "series"...), the named input statistics from
 *                         preprocessing in feature order; copied
 * @param probabilities    per-pathology probabilities (prediction only); copied
 * @param oodScore         Mahalanobis score of the statistics gate, NaN when the gate did not run
 */
public record PipelineEvent(
        Instant timestamp,
        String bundleId,
        String studyInstanceUid,
        String status,
        List<String> codes,
        Map<String, Long> stageNanos,
        Map<String, Map<String, Double>> inputStatistics,
        Map<String, Float> probabilities,
        double oodScore) {

    public PipelineEvent {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(bundleId, "bundleId");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        if (!List.of("prediction", "rejected", "failed").contains(status)) {
            throw new IllegalArgumentException("status must be prediction, rejected or failed, got " + status);
        }
        codes = List.copyOf(codes);
        stageNanos = Collections.unmodifiableMap(new LinkedHashMap<>(stageNanos));
        Map<String, Map<String, Double>> byImage = new LinkedHashMap<>();
        inputStatistics.forEach((image, values) -> byImage.put(image, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        inputStatistics = Collections.unmodifiableMap(byImage);
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }
}
