package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/**
 * Per-column hypothesis tests of the discrepancy diagnosis. Each test applies a candidate
 * transform to our column and counts the rows where it reproduces theirs within the absolute
 * tolerance (scaled by the factor for rescaled values).
 *
 * <p>Design note: every hypothesis is a deterministic transform of our values, so "how much of
 * theirs does it reproduce exactly" is a score that needs no distributional model and is easy
 * to explain to the other party. Parameters are searched over small candidate sets (steps,
 * factors, aggregates) or fitted in O(N log N) (binarization threshold by a sweep over the sorted
 * values).
 */
final class Hypotheses {

    private static final double[] ROUNDING_STEPS = {0.1, 0.05, 0.01, 0.005, 0.001, 0.0001};
    private static final double[] ROUNDING_FACTORS = {1, 100};
    private static final double[] NICE_FACTORS = {100, 1000, 10, 255, 65535, 2, 0.5, 0.1, 0.01};
    /** Guards floor/ceil against representation error (0.29/0.01 = 28.999999999999996). */
    private static final double GRID_EPSILON = 1e-9;

    private final double tolerance;

    Hypotheses(double toleranceAbsolute) {
        this.tolerance = toleranceAbsolute;
    }

    /** @return fraction of rows with |theirs - predicted| <= tolerance * scale */
    double fraction(double[] theirs, double[] predicted, double scale) {
        int matched = 0;
        double limit = tolerance * Math.max(1.0, Math.abs(scale));
        for (int r = 0; r < theirs.length; r++) {
            if (Math.abs(theirs[r] - predicted[r]) <= limit) {
                matched++;
            }
        }
        return theirs.length == 0 ? 0.0 : matched / (double) theirs.length;
    }

    static double maxAbsError(double[] theirs, double[] predicted) {
        double max = 0;
        for (int r = 0; r < theirs.length; r++) {
            max = Math.max(max, Math.abs(theirs[r] - predicted[r]));
        }
        return max;
    }

    private Finding finding(DiscrepancyCause cause, String code, double[] theirs, double[] predicted, double scale,
                            Map<String, Object> parameters, double[] corrected) {
        return new Finding(cause, code, fraction(theirs, predicted, scale), maxAbsError(theirs, predicted),
                parameters, predicted, corrected, Optional.empty());
    }

    private static Finding withTransform(Finding f, DoubleUnaryOperator transform) {
        return new Finding(f.cause(), f.pathology(), f.fraction(), f.maxAbsError(), f.parameters(), f.predicted(),
                f.corrected(), Optional.of(transform));
    }

    private static DoubleUnaryOperator roundingTransform(double factor, double step, String mode) {
        return value -> {
            double units = value / step;
            double grid = switch (mode) {
                case "floor" -> Math.floor(units + GRID_EPSILON);
                case "ceiling" -> Math.ceil(units - GRID_EPSILON);
                default -> Math.floor(units + 0.5 + GRID_EPSILON);
            };
            return factor * grid * step;
        };
    }

    /**
     * Their column {@code code} carries another of our columns after a per-value transform
     * found on other columns (e.g. rounding and a swap at once).
     */
    Optional<Finding> columnSwapAfter(String code, List<String> ourCodes, double[][] oursByColumn, double[] theirs,
                                      Finding transformFinding) {
        DoubleUnaryOperator transform = transformFinding.valueTransform().orElseThrow();
        double scale = transformFinding.parameters().get("factor") instanceof Double f ? f : 1.0;
        Finding best = null;
        for (int q = 0; q < ourCodes.size(); q++) {
            if (ourCodes.get(q).equals(code)) {
                continue;
            }
            double[] predicted = new double[theirs.length];
            for (int r = 0; r < predicted.length; r++) {
                predicted[r] = transform.applyAsDouble(oursByColumn[q][r]);
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("sourcePathology", ourCodes.get(q));
            parameters.put("afterTransform", transformFinding.cause().name() + " " + transformFinding.parameters());
            Finding candidate = finding(DiscrepancyCause.COLUMN_SWAP, code, theirs, predicted, scale, parameters,
                    new double[0]);
            if (best == null || candidate.fraction() > best.fraction()) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Quantization to a step (floor, ceiling or half-up), optionally times 100 (integer percent). */
    Optional<Finding> rounding(String code, double[] ours, double[] theirs) {
        Finding best = null;
        for (double factor : ROUNDING_FACTORS) {
            double[] scaledOnly = scale(ours, factor);
            double withoutRounding = fraction(theirs, scaledOnly, factor);
            for (double step : ROUNDING_STEPS) {
                for (String mode : new String[] {"halfUp", "floor", "ceiling"}) {
                    DoubleUnaryOperator transform = roundingTransform(factor, step, mode);
                    double[] predicted = new double[ours.length];
                    for (int r = 0; r < ours.length; r++) {
                        predicted[r] = transform.applyAsDouble(ours[r]);
                    }
                    Map<String, Object> parameters = new LinkedHashMap<>();
                    parameters.put("step", step);
                    parameters.put("factor", factor);
                    parameters.put("roundingMode", mode);
                    Finding candidate = withTransform(finding(DiscrepancyCause.ROUNDING, code, theirs, predicted, factor,
                            parameters, new double[0]), transform);
                    // Rounding must add something over plain scaling: values already on the grid are not "rounded".
                    if (candidate.fraction() > withoutRounding && (best == null || candidate.fraction() > best.fraction())) {
                        best = candidate;
                    }
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** theirs = k * ours, k estimated by the median ratio and snapped to a round factor when close. */
    Optional<Finding> rescaling(String code, double[] ours, double[] theirs) {
        double[] ratios = new double[ours.length];
        int count = 0;
        for (int r = 0; r < ours.length; r++) {
            if (Math.abs(ours[r]) > 1e-3) {
                ratios[count++] = theirs[r] / ours[r];
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        double[] used = Arrays.copyOf(ratios, count);
        Arrays.sort(used);
        double factor = used[count / 2];
        for (double nice : NICE_FACTORS) {
            if (Math.abs(factor - nice) <= 0.01 * nice) {
                factor = nice;
            }
        }
        if (!(Math.abs(factor - 1.0) > 1e-3) || !Double.isFinite(factor) || factor == 0) {
            return Optional.empty();
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("factor", factor);
        double[] corrected = scale(theirs, 1.0 / factor);
        double k = factor;
        return Optional.of(withTransform(finding(DiscrepancyCause.RESCALING, code, theirs, scale(ours, factor), factor,
                parameters, corrected), value -> k * value));
    }

    /** Each of their columns is an aggregate over all our columns (max, noisy-or, mean, our anyPathology). */
    Optional<Finding> aggregate(String code, double[][] oursAll, double[] oursAny, String anyRule, double[] theirs) {
        Finding best = null;
        // Declaration order breaks ties: the plain max first.
        for (Map.Entry<String, double[]> candidate : aggregates(oursAll, oursAny, anyRule).entrySet()) {
            Finding f = finding(DiscrepancyCause.AGGREGATE_SUBSTITUTION, code, theirs, candidate.getValue(), 1,
                    Map.of("aggregate", candidate.getKey()), new double[0]);
            if (best == null || f.fraction() > best.fraction()) {
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Two bugs at once: an aggregate replaced the pathology's own value and the result was then
     * rounded. Tests every rounding grid on every aggregate; returns the ROUNDING and the
     * AGGREGATE_SUBSTITUTION finding of the best pair, each naming the other under
     * {@code combinedWith}, or empty when no pair adds anything over plain scaling of an aggregate.
     */
    List<Finding> roundedAggregate(String code, double[][] oursAll, double[] oursAny, String anyRule, double[] theirs) {
        Finding bestRounding = null;
        String bestAggregate = null;
        for (Map.Entry<String, double[]> candidate : aggregates(oursAll, oursAny, anyRule).entrySet()) {
            Optional<Finding> rounded = rounding(code, candidate.getValue(), theirs);
            if (rounded.isPresent() && (bestRounding == null || rounded.get().fraction() > bestRounding.fraction())) {
                bestRounding = rounded.get();
                bestAggregate = candidate.getKey();
            }
        }
        if (bestRounding == null) {
            return List.of();
        }
        Map<String, Object> aggregateParameters = new LinkedHashMap<>();
        aggregateParameters.put("aggregate", bestAggregate);
        Finding substitution = new Finding(DiscrepancyCause.AGGREGATE_SUBSTITUTION, code, bestRounding.fraction(),
                bestRounding.maxAbsError(), aggregateParameters, bestRounding.predicted(), new double[0], Optional.empty())
                .withParameter("combinedWith", DiscrepancyCause.ROUNDING.name() + " " + bestRounding.parameters());
        Finding rounding = bestRounding.withParameter("combinedWith",
                DiscrepancyCause.AGGREGATE_SUBSTITUTION.name() + " " + aggregateParameters);
        return List.of(rounding, substitution);
    }

    /**
     * An aggregate replaced the pathology's own value on part of the rows only: each row is
     * explained by our own value or by the aggregate. The fraction is that of rows either
     * reproduces; {@link Finding#affectedRows()} marks the rows only the aggregate reproduces.
     * Empty when no row needs the aggregate.
     */
    Optional<Finding> partialAggregate(String code, double[] ours, double[][] oursAll, double[] oursAny, String anyRule,
                                       double[] theirs) {
        Finding best = null;
        for (Map.Entry<String, double[]> candidate : aggregates(oursAll, oursAny, anyRule).entrySet()) {
            double[] aggregate = candidate.getValue();
            double[] predicted = new double[theirs.length];
            boolean[] affected = new boolean[theirs.length];
            int affectedCount = 0;
            for (int r = 0; r < theirs.length; r++) {
                boolean own = Math.abs(theirs[r] - ours[r]) <= tolerance;
                affected[r] = !own && Math.abs(theirs[r] - aggregate[r]) <= tolerance;
                affectedCount += affected[r] ? 1 : 0;
                predicted[r] = affected[r] ? aggregate[r] : ours[r];
            }
            if (affectedCount == 0) {
                continue;
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("aggregate", candidate.getKey());
            parameters.put("scope", "partOfRows");
            Finding f = finding(DiscrepancyCause.AGGREGATE_SUBSTITUTION, code, theirs, predicted, 1, parameters,
                    new double[0]);
            if (best == null || f.fraction() > best.fraction()) {
                best = new Finding(f.cause(), code, f.fraction(), f.maxAbsError(), parameters, predicted, new double[0],
                        Optional.empty(), affected);
            }
        }
        return Optional.ofNullable(best);
    }

    /** Candidate aggregates per row over all our columns, in tie-break order; empty for fewer than 2 columns. */
    private static Map<String, double[]> aggregates(double[][] oursAll, double[] oursAny, String anyRule) {
        Map<String, double[]> candidates = new LinkedHashMap<>();
        if (oursAll.length == 0 || oursAll[0].length < 2) {
            return candidates;
        }
        int rows = oursAll.length;
        double[] max = new double[rows];
        double[] noisyOr = new double[rows];
        double[] mean = new double[rows];
        for (int r = 0; r < rows; r++) {
            double m = Double.NEGATIVE_INFINITY;
            double none = 1.0;
            double sum = 0;
            for (double p : oursAll[r]) {
                m = Math.max(m, p);
                none *= 1.0 - p;
                sum += p;
            }
            max[r] = m;
            noisyOr[r] = 1.0 - none;
            mean[r] = sum / oursAll[r].length;
        }
        candidates.put("max", max);
        candidates.put("noisyOr", noisyOr);
        candidates.put("mean", mean);
        if (oursAny.length == rows) {
            candidates.put("anyPathology(" + anyRule + ")", oursAny);
        }
        return candidates;
    }

    /** Their column {@code code} carries our column {@code sourceCodes[q]} for some other q. */
    Optional<Finding> columnSwap(String code, List<String> ourCodes, double[][] oursByColumn, double[] theirs) {
        Finding best = null;
        for (int q = 0; q < ourCodes.size(); q++) {
            if (ourCodes.get(q).equals(code)) {
                continue;
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("sourcePathology", ourCodes.get(q));
            Finding candidate = finding(DiscrepancyCause.COLUMN_SWAP, code, theirs, oursByColumn[q], 1, parameters,
                    new double[0]);
            if (best == null || candidate.fraction() > best.fraction()) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    /** theirs = 1 - ours. */
    Optional<Finding> inversion(String code, double[] ours, double[] theirs) {
        double[] predicted = new double[ours.length];
        for (int r = 0; r < ours.length; r++) {
            predicted[r] = 1.0 - ours[r];
        }
        double[] corrected = new double[theirs.length];
        for (int r = 0; r < theirs.length; r++) {
            corrected[r] = 1.0 - theirs[r];
        }
        return Optional.of(withTransform(finding(DiscrepancyCause.INVERSION, code, theirs, predicted, 1,
                new LinkedHashMap<>(), corrected), value -> 1.0 - value));
    }

    /**
     * Theirs in {0, 1} and equal to (ours >= t): the best t by a sweep over our sorted values.
     * When our decision threshold reproduces theirs as well, it is reported instead.
     */
    Optional<Finding> binarization(String code, double[] ours, double[] theirs, Double decisionThreshold) {
        int binary = 0;
        int ones = 0;
        for (double t : theirs) {
            if (Math.abs(t) <= tolerance || Math.abs(t - 1) <= tolerance) {
                binary++;
                ones += Math.abs(t - 1) <= tolerance ? 1 : 0;
            }
        }
        if (theirs.length == 0 || binary < theirs.length) {
            return Optional.empty();
        }
        int[] order = DoubleRadixSort.sortWithOrder(normalizedCopy(ours));
        // Threshold above everything: all predicted 0, agreement = number of zeros.
        int agreement = theirs.length - ones;
        int bestAgreement = agreement;
        double bestThreshold = Double.POSITIVE_INFINITY;
        for (int k = order.length - 1; k >= 0; k--) {
            int r = order[k];
            agreement += Math.abs(theirs[r] - 1) <= tolerance ? 1 : -1;
            boolean distinct = k == 0 || ours[order[k - 1]] < ours[r];
            if (distinct && agreement >= bestAgreement) {
                bestAgreement = agreement;
                bestThreshold = ours[r];
            }
        }
        double threshold = bestThreshold;
        boolean matchesDecisionThreshold = false;
        if (decisionThreshold != null && agreementAt(ours, theirs, decisionThreshold) >= bestAgreement) {
            threshold = decisionThreshold;
            matchesDecisionThreshold = true;
        }
        double[] predicted = new double[ours.length];
        for (int r = 0; r < ours.length; r++) {
            predicted[r] = ours[r] >= threshold ? 1.0 : 0.0;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("threshold", Double.isFinite(threshold) ? threshold : "above every score");
        parameters.put("matchesDecisionThresholdProbability", matchesDecisionThreshold);
        return Optional.of(finding(DiscrepancyCause.BINARIZATION, code, theirs, predicted, 1, parameters, new double[0]));
    }

    private int agreementAt(double[] ours, double[] theirs, double threshold) {
        int agreement = 0;
        for (int r = 0; r < ours.length; r++) {
            boolean one = Math.abs(theirs[r] - 1) <= tolerance;
            agreement += (ours[r] >= threshold) == one ? 1 : 0;
        }
        return agreement;
    }

    /** Copy with -0.0 as 0.0, so that the radix order agrees with numeric comparison. */
    private static double[] normalizedCopy(double[] values) {
        double[] copy = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r] + 0.0;
        }
        return copy;
    }

    private static double[] scale(double[] values, double factor) {
        double[] scaled = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            scaled[r] = values[r] * factor;
        }
        return scaled;
    }
}
