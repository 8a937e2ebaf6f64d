package org.dicomguard.core.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges accepted per-pathology findings with the same cause and parameters into explanations
 * and attaches the evidence (package-private part of the diagnoser).
 */
final class ExplanationBuilder {

    private final Aligned aligned;
    private final List<String> discrepant;

    ExplanationBuilder(Aligned aligned, List<String> discrepant) {
        this.aligned = aligned;
        this.discrepant = discrepant;
    }

    List<DiscrepancyExplanation> merge(List<Finding> accepted) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding f : accepted) {
            groups.computeIfAbsent(f.groupKey(), k -> new ArrayList<>()).add(f);
        }
        List<DiscrepancyExplanation> explanations = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            explanations.add(explain(group));
        }
        return explanations;
    }

    private DiscrepancyExplanation explain(List<Finding> group) {
        Finding first = group.get(0);
        List<String> pathologies = new ArrayList<>();
        double fractionSum = 0;
        double maxAbsError = 0;
        Map<String, Object> perPathology = new LinkedHashMap<>();
        Map<String, Object> mapping = new LinkedHashMap<>();
        for (Finding f : group) {
            pathologies.add(f.pathology());
            fractionSum += f.fraction();
            maxAbsError = Math.max(maxAbsError, f.maxAbsError());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("explainedFraction", f.fraction());
            entry.put("maxAbsErrorAfterTransform", f.maxAbsError());
            Aligned.putIfPresent(entry, "aucOurs", aligned.auc(f.pathology(), aligned.ours(f.pathology())));
            Aligned.putIfPresent(entry, "aucTheirs", aligned.auc(f.pathology(), aligned.theirs(f.pathology())));
            Aligned.putIfPresent(entry, "aucPredictedByHypothesis", aligned.auc(f.pathology(), f.predicted()));
            if (f.corrected().length > 0) {
                Aligned.putIfPresent(entry, "aucCorrected", aligned.auc(f.pathology(), f.corrected()));
            }
            if (f.cause() == DiscrepancyCause.COLUMN_SWAP) {
                mapping.put(f.pathology(), f.parameters().get("sourcePathology"));
            }
            if (f.affectedRows().length > 0) {
                entry.put("affectedRowFraction", affectedFraction(f.affectedRows()));
            }
            perPathology.put(f.pathology(), entry);
        }
        double fraction = fractionSum / group.size();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("description", describe(first, mapping));
        if (first.cause() == DiscrepancyCause.COLUMN_SWAP) {
            evidence.put("theirColumnCarriesOurColumn", mapping);
            if (first.parameters().containsKey("afterTransform")) {
                evidence.put("afterTransform", first.parameters().get("afterTransform"));
            }
        } else {
            evidence.putAll(first.parameters());
        }
        if (first.affectedRows().length > 0) {
            // A study counts as affected when any pathology of the group shows the cause on it.
            boolean[] anyAffected = new boolean[first.affectedRows().length];
            for (Finding f : group) {
                for (int r = 0; r < anyAffected.length; r++) {
                    anyAffected[r] |= f.affectedRows()[r];
                }
            }
            evidence.put("affectedRowFraction", affectedFraction(anyAffected));
            evidence.put("affectedStudyCount", affectedCount(anyAffected));
        }
        evidence.put("explainedFraction", fraction);
        evidence.put("maxAbsErrorAfterTransform", maxAbsError);
        evidence.put("pathologies", pathologies);
        evidence.put("perPathology", perPathology);
        boolean all = discrepant.size() > 1 && pathologies.containsAll(discrepant);
        String pathology = all ? "*" : String.join(",", pathologies);
        return new DiscrepancyExplanation(first.cause(), pathology, Math.min(1.0, fraction), evidence);
    }

    private static int affectedCount(boolean[] rows) {
        int count = 0;
        for (boolean row : rows) {
            count += row ? 1 : 0;
        }
        return count;
    }

    private static double affectedFraction(boolean[] rows) {
        return rows.length == 0 ? 0.0 : affectedCount(rows) / (double) rows.length;
    }

    private static String describe(Finding f, Map<String, Object> mapping) {
        Map<String, Object> p = f.parameters();
        return switch (f.cause()) {
            case ROUNDING -> "their values are ours rounded (" + p.get("roundingMode") + ") to a step of " + p.get("step")
                    + ((double) p.get("factor") != 1.0 ? " and multiplied by " + p.get("factor") : "")
                    + (p.containsKey("combinedWith") ? ", after " + p.get("combinedWith") : "");
            case RESCALING -> "their values are ours multiplied by " + p.get("factor");
            case AGGREGATE_SUBSTITUTION -> ("partOfRows".equals(p.get("scope")) ? "on part of the rows, their" : "their")
                    + " per-pathology values are our " + p.get("aggregate") + " over all pathologies"
                    + (p.containsKey("combinedWith") ? ", then " + p.get("combinedWith") : "");
            case COLUMN_SWAP -> "their pathology columns carry our values of other pathologies: " + mapping
                    + (p.containsKey("afterTransform") ? ", after " + p.get("afterTransform") : "");
            case BINARIZATION -> "their values are 0/1: ours >= " + p.get("threshold");
            case INVERSION -> "their values are 1 - ours";
            case ROW_MISALIGNMENT, NONE_FOUND -> f.cause().name();
        };
    }
}
