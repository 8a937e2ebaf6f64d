package org.dicomguard.core.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One value per (study, pathology): probabilities as a party reported them, or 0/1 labels.
 * Rows keep file order (row order matters when diagnosing misalignment).
 *
 * @param pathologyCodes    column codes in file order, unique, copied
 * @param studyInstanceUids row keys in file order, unique, copied
 * @param values            {@code values[row][column]}, finite; deep-copied
 */
public record StudyTable(List<String> pathologyCodes, List<String> studyInstanceUids, double[][] values) {

    /** @throws IllegalArgumentException on nulls, duplicates or a shape mismatch */
    public StudyTable {
        pathologyCodes = List.copyOf(pathologyCodes);
        studyInstanceUids = List.copyOf(studyInstanceUids);
        if (pathologyCodes.size() != new java.util.HashSet<>(pathologyCodes).size()) {
            throw new IllegalArgumentException("pathologyCodes must be unique: " + pathologyCodes);
        }
        if (studyInstanceUids.size() != new java.util.HashSet<>(studyInstanceUids).size()) {
            throw new IllegalArgumentException("studyInstanceUids must be unique");
        }
        if (values == null || values.length != studyInstanceUids.size()) {
            throw new IllegalArgumentException("values must have one row per study ("
                    + studyInstanceUids.size() + ")");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r] == null || values[r].length != pathologyCodes.size()) {
                throw new IllegalArgumentException("values[" + r + "] must have " + pathologyCodes.size() + " entries");
            }
            copy[r] = values[r].clone();
        }
        values = copy;
    }

    /** @return a deep copy of the values */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    /** @return number of studies */
    public int size() {
        return studyInstanceUids.size();
    }

    /**
     * @param row    row index
     * @param column column index
     * @return the value
     */
    public double value(int row, int column) {
        return values[row][column];
    }

    /** @return study UID to row index */
    public Map<String, Integer> rowIndexByStudy() {
        Map<String, Integer> index = new HashMap<>();
        for (int r = 0; r < studyInstanceUids.size(); r++) {
            index.put(studyInstanceUids.get(r), r);
        }
        return index;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StudyTable t && pathologyCodes.equals(t.pathologyCodes)
                && studyInstanceUids.equals(t.studyInstanceUids) && java.util.Arrays.deepEquals(values, t.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * pathologyCodes.hashCode() + studyInstanceUids.hashCode()) + java.util.Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return "StudyTable[" + studyInstanceUids.size() + " studies x " + pathologyCodes + "]";
    }
}
