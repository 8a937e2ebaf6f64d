package org.dicomguard.core.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class DoubleRadixSortTest {

    private static void assertSortsLikeArraysSort(double[] values) {
        double[] expected = values.clone();
        Arrays.sort(expected);
        double[] actual = values.clone();
        DoubleRadixSort.sort(actual);
        assertArrayEquals(expected, actual);
        double[] withOrder = values.clone();
        int[] order = DoubleRadixSort.sortWithOrder(withOrder);
        assertArrayEquals(expected, withOrder);
        for (int k = 0; k < order.length; k++) {
            assertEquals(Double.doubleToLongBits(values[order[k]]), Double.doubleToLongBits(withOrder[k]));
            if (k > 0 && withOrder[k] == withOrder[k - 1]) {
                assertTrue(order[k] > order[k - 1], "stable");
            }
        }
    }

    @Test
    void sort_mixedSignsInfinitiesSubnormalsAndTies_matchesArraysSort() {
        Random random = new Random(8);
        double[] special = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE,
            Double.MAX_VALUE, -Double.MAX_VALUE, 0.0, 1.0, -1.0};
        for (int trial = 0; trial < 20; trial++) {
            double[] values = new double[DoubleRadixSort.RADIX_MIN_LENGTH + random.nextInt(20_000)];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (trial % 4) {
                    case 0 -> random.nextGaussian() * 1e3;
                    case 1 -> random.nextDouble();
                    case 2 -> Math.floor(random.nextGaussian() * 3);
                    default -> special[random.nextInt(special.length)];
                };
            }
            assertSortsLikeArraysSort(values);
        }
    }

    @Test
    void sort_constantAndShort_matchesArraysSort() {
        double[] constant = new double[10_000];
        Arrays.fill(constant, 0.25);
        assertSortsLikeArraysSort(constant);
        assertSortsLikeArraysSort(new double[] {3, -1, 2});
        assertSortsLikeArraysSort(new double[0]);
    }
}
