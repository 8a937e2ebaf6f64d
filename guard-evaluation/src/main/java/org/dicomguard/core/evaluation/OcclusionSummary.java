package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the model looked in one study: per pathology, the probability on the study's own model
 * input, with everything outside the organ taken from another study of the pack (the donor), and
 * with the organ taken from the donor instead. Made by
 * {@link OcclusionProbe}; {@link OcclusionReport} aggregates many; {@link #captionLines()} is what
 * review sheets print under a study's picture.
 *
 * @param organ        the organ of the mask, e.g. "lung" or "breast"
 * @param organFraction share of the model input's values inside the organ, in [0, 1]
 * @param pathologies  per pathology code, in the bundle's order; copied
 */
public record OcclusionSummary(String organ, double organFraction, Map<String, Shift> pathologies) {

    /** Copies the map, keeping its order. */
    public OcclusionSummary {
        pathologies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pathologies));
    }

    /**
     * One pathology's probability under the three inputs.
     *
     * @param probability               on the unchanged model input
     * @param outsideSwappedProbability with everything outside the organ taken from the donor
     * @param organSwappedProbability   with the organ taken from the donor
     */
    public record Shift(double probability, double outsideSwappedProbability, double organSwappedProbability) {

        /** @return |probability - outsideSwapped|: how far the output moves when the outside is replaced */
        public double changeOutsideSwapped() {
            return Math.abs(probability - outsideSwappedProbability);
        }

        /** @return |probability - organSwapped|: how far the output moves when the organ is replaced */
        public double changeOrganSwapped() {
            return Math.abs(probability - organSwappedProbability);
        }
    }

    /**
     * @return a header and one line per pathology, e.g. {@code "effusion 12% outside thorax (p 0.810,
     *         outside swapped 0.790, thorax swapped 0.310)"}; the share is this study's
     *         {@link OcclusionReport#outsideShare(double, double)}
     */
    public List<String> captionLines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "where the model looks (%s = %.0f%% of the input):", organ,
                100 * organFraction));
        pathologies.forEach((code, s) -> {
            double share = OcclusionReport.outsideShare(s.changeOutsideSwapped(), s.changeOrganSwapped());
            lines.add(String.format(Locale.ROOT, "%s %s outside %s (p %.3f, outside swapped %.3f, %s swapped %.3f)",
                    code, Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100 * share), organ,
                    s.probability(), s.outsideSwappedProbability(), organ, s.organSwappedProbability()));
        });
        return lines;
    }
}
