package org.dicomguard.contract.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of one kit run: how many crafted results went through the adapter, and every fault
 * found.
 *
 * <p>The constructor copies the list.
 *
 * @param resultsChecked number of crafted results sent through the adapter
 * @param findings every fault, in the order found; empty when the adapter is faithful
 */
public record KitReport(int resultsChecked, List<KitFinding> findings) {

    private static final int MAX_LISTED_FINDINGS = 40;

    /**
     * Copies the findings.
     *
     * @param resultsChecked the {@code resultsChecked} component
     * @param findings the {@code findings} component, not modified
     * @throws NullPointerException when findings is or contains null
     */
    public KitReport {
        findings = List.copyOf(findings);
    }

    /** @return true when no fault was found */
    public boolean faithful() {
        return findings.isEmpty();
    }

    /** @return the kinds of fault found, most frequent first (ties in {@link FaultKind} order) */
    public List<FaultKind> faultKinds() {
        Map<FaultKind, Integer> counts = counts();
        List<FaultKind> kinds = new ArrayList<>(counts.keySet());
        kinds.sort(Comparator.comparing((FaultKind k) -> -counts.get(k)).thenComparing(Enum::ordinal));
        return kinds;
    }

    /**
     * @return a plain explanation for a failure message: each kind of fault with its count, one
     *         example and why it matters, then the findings one per line; "faithful" when none
     */
    public String explanation() {
        if (faithful()) {
            return "The adapter is faithful to DICOM Guard output contract v1: all " + resultsChecked
                    + " crafted results reached the client unchanged.";
        }
        Map<FaultKind, Integer> counts = counts();
        Set<String> affected = new LinkedHashSet<>();
        findings.forEach(f -> affected.add(f.resultName()));
        StringBuilder text = new StringBuilder("The adapter is NOT faithful to DICOM Guard output contract v1: ")
                .append(counts.size()).append(counts.size() == 1 ? " kind" : " kinds").append(" of fault in ")
                .append(affected.size()).append(" of ").append(resultsChecked).append(" crafted results.\n");
        int rank = 1;
        for (FaultKind kind : faultKinds()) {
            KitFinding example = findings.stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
            text.append(rank++).append(". ").append(kind).append(" (").append(counts.get(kind))
                    .append(counts.get(kind) == 1 ? " value" : " values").append("): ").append(kind.summary())
                    .append(". Example: result '").append(example.resultName()).append("', ")
                    .append(example.field()).append(": ").append(example.explanation())
                    .append(". Why it matters: ").append(kind.whyItMatters()).append(".\n");
        }
        text.append("Findings:\n");
        findings.stream().limit(MAX_LISTED_FINDINGS).forEach(f -> text.append("  ").append(f).append('\n'));
        if (findings.size() > MAX_LISTED_FINDINGS) {
            text.append("  … and ").append(findings.size() - MAX_LISTED_FINDINGS).append(" more\n");
        }
        return text.toString();
    }

    private Map<FaultKind, Integer> counts() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        return counts;
    }
}
