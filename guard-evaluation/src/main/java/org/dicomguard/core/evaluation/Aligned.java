package org.dicomguard.core.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Our values, their values and the labels lined up by study UID, in their row order
 * (package-private working state of the diagnoser). Only studies present in both ours and theirs
 * take part; studies without labels are left out of AUCs only.
 */
final class Aligned {

    private final OurScores ours;
    private final StudyTable theirs;
    private final StudyTable labels;
    private final int[] theirRow;
    private final int[] ourRow;
    private final int[] labelRow;

    Aligned(OurScores ours, StudyTable theirs, StudyTable labels, List<Integer> theirRows, int[] ourRowOfTheirs) {
        this.ours = ours;
        this.theirs = theirs;
        this.labels = labels;
        Map<String, Integer> labelIndex = labels.rowIndexByStudy();
        int size = theirRows.size();
        theirRow = new int[size];
        ourRow = new int[size];
        labelRow = new int[size];
        for (int k = 0; k < size; k++) {
            theirRow[k] = theirRows.get(k);
            ourRow[k] = ourRowOfTheirs[theirRow[k]];
            Integer l = labelIndex.get(theirs.studyInstanceUids().get(theirRow[k]));
            labelRow[k] = l == null ? -1 : l;
        }
    }

    double[] ours(String code) {
        int column = ours.pathologyCodes().indexOf(code);
        double[] values = new double[ourRow.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = ours.probabilities().value(ourRow[k], column);
        }
        return values;
    }

    double[] theirs(String code) {
        int column = theirs.pathologyCodes().indexOf(code);
        double[] values = new double[theirRow.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = theirs.value(theirRow[k], column);
        }
        return values;
    }

    /** @return [aligned row][our column] */
    double[][] oursAllColumns() {
        double[][] values = new double[ourRow.length][];
        for (int k = 0; k < values.length; k++) {
            double[] row = new double[ours.pathologyCodes().size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = ours.probabilities().value(ourRow[k], c);
            }
            values[k] = row;
        }
        return values;
    }

    /** @return [our column][aligned row] */
    double[][] oursByColumn() {
        List<String> codes = ours.pathologyCodes();
        double[][] columns = new double[codes.size()][];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = ours(codes.get(c));
        }
        return columns;
    }

    /** @return our aggregate per aligned row, or empty when ours carried none */
    double[] oursAny() {
        double[] all = ours.anyPathologyProbabilities();
        if (all.length == 0) {
            return all;
        }
        double[] values = new double[ourRow.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = all[ourRow[k]];
        }
        return values;
    }

    /** @return every one of our rows (file order) restricted to the given codes */
    double[][] oursMatrixAllRows(List<String> codes) {
        double[][] values = new double[ours.probabilities().size()][codes.size()];
        for (int c = 0; c < codes.size(); c++) {
            int column = ours.pathologyCodes().indexOf(codes.get(c));
            for (int r = 0; r < values.length; r++) {
                values[r][c] = ours.probabilities().value(r, column);
            }
        }
        return values;
    }

    /**
     * @param code   pathology code
     * @param values one value per aligned row
     * @return Mann-Whitney AUC over the labelled rows, or null when the labels lack the code or a class
     */
    Double auc(String code, double[] values) {
        int column = labels.pathologyCodes().indexOf(code);
        if (column < 0 || values.length != labelRow.length) {
            return null;
        }
        int count = 0;
        for (int row : labelRow) {
            count += row >= 0 ? 1 : 0;
        }
        double[] scores = new double[count];
        boolean[] positive = new boolean[count];
        int positives = 0;
        int i = 0;
        for (int k = 0; k < labelRow.length; k++) {
            if (labelRow[k] >= 0) {
                scores[i] = values[k];
                positive[i] = labels.value(labelRow[k], column) == 1.0;
                positives += positive[i] ? 1 : 0;
                i++;
            }
        }
        if (positives == 0 || positives == count) {
            return null;
        }
        return RocAuc.auc(scores, positive).auc();
    }

    /**
     * AUCs for the misalignment hypothesis: their value of their row t is attached to the study
     * of our row matched[t] (the study it really belongs to).
     */
    Map<String, Object> realignedAucs(List<String> codes, double[][] theirsMatrix, int[] matched) {
        Map<String, Integer> labelIndex = labels.rowIndexByStudy();
        Map<String, Object> perPathology = new LinkedHashMap<>();
        for (int c = 0; c < codes.size(); c++) {
            String code = codes.get(c);
            Map<String, Object> entry = new LinkedHashMap<>();
            putIfPresent(entry, "aucOurs", auc(code, ours(code)));
            putIfPresent(entry, "aucTheirs", auc(code, theirs(code)));
            int labelColumn = labels.pathologyCodes().indexOf(code);
            if (labelColumn >= 0) {
                int n = 0;
                double[] scores = new double[matched.length];
                boolean[] positive = new boolean[matched.length];
                int positives = 0;
                for (int t = 0; t < matched.length; t++) {
                    if (matched[t] < 0) {
                        continue;
                    }
                    Integer l = labelIndex.get(ours.probabilities().studyInstanceUids().get(matched[t]));
                    if (l != null) {
                        scores[n] = theirsMatrix[t][c];
                        positive[n] = labels.value(l, labelColumn) == 1.0;
                        positives += positive[n] ? 1 : 0;
                        n++;
                    }
                }
                if (positives > 0 && positives < n) {
                    entry.put("aucCorrected", RocAuc.auc(java.util.Arrays.copyOf(scores, n),
                            java.util.Arrays.copyOf(positive, n)).auc());
                }
            }
            perPathology.put(code, entry);
        }
        return perPathology;
    }

    static void putIfPresent(Map<String, Object> map, String key, Double value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    int unlabelledCount() {
        int count = 0;
        for (int row : labelRow) {
            count += row < 0 ? 1 : 0;
        }
        return count;
    }

    int unknownLabelStudies(Map<String, Integer> ourRowByStudy) {
        int count = 0;
        for (String study : labels.studyInstanceUids()) {
            count += ourRowByStudy.containsKey(study) ? 0 : 1;
        }
        return count;
    }
}
