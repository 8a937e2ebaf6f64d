package org.dicomguard.core.task.mammography;

import java.util.Arrays;

/**
 * A binary mask held as horizontal runs, with linear-time largest-component selection and hole
 * filling. Reusable workspace: arrays grow on demand and are kept between images.
 *
 * <p>Design note: a breast mask of a 3328 x 2560 image has only one or two runs per row, so labelling
 * runs instead of pixels (union-find over runs overlapping in consecutive rows, 4-connectivity, as in
 * run-based two-pass labelling, He et al. 2008) turns an 8.5-million-pixel labelling into a few
 * thousand unions. Thresholding is one pass over the pixels through a lookup table; hole filling
 * labels the complement runs and keeps only the components that touch the image border.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class RunLengthMask {

    private int rows;
    private int columns;
    private int runCount;
    /** rowFirstRun[y] .. rowFirstRun[y + 1] - 1 are the runs of row y, sorted by start. */
    private int[] rowFirstRun = new int[0];
    private int[] runStart = new int[1024];
    private int[] runEnd = new int[1024];
    private int[] runRow = new int[1024];
    private int[] parent = new int[1024];
    private long[] componentArea = new long[1024];

    /**
     * Collects the runs of pixels whose lookup value is non-zero.
     *
     * @param storedValues pixel values, not modified
     * @param foreground   1 for foreground, per {@code storedValue & 0xFFFF}; 65536 entries, not modified
     */
    void threshold(short[] storedValues, int rows, int columns, byte[] foreground) {
        start(rows, columns);
        for (int y = 0; y < rows; y++) {
            rowFirstRun[y] = runCount;
            int offset = y * columns;
            int x = 0;
            while (x < columns) {
                while (x < columns && foreground[storedValues[offset + x] & 0xFFFF] == 0) {
                    x++;
                }
                if (x == columns) {
                    break;
                }
                int begin = x;
                while (x < columns && foreground[storedValues[offset + x] & 0xFFFF] != 0) {
                    x++;
                }
                addRun(y, begin, x);
            }
        }
        rowFirstRun[rows] = runCount;
    }

    /** Keeps only the 4-connected component with the largest area; ties go to the first found. */
    void keepLargestComponent() {
        if (runCount == 0) {
            return;
        }
        labelRuns();
        ensureArea(runCount);
        Arrays.fill(componentArea, 0, runCount, 0);
        int best = -1;
        for (int i = 0; i < runCount; i++) {
            int root = find(i);
            componentArea[root] += runEnd[i] - runStart[i];
        }
        for (int i = 0; i < runCount; i++) {
            if (parent[i] == i && (best < 0 || componentArea[i] > componentArea[best])) {
                best = i;
            }
        }
        int kept = 0;
        int y = 0;
        int[] firstKept = new int[rows + 1];
        for (int i = 0; i < runCount; i++) {
            while (y < rows && rowFirstRun[y + 1] <= i) {
                y++;
                firstKept[y] = kept;
            }
            if (find(i) == best) {
                runStart[kept] = runStart[i];
                runEnd[kept] = runEnd[i];
                runRow[kept] = runRow[i];
                kept++;
            }
        }
        while (y < rows) {
            y++;
            firstKept[y] = kept;
        }
        firstKept[rows] = kept;
        rowFirstRun = firstKept;
        runCount = kept;
    }

    /**
     * Fills holes: background regions not 4-connected to the image border become foreground.
     *
     * @param scratch a second instance used for the complement runs, overwritten
     */
    void fillHoles(RunLengthMask scratch) {
        scratch.start(rows, columns);
        for (int y = 0; y < rows; y++) {
            scratch.rowFirstRun[y] = scratch.runCount;
            int x = 0;
            for (int i = rowFirstRun[y]; i < rowFirstRun[y + 1]; i++) {
                if (runStart[i] > x) {
                    scratch.addRun(y, x, runStart[i]);
                }
                x = runEnd[i];
            }
            if (x < columns) {
                scratch.addRun(y, x, columns);
            }
        }
        scratch.rowFirstRun[rows] = scratch.runCount;
        scratch.labelRuns();
        boolean[] touchesBorder = new boolean[scratch.runCount];
        for (int i = 0; i < scratch.runCount; i++) {
            if (scratch.runRow[i] == 0 || scratch.runRow[i] == rows - 1 || scratch.runStart[i] == 0
                    || scratch.runEnd[i] == columns) {
                touchesBorder[scratch.find(i)] = true;
            }
        }
        // Merge each foreground run with the following gap when that gap is a hole.
        int write = 0;
        int[] newFirst = new int[rows + 1];
        for (int y = 0; y < rows; y++) {
            newFirst[y] = write;
            int first = rowFirstRun[y];
            int last = rowFirstRun[y + 1];
            int gap = scratch.rowFirstRun[y] + (first < last && runStart[first] > 0 ? 1 : 0);
            int i = first;
            while (i < last) {
                int begin = runStart[i];
                int end = runEnd[i];
                while (i + 1 < last && !touchesBorder[scratch.find(gap)]) {
                    i++;
                    gap++;
                    end = runEnd[i];
                }
                runStart[write] = begin;
                runEnd[write] = end;
                runRow[write] = y;
                write++;
                i++;
                gap++;
            }
        }
        newFirst[rows] = write;
        rowFirstRun = newFirst;
        runCount = write;
    }

    /** @return the runs as (row, start, end exclusive) triples, in row order: a new array */
    int[] toRunTriples() {
        int[] triples = new int[3 * runCount];
        for (int i = 0; i < runCount; i++) {
            triples[3 * i] = runRow[i];
            triples[3 * i + 1] = runStart[i];
            triples[3 * i + 2] = runEnd[i];
        }
        return triples;
    }

    int runCount() {
        return runCount;
    }

    int runRow(int run) {
        return runRow[run];
    }

    int runStart(int run) {
        return runStart[run];
    }

    int runEnd(int run) {
        return runEnd[run];
    }

    int firstRunOfRow(int row) {
        return rowFirstRun[row];
    }

    private void start(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        this.runCount = 0;
        if (rowFirstRun.length < rows + 1) {
            rowFirstRun = new int[rows + 1];
        }
    }

    private void addRun(int row, int begin, int end) {
        if (runCount == runStart.length) {
            int size = runCount * 2;
            runStart = Arrays.copyOf(runStart, size);
            runEnd = Arrays.copyOf(runEnd, size);
            runRow = Arrays.copyOf(runRow, size);
        }
        runStart[runCount] = begin;
        runEnd[runCount] = end;
        runRow[runCount] = row;
        runCount++;
    }

    /** Union-find over runs: runs in consecutive rows that share a column are connected. */
    private void labelRuns() {
        if (parent.length < runCount) {
            parent = new int[runStart.length];
        }
        for (int i = 0; i < runCount; i++) {
            parent[i] = i;
        }
        for (int y = 1; y < rows; y++) {
            int a = rowFirstRun[y - 1];
            int aEnd = rowFirstRun[y];
            int b = rowFirstRun[y];
            int bEnd = rowFirstRun[y + 1];
            while (a < aEnd && b < bEnd) {
                if (runStart[a] < runEnd[b] && runStart[b] < runEnd[a]) {
                    union(a, b);
                }
                // Advance the run that ends first; the other may still overlap the next one.
                if (runEnd[a] < runEnd[b]) {
                    a++;
                } else {
                    b++;
                }
            }
        }
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private void union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra != rb) {
            // Smaller index becomes the root so that labelling is deterministic.
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    private void ensureArea(int count) {
        if (componentArea.length < count) {
            componentArea = new long[runStart.length];
        }
    }
}
