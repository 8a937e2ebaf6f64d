package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a golden check failed, in three lines a person can act on: only provenance changed (the
 * bundle or library identity, not a result), probabilities moved (how many studies, by how much
 * at most), or statuses changed (which transitions). People re-recorded golden files by habit
 * because a table of field diffs did not say which of these it was.
 *
 * @param provenanceOnlyStudies studies whose only differences are provenance fields
 * @param provenanceFields      provenance field paths that differ, sorted
 * @param probabilityStudies    studies with a moved probability
 * @param largestProbabilityChange largest absolute probability change, 0 when none
 * @param largestChangeField    field path of that change, empty when none
 * @param statusTransitions     "before -> after" to the number of studies, in first-seen order
 * @param otherStudies          studies with other differences (reasons, evidence, added or missing studies)
 */
public record GoldenSummary(int provenanceOnlyStudies, Set<String> provenanceFields, int probabilityStudies,
                            double largestProbabilityChange, String largestChangeField,
                            Map<String, Integer> statusTransitions, int otherStudies) {

    /**
     * Field paths that say who produced a result, not what the result is (with every
     * {@code provenance.*} path); {@code contractVersion} is the writer's format version.
     */
    public static final Set<String> PROVENANCE_FIELDS = Set.of("bundleId", "modelSha256", "contractVersion");

    /** Copies the collections. */
    public GoldenSummary {
        provenanceFields = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(provenanceFields));
        statusTransitions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statusTransitions));
    }

    /**
     * @param diffs the differences of a golden check
     * @return the summary
     */
    public static GoldenSummary of(List<GoldenDiff> diffs) {
        Map<String, List<GoldenDiff>> byStudy = new LinkedHashMap<>();
        for (GoldenDiff d : diffs) {
            byStudy.computeIfAbsent(d.studyInstanceUid(), k -> new ArrayList<>()).add(d);
        }
        int provenanceOnly = 0;
        int probability = 0;
        int other = 0;
        double largest = 0;
        String largestField = "";
        Set<String> provenanceFields = new TreeSet<>();
        Map<String, Integer> transitions = new LinkedHashMap<>();
        for (List<GoldenDiff> studyDiffs : byStudy.values()) {
            boolean onlyProvenance = true;
            boolean moved = false;
            boolean status = false;
            for (GoldenDiff d : studyDiffs) {
                if (isProvenance(d.fieldPath())) {
                    provenanceFields.add(d.fieldPath());
                    continue;
                }
                onlyProvenance = false;
                if (d.fieldPath().equals("status")) {
                    status = true;
                    String transition = d.before().replace("\"", "") + " -> " + d.after().replace("\"", "");
                    transitions.merge(transition, 1, Integer::sum);
                } else if (d.kind() == GoldenDiff.Kind.NUMBER_CHANGED && d.fieldPath().endsWith("probability")) {
                    moved = true;
                    if (d.absoluteChange() > largest) {
                        largest = d.absoluteChange();
                        largestField = d.fieldPath();
                    }
                }
            }
            if (onlyProvenance) {
                provenanceOnly++;
            } else if (moved) {
                probability++;
            } else if (!status) {
                other++;
            }
        }
        return new GoldenSummary(provenanceOnly, provenanceFields, probability, largest, largestField, transitions,
                other);
    }

    private static boolean isProvenance(String path) {
        return PROVENANCE_FIELDS.contains(path) || path.startsWith("provenance.") || path.equals("provenance");
    }

    /** @return one line per cause, most serious first */
    public String render() {
        StringBuilder b = new StringBuilder();
        if (!statusTransitions.isEmpty()) {
            b.append("cause: statuses changed: ");
            List<String> parts = new ArrayList<>();
            statusTransitions.forEach((t, n) -> parts.add(n + " x " + t));
            b.append(String.join(", ", parts)).append('\n');
        }
        if (probabilityStudies > 0) {
            b.append(String.format(Locale.ROOT, "cause: probabilities moved in %d stud%s, largest |change| %.3g (%s)%n",
                    probabilityStudies, probabilityStudies == 1 ? "y" : "ies", largestProbabilityChange,
                    largestChangeField));
        }
        if (otherStudies > 0) {
            b.append("cause: other fields changed in ").append(otherStudies).append(" stud")
                    .append(otherStudies == 1 ? "y" : "ies").append(" (reasons, evidence, added or missing studies)\n");
        }
        if (provenanceOnlyStudies > 0) {
            b.append("cause: only provenance changed in ").append(provenanceOnlyStudies).append(" stud")
                    .append(provenanceOnlyStudies == 1 ? "y" : "ies").append(' ').append(provenanceFields)
                    .append(": results are the same; a new bundle or model file, not a new behaviour\n");
        }
        return b.toString();
    }
}
