package org.dicomguard.contract.testkit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;

/**
 * Compares what the client saw with what was sent and names each difference.
 *
 * <p>Design note: a value is correct when it reads back to the identical float. A wrong value is
 * explained by the first matching hypothesis, in this order: it is the aggregate (copied into
 * several pathologies), another pathology's value, the value x100, the value rounded or
 * truncated to 0..6 decimals (as a fraction or as a percent), {@code 1 - p}. The crafted results
 * make these hypotheses mutually exclusive (see {@link KitCorpus}).
 */
final class KitJudge {

    static final int MAX_ROUNDING_DECIMALS = 6;
    private static final RoundingMode[] MODES = {RoundingMode.HALF_UP, RoundingMode.HALF_EVEN, RoundingMode.DOWN,
            RoundingMode.UP};

    private KitJudge() {
    }

    static List<KitFinding> judge(String name, GuardResult sent, ClientView seen, boolean orderMatters) {
        List<KitFinding> findings = new ArrayList<>();
        if (seen.status() != sent.status()) {
            findings.add(new KitFinding(FaultKind.STATUS_LOST, name, "status", "sent a '" + sent.status().jsonName()
                    + "' result, client saw '" + seen.status().jsonName() + "'"));
        }
        if (sent instanceof Prediction prediction) {
            judgePrediction(name, prediction, seen, orderMatters, findings);
        } else {
            if (!seen.pathologies().isEmpty() || seen.anyPathologyProbability().isPresent()) {
                findings.add(new KitFinding(FaultKind.MADE_UP_PROBABILITY, name, "pathologies", "sent a '"
                        + sent.status().jsonName() + "' result without probabilities, client shows "
                        + describe(seen)));
            }
            List<String> sentCodes = sent instanceof Rejected rejected
                    ? rejected.reasons().stream().map(RejectionReason::code).collect(Collectors.toList())
                    : List.of(((Failed) sent).errorCode());
            if (!seen.codes().isEmpty() && !seen.codes().equals(sentCodes)) {
                findings.add(new KitFinding(FaultKind.CODE_CHANGED, name, "codes", "sent codes " + sentCodes
                        + ", client sees " + seen.codes()));
            }
        }
        return findings;
    }

    private static void judgePrediction(String name, Prediction sent, ClientView seen, boolean orderMatters,
                                        List<KitFinding> findings) {
        Map<String, Float> sentValues = new LinkedHashMap<>();
        sent.pathologies().forEach(f -> sentValues.put(f.code(), f.probability()));
        Map<String, Double> seenValues = new LinkedHashMap<>();
        for (ClientView.ReportedValue value : seen.pathologies()) {
            if (!sentValues.containsKey(value.code())) {
                findings.add(new KitFinding(FaultKind.EXTRA_PATHOLOGY, name, "pathologies." + value.code(),
                        "client shows pathology '" + value.code() + "' = " + value.probability()
                                + ", which the result does not have"));
            } else if (seenValues.putIfAbsent(value.code(), value.probability()) != null) {
                findings.add(new KitFinding(FaultKind.EXTRA_PATHOLOGY, name, "pathologies." + value.code(),
                        "client shows pathology '" + value.code() + "' more than once"));
            }
        }
        float aggregate = sent.anyPathology().probability();
        boolean aggregateIsAPathologyValue = sentValues.containsValue(aggregate);
        long readingsEqualToAggregate = seenValues.values().stream().filter(v -> (float) (double) v == aggregate).count();
        // Under rule max the aggregate is also one pathology's own value: only a copy (seen twice or more) proves substitution.
        boolean aggregateCopied = !aggregateIsAPathologyValue || readingsEqualToAggregate >= 2;
        boolean valuesIntact = true;
        for (PathologyFinding finding : sent.pathologies()) {
            String field = "pathologies." + finding.code();
            Double got = seenValues.get(finding.code());
            if (got == null) {
                valuesIntact = false;
                findings.add(new KitFinding(FaultKind.DROPPED_PATHOLOGY, name, field, "sent " + finding.probability()
                        + ", client does not show pathology '" + finding.code() + "'"));
                continue;
            }
            Map<String, Float> others = new LinkedHashMap<>(sentValues);
            others.remove(finding.code());
            Optional<KitFinding> fault = classify(name, field, finding.probability(), got, others,
                    aggregate, sent.anyPathology().rule(), aggregateCopied);
            if (fault.isPresent()) {
                valuesIntact = false;
                findings.add(fault.get());
            }
        }
        if (seen.anyPathologyProbability().isPresent()) {
            classify(name, "anyPathology", aggregate, seen.anyPathologyProbability().getAsDouble(), sentValues,
                    Float.NaN, sent.anyPathology().rule(), false).ifPresent(findings::add);
        }
        List<String> sentOrder = new ArrayList<>(sentValues.keySet());
        List<String> seenOrder = new ArrayList<>(seenValues.keySet());
        if (orderMatters && valuesIntact && seenOrder.size() == sentOrder.size() && !seenOrder.equals(sentOrder)) {
            findings.add(new KitFinding(FaultKind.REORDERING, name, "pathologies", "sent in order " + sentOrder
                    + ", client shows " + seenOrder));
        }
    }

    /** @return the fault explaining {@code got}, or empty when it reads back to the identical float */
    static Optional<KitFinding> classify(String name, String field, float sent, double got, Map<String, Float> others,
                                         float aggregate, AnyPathologyRule rule, boolean aggregateCopied) {
        if ((float) got == sent && !Double.isNaN(got)) {
            return Optional.empty();
        }
        String prefix = "sent " + sent + ", client read back " + got;
        if (Double.isNaN(got) || Double.isInfinite(got)) {
            return Optional.of(new KitFinding(FaultKind.CHANGED_VALUE, name, field, prefix + ", not a finite number"));
        }
        float gotFloat = (float) got;
        if (aggregateCopied && gotFloat == aggregate) {
            return Optional.of(new KitFinding(FaultKind.AGGREGATE_SUBSTITUTION, name, field, prefix
                    + ", which is the anyPathology (" + rule.jsonName() + ") probability, not this pathology's own"));
        }
        for (Map.Entry<String, Float> other : others.entrySet()) {
            if (gotFloat == other.getValue()) {
                return Optional.of(new KitFinding(FaultKind.COLUMN_SWAP, name, field, prefix
                        + ", which is the probability of '" + other.getKey() + "'"));
            }
        }
        BigDecimal exact = new BigDecimal(Float.toString(sent));
        // Percent computed in float or in double: dividing back by 100 gives the identical float.
        if (same(got, exact.movePointRight(2)) || (float) (got / 100d) == sent) {
            return Optional.of(new KitFinding(FaultKind.RESCALING, name, field, prefix
                    + " = 100 x the probability (a percent instead of a fraction in [0,1])"));
        }
        Optional<String> rounding = roundingStep(sent, got);
        if (rounding.isPresent()) {
            return Optional.of(new KitFinding(FaultKind.ROUNDING, name, field, prefix + ": " + rounding.get()));
        }
        if (same(got, BigDecimal.ONE.subtract(exact)) || gotFloat == 1f - sent) {
            return Optional.of(new KitFinding(FaultKind.INVERSION, name, field, prefix + " = 1 - the probability"));
        }
        return Optional.of(new KitFinding(FaultKind.CHANGED_VALUE, name, field, prefix
                + ", not explained by rounding, rescaling, swapping or the aggregate"));
    }

    /** @return the rounding step that turns {@code sent} into {@code got}, e.g. "rounded to 2 decimals (integer percent)" */
    static Optional<String> roundingStep(float sent, double got) {
        BigDecimal[] bases = {new BigDecimal(Float.toString(sent)), new BigDecimal((double) sent)};
        // Finest rounding first: 0.004 -> 0 is reported as "2 decimals (integer percent)", not "0 decimals".
        for (int decimals = MAX_ROUNDING_DECIMALS; decimals >= 0; decimals--) {
            for (RoundingMode mode : MODES) {
                for (BigDecimal base : bases) {
                    BigDecimal rounded = base.setScale(decimals, mode);
                    if (rounded.compareTo(base) == 0) {
                        continue;
                    }
                    String verb = verb(mode);
                    if (same(got, rounded)) {
                        return Optional.of(verb + " to " + decimals + (decimals == 1 ? " decimal" : " decimals")
                                + (decimals == 2 ? " (integer percent)" : ""));
                    }
                    if (decimals >= 2 && same(got, rounded.movePointRight(2))) {
                        return Optional.of("rescaled to percent (x100) and " + verb + " to "
                                + (decimals == 2 ? "an integer (integer percent)" : (decimals - 2) + " decimals"));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String verb(RoundingMode mode) {
        switch (mode) {
            case DOWN:
                return "truncated";
            case UP:
                return "rounded up";
            default:
                return "rounded";
        }
    }

    private static boolean same(double got, BigDecimal candidate) {
        return got == candidate.doubleValue() || (float) got == candidate.floatValue();
    }

    private static String describe(ClientView seen) {
        String values = seen.pathologies().stream().map(v -> v.code() + "=" + v.probability())
                .collect(Collectors.joining(", ", "[", "]"));
        return seen.anyPathologyProbability().isPresent()
                ? values + " and anyPathology=" + seen.anyPathologyProbability().getAsDouble() : values;
    }
}
