package org.dicomguard.ood.drift;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the monitor learns about one processed study, built by the Pipeline from its monitoring
 * event. Neutral on purpose (strings and numbers only) and free of patient identifiers: no
 * names, IDs, dates of birth or accession numbers, and no UIDs either.
 *
 * @param timestamp       when the result was produced
 * @param status          the result status, e.g. {@code prediction}, {@code rejected}, {@code failed}
 * @param inputStatistics input statistics by feature name, finite; empty if preprocessing did not run
 * @param probabilities   predicted probabilities by pathology code, in [0, 1]; empty unless a prediction
 * @param rejectionCodes  the stable reason codes of a rejection; empty otherwise
 */
public record StudyObservation(Instant timestamp, String status, Map<String, Double> inputStatistics,
                          Map<String, Float> probabilities, List<String> rejectionCodes) {

    /** Validates values and copies the collections. */
    public StudyObservation {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(status, "status");
        if (status.isBlank()) {
            throw new IllegalArgumentException("status must not be blank");
        }
        inputStatistics = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(inputStatistics,
                "inputStatistics")));
        for (Map.Entry<String, Double> e : inputStatistics.entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("input statistic '" + e.getKey() + "' must be finite, got "
                        + e.getValue());
            }
        }
        probabilities = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(probabilities,
                "probabilities")));
        for (Map.Entry<String, Float> e : probabilities.entrySet()) {
            Float p = e.getValue();
            if (p == null || !(p >= 0f && p <= 1f)) {
                throw new IllegalArgumentException("probability of '" + e.getKey() + "' must be in [0, 1], got " + p);
            }
        }
        rejectionCodes = List.copyOf(Objects.requireNonNull(rejectionCodes, "rejectionCodes"));
    }
}
