package org.dicomguard.ood.gate;

import org.dicomguard.ood.GateReason;
import org.dicomguard.ood.GateReasonCode;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.Severity;
import org.dicomguard.ood.rules.HeaderFacts;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Header rules and statistics gate together: the one place that decides whether a study goes to
 * the model.
 *
 * <p>Decision rule: any HARD header reason rejects (before preprocessing, see
 * {@link #checkHeader}). Otherwise the statistics gate always runs, even when Body Part Examined
 * is missing or wrong, because headers are often wrong in both directions; a statistics failure
 * rejects with the statistics reason first and the SOFT header reasons after it as corroborating
 * evidence; a statistics pass accepts, carrying the SOFT reasons as warnings.
 *
 * <p>Immutable and thread-safe.
 */
public final class OodGate {

    private final HeaderRuleSet headerRules;
    private final MahalanobisGate statisticsGate;

    /**
     * @param headerRules    the task's header rules
     * @param statisticsGate the gate built from the reference profile
     */
    public OodGate(HeaderRuleSet headerRules, MahalanobisGate statisticsGate) {
        this.headerRules = Objects.requireNonNull(headerRules, "headerRules");
        this.statisticsGate = Objects.requireNonNull(statisticsGate, "statisticsGate");
    }

    /** @return the header rules */
    public HeaderRuleSet headerRules() {
        return headerRules;
    }

    /** @return the statistics gate */
    public MahalanobisGate statisticsGate() {
        return statisticsGate;
    }

    /**
     * The cheap first check, before pixels are decoded.
     *
     * @param facts the header values
     * @return a rejection if a HARD rule fails (all reasons, hard first), else empty
     */
    public Optional<OodDecision.Rejected> checkHeader(HeaderFacts facts) {
        List<GateReason> reasons = headerRules.evaluate(facts);
        if (reasons.stream().noneMatch(r -> r.severity() == Severity.HARD)) {
            return Optional.empty();
        }
        List<GateReason> ordered = new ArrayList<>(reasons);
        ordered.sort(Comparator.comparing(GateReason::severity)); // HARD before SOFT, stable otherwise
        return Optional.of(new OodDecision.Rejected(Optional.empty(), ordered));
    }

    /**
     * The full decision, once preprocessing has computed the statistics.
     *
     * @param facts      the header values
     * @param statistics the study's input statistics; must contain every profile feature
     * @return the decision
     */
    public OodDecision decide(HeaderFacts facts, InputStatistics statistics) {
        Optional<OodDecision.Rejected> header = checkHeader(facts);
        if (header.isPresent()) {
            return header.get();
        }
        List<GateReason> soft = headerRules.evaluate(facts);
        GateDecision stats = statisticsGate.evaluate(statistics);
        if (stats.accepted()) {
            return new OodDecision.Accepted(stats, soft);
        }
        List<GateReason> reasons = new ArrayList<>();
        reasons.add(statisticsReason(stats));
        reasons.addAll(soft);
        return new OodDecision.Rejected(Optional.of(stats), reasons);
    }

    /**
     * @param stats a rejecting statistics decision
     * @return the reason that explains it, naming the top features with values, units and z-scores
     */
    public static GateReason statisticsReason(GateDecision stats) {
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
                "input statistics are out of distribution: Mahalanobis distance %.3f exceeds the calibrated "
                        + "threshold %.3f; most different:", stats.score(), stats.threshold()));
        String separator = " ";
        for (FeatureContribution c : stats.topContributions()) {
            message.append(separator).append(String.format(Locale.ROOT,
                    "%s = %.4g %s (reference mean %.4g, z = %.2f, %.0f%% of the squared distance)",
                    c.name(), c.value(), c.unit(), c.referenceMean(), c.zScore(), 100 * c.shareOfSquaredDistance()));
            separator = "; ";
        }
        return new GateReason(GateReasonCode.STATISTICS_OUT_OF_DISTRIBUTION, Severity.HARD, message.toString(),
                Double.toString(stats.score()), "<= " + stats.threshold());
    }
}
