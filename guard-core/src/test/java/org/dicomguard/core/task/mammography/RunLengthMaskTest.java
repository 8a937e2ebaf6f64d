package org.dicomguard.core.task.mammography;

import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Run-length largest component and hole filling against a naive pixel BFS reference. */
class RunLengthMaskTest {

    private static final byte[] IDENTITY = identityLut();

    @Test
    void keepLargestAndFillHoles_randomMasks_matchPixelReference() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 1 + random.nextInt(40);
            int columns = 1 + random.nextInt(40);
            double density = 0.3 + 0.5 * random.nextDouble();
            short[] values = new short[rows * columns];
            for (int i = 0; i < values.length; i++) {
                values[i] = (short) (random.nextDouble() < density ? 1 : 0);
            }
            RunLengthMask mask = new RunLengthMask();
            mask.threshold(values, rows, columns, IDENTITY);
            mask.keepLargestComponent();
            mask.fillHoles(new RunLengthMask());
            byte[] actual = toBytes(mask, rows, columns);
            assertArrayEquals(reference(values, rows, columns), actual, "trial " + trial + " " + rows + "x" + columns);
        }
    }

    @Test
    void fillHoles_ringWithHoleAndOpenNotch_fillsOnlyEnclosedHole() {
        String[] picture = {
            "..........",
            ".#####....",
            ".#...#....",
            ".#...#.##.",
            ".#####.#..",
            ".......##.",
        };
        int rows = picture.length;
        int columns = picture[0].length();
        short[] values = new short[rows * columns];
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                values[y * columns + x] = (short) (picture[y].charAt(x) == '#' ? 1 : 0);
            }
        }
        RunLengthMask mask = new RunLengthMask();
        mask.threshold(values, rows, columns, IDENTITY);
        mask.keepLargestComponent();
        mask.fillHoles(new RunLengthMask());
        byte[] actual = toBytes(mask, rows, columns);
        String[] expected = {
            "..........",
            ".#####....",
            ".#####....",
            ".#####....",
            ".#####....",
            "..........",
        };
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                org.junit.jupiter.api.Assertions.assertEquals(expected[y].charAt(x) == '#' ? 1 : 0,
                        actual[y * columns + x], "pixel " + y + "," + x);
            }
        }
    }

    /** Naive reference: BFS labelling, first largest component in raster order, border flood of the background. */
    private static byte[] reference(short[] values, int rows, int columns) {
        int n = rows * columns;
        int[] label = new int[n];
        int best = 0;
        int bestSize = 0;
        int next = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (values[start] == 0 || label[start] != 0) {
                continue;
            }
            next++;
            int size = 0;
            label[start] = next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                size++;
                for (int q : neighbours(p, rows, columns)) {
                    if (q >= 0 && values[q] != 0 && label[q] == 0) {
                        label[q] = next;
                        queue.add(q);
                    }
                }
            }
            if (size > bestSize) {
                bestSize = size;
                best = next;
            }
        }
        byte[] mask = new byte[n];
        for (int i = 0; i < n; i++) {
            mask[i] = (byte) (best != 0 && label[i] == best ? 1 : 0);
        }
        boolean[] outside = new boolean[n];
        for (int i = 0; i < n; i++) {
            int y = i / columns;
            int x = i % columns;
            if ((y == 0 || x == 0 || y == rows - 1 || x == columns - 1) && mask[i] == 0) {
                outside[i] = true;
                queue.add(i);
            }
        }
        while (!queue.isEmpty()) {
            int p = queue.poll();
            for (int q : neighbours(p, rows, columns)) {
                if (q >= 0 && mask[q] == 0 && !outside[q]) {
                    outside[q] = true;
                    queue.add(q);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (!outside[i]) {
                mask[i] = 1;
            }
        }
        if (best == 0) {
            java.util.Arrays.fill(mask, (byte) 0);
        }
        return mask;
    }

    private static int[] neighbours(int p, int rows, int columns) {
        int y = p / columns;
        int x = p % columns;
        return new int[] {x > 0 ? p - 1 : -1, x < columns - 1 ? p + 1 : -1, y > 0 ? p - columns : -1,
            y < rows - 1 ? p + columns : -1};
    }

    private static byte[] identityLut() {
        byte[] lut = new byte[65536];
        lut[1] = 1;
        return lut;
    }

    /** Expands the runs to one byte per pixel, as the preprocessing result does. */
    private static byte[] toBytes(RunLengthMask mask, int rows, int columns) {
        byte[] out = new byte[rows * columns];
        int[] runs = mask.toRunTriples();
        for (int i = 0; i < runs.length; i += 3) {
            java.util.Arrays.fill(out, runs[i] * columns + runs[i + 1], runs[i] * columns + runs[i + 2], (byte) 1);
        }
        return out;
    }
}
