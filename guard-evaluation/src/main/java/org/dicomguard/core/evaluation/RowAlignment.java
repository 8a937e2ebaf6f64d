package org.dicomguard.core.evaluation;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Row-misalignment test: does each of their rows carry, over all compared pathologies, the
 * values of some other study of ours? Package-private part of the diagnoser.
 *
 * <p>Design note: our rows are sorted by their first column so that each of their rows finds its
 * candidate twins by binary search within the tolerance, then the whole vector is compared:
 * O(N log N) for a shift or any permutation. A consistent offset (their row i carrying our row
 * i+s, in file order or by our order of the study UIDs) is reported as the shift.
 */
final class RowAlignment {

    /**
     * Bounds the scan among our rows tied on the first column, so a pack whose first column is
     * constant costs O(N * this) instead of O(N^2); such rows may then go unmatched.
     */
    static final int MAX_CANDIDATES_PER_ROW = 1000;

    private final double tolerance;

    RowAlignment(double toleranceAbsolute) {
        this.tolerance = toleranceAbsolute;
    }

    /**
     * @param ours          our values of the compared columns, indexed by our row (file order)
     * @param theirs        their values of the same columns, indexed by their row (file order)
     * @param ourRowOfTheirs our row of the study named on each of their rows, -1 when unknown to us
     * @param matchedOurRow  receives, per their row, the our row whose values it carries, or -1
     * @return a finding when at least one of their rows carries another study's values
     */
    Optional<Map<String, Object>> test(double[][] ours, double[][] theirs, int[] ourRowOfTheirs, int[] matchedOurRow) {
        if (ours.length == 0 || theirs.length == 0 || ours[0].length == 0) {
            return Optional.empty();
        }
        double[] keys = new double[ours.length];
        for (int r = 0; r < ours.length; r++) {
            keys[r] = ours[r][0] + 0.0; // -0.0 as 0.0: radix order then agrees with comparison
        }
        int[] order = DoubleRadixSort.sortWithOrder(keys);
        int compared = 0;
        int explained = 0;
        int misplaced = 0;
        Map<Integer, Integer> positionalShifts = new HashMap<>();
        Map<Integer, Integer> studyShifts = new HashMap<>();
        for (int t = 0; t < theirs.length; t++) {
            matchedOurRow[t] = -1;
            if (ourRowOfTheirs[t] < 0) {
                continue;
            }
            compared++;
            int own = ourRowOfTheirs[t];
            if (sameVector(ours[own], theirs[t])) {
                matchedOurRow[t] = own;
                explained++;
                continue;
            }
            int first = lowerBound(keys, theirs[t][0] - tolerance);
            int last = Math.min(keys.length, first + MAX_CANDIDATES_PER_ROW);
            for (int k = first; k < last && keys[k] <= theirs[t][0] + tolerance; k++) {
                if (sameVector(ours[order[k]], theirs[t])) {
                    matchedOurRow[t] = order[k];
                    break;
                }
            }
            if (matchedOurRow[t] >= 0) {
                explained++;
                misplaced++;
                positionalShifts.merge(matchedOurRow[t] - t, 1, Integer::sum);
                studyShifts.merge(matchedOurRow[t] - own, 1, Integer::sum);
            }
        }
        if (misplaced == 0) {
            return Optional.empty();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("explainedFraction", explained / (double) compared);
        evidence.put("misplacedRows", misplaced);
        evidence.put("comparedRows", compared);
        Map.Entry<Integer, Integer> positional = mode(positionalShifts);
        Map.Entry<Integer, Integer> byStudy = mode(studyShifts);
        if (byStudy.getValue() >= positional.getValue()) {
            evidence.put("shiftKind", "their row of study X carries our row of X shifted by 'shift' in our file order");
            evidence.put("shift", byStudy.getKey());
            evidence.put("shiftFraction", byStudy.getValue() / (double) misplaced);
        } else {
            evidence.put("shiftKind", "their row i (file order) carries our row i + 'shift' (file order)");
            evidence.put("shift", positional.getKey());
            evidence.put("shiftFraction", positional.getValue() / (double) misplaced);
        }
        return Optional.of(evidence);
    }

    private boolean sameVector(double[] a, double[] b) {
        for (int c = 0; c < a.length; c++) {
            if (Math.abs(a[c] - b[c]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static Map.Entry<Integer, Integer> mode(Map<Integer, Integer> counts) {
        Map.Entry<Integer, Integer> best = Map.entry(0, 0);
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > best.getValue()
                    || (e.getValue().equals(best.getValue()) && Math.abs(e.getKey()) < Math.abs(best.getKey()))) {
                best = e;
            }
        }
        return best;
    }
}
