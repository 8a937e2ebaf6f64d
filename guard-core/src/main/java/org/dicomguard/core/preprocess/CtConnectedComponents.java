package org.dicomguard.core.preprocess;

import java.util.Arrays;

/**
 * 6-connected components of 3D byte masks without per-voxel objects or an int label volume.
 *
 * <p>Design note: a label volume would cost 4 bytes per voxel (268 MB for 256 slices of 512 x
 * 512). Instead one breadth-first pass marks visited voxels in a byte array and records each
 * component's size and first voxel; a second flood from the chosen first voxels writes the
 * output. Both passes visit each voxel a bounded number of times (linear time); the queue is a
 * growable ring buffer of ints, sized by the BFS frontier rather than the volume.
 *
 * <p>Stateless and thread-safe.
 */
public final class CtConnectedComponents {

    private CtConnectedComponents() {
    }

    /**
     * Components of a mask, largest first.
     *
     * @param mask  0/1 mask, not modified
     * @return the seed voxel index and voxel count of every component, sorted by descending count
     *         (ties by ascending seed, so the order is deterministic)
     */
    public static long[][] componentsBySize(byte[] mask, int depth, int height, int width) {
        byte[] visited = new byte[mask.length];
        IntRing queue = new IntRing();
        char[] columnOf = columnLookup(height, width);
        long[] seeds = new long[16];
        long[] counts = new long[16];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0 && visited[i] == 0) {
                long count = flood(mask, visited, i, depth, height, width, columnOf, queue);
                if (n == seeds.length) {
                    seeds = Arrays.copyOf(seeds, n * 2);
                    counts = Arrays.copyOf(counts, n * 2);
                }
                seeds[n] = i;
                counts[n] = count;
                n++;
            }
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        final long[] c = counts;
        final long[] s = seeds;
        Arrays.sort(order, (a, b) -> c[a] != c[b] ? Long.compare(c[b], c[a]) : Long.compare(s[a], s[b]));
        long[][] result = new long[n][];
        for (int k = 0; k < n; k++) {
            result[k] = new long[] {seeds[order[k]], counts[order[k]]};
        }
        return result;
    }

    /**
     * @param mask  0/1 mask, not modified
     * @param seeds voxel indices of set voxels whose components are kept
     * @return a new mask holding exactly the components containing the seeds
     */
    public static byte[] keepComponents(byte[] mask, int depth, int height, int width, int[] seeds) {
        // The visited marks of floods started only from the seeds are exactly the kept components.
        byte[] visited = new byte[mask.length];
        IntRing queue = new IntRing();
        char[] columnOf = columnLookup(height, width);
        for (int seed : seeds) {
            if (mask[seed] != 0 && visited[seed] == 0) {
                flood(mask, visited, seed, depth, height, width, columnOf, queue);
            }
        }
        return visited;
    }

    /**
     * Marks every voxel reachable through set voxels of {@code passable} from set voxels on the
     * four in-plane faces of the volume (x = 0, x = width - 1, y = 0, y = height - 1). The top and
     * bottom slices are not seeds: lungs often touch them, air around the body never only does.
     *
     * @param passable 0/1 mask, not modified
     * @return a new mask of the reached voxels
     */
    public static byte[] reachableFromInPlaneBorder(byte[] passable, int depth, int height, int width) {
        // Most outside air is reachable within its own slice: a cheap 2D flood per slice first,
        // then a 3D flood only from reached voxels whose slice neighbours are still unreached.
        // The result equals a plain 3D flood (every seed lies on an in-plane face) at a fraction
        // of its cost, because the 3D pass only visits air that the slices did not reach.
        byte[] visited = new byte[passable.length];
        int plane = height * width;
        int[] sliceQueue = new int[plane];
        char[] columnOf = columnLookup(height, width);
        for (int z = 0; z < depth; z++) {
            floodSliceFromBorder(passable, z * plane, true, visited, z * plane, height, width, columnOf, sliceQueue);
        }
        IntRing queue = new IntRing();
        for (int p = 0; p < passable.length; p++) {
            if (visited[p] != 0) {
                if (p >= plane) {
                    visit(passable, visited, p - plane, queue);
                }
                if (p + plane < passable.length) {
                    visit(passable, visited, p + plane, queue);
                }
            }
        }
        drain(passable, visited, depth, height, width, columnOf, queue);
        return visited;
    }

    /**
     * Marks, within one slice, every voxel 4-connected to the slice border through voxels whose
     * setting is {@code throughSet} (set voxels for outside air, unset ones for hole filling).
     *
     * @param volume       0/1 mask, not modified
     * @param base         index of the slice's first voxel in {@code volume}
     * @param throughSet   true: flood through set voxels; false: through unset ones
     * @param visited      0/1 marks, set for every reached voxel (and already-set marks are not entered)
     * @param visitedBase  index of the slice's first voxel in {@code visited}
     * @param columnOf     {@link #columnLookup} of the slice
     * @param queue        scratch of at least height * width entries
     */
    static void floodSliceFromBorder(byte[] volume, int base, boolean throughSet, byte[] visited, int visitedBase,
            int height, int width, char[] columnOf, int[] queue) {
        int plane = height * width;
        int lastRowStart = plane - width;
        int tail = 0;
        for (int x = 0; x < width; x++) {
            tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, x);
            tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, lastRowStart + x);
        }
        for (int y = 1; y + 1 < height; y++) {
            tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, y * width);
            tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, y * width + width - 1);
        }
        for (int head = 0; head < tail; head++) {
            int q = queue[head];
            int x = columnOf[q];
            if (x > 0) {
                tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, q - 1);
            }
            if (x + 1 < width) {
                tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, q + 1);
            }
            if (q >= width) {
                tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, q - width);
            }
            if (q < lastRowStart) {
                tail = mark(volume, base, throughSet, visited, visitedBase, queue, tail, q + width);
            }
        }
    }

    private static int mark(byte[] volume, int base, boolean throughSet, byte[] visited, int visitedBase, int[] queue,
            int tail, int q) {
        if ((volume[base + q] != 0) == throughSet && visited[visitedBase + q] == 0) {
            visited[visitedBase + q] = 1;
            queue[tail++] = q;
        }
        return tail;
    }

    /**
     * @param columnOf column of each in-plane index, so that one division (the slice) per voxel
     *                 is enough; integer division dominated the flood before
     */
    private static long flood(byte[] mask, byte[] visited, int seed, int depth, int height, int width,
            char[] columnOf, IntRing queue) {
        queue.clear();
        visited[seed] = 1;
        queue.add(seed);
        return drain(mask, visited, depth, height, width, columnOf, queue);
    }

    /** Breadth-first 6-connected expansion from the voxels already queued (and marked visited). */
    private static long drain(byte[] mask, byte[] visited, int depth, int height, int width, char[] columnOf,
            IntRing queue) {
        int plane = height * width;
        int lastRowStart = plane - width;
        long count = 0;
        while (!queue.isEmpty()) {
            int p = queue.poll();
            count++;
            int z = p / plane;
            int q = p - z * plane;
            int x = columnOf[q];
            if (x > 0) {
                visit(mask, visited, p - 1, queue);
            }
            if (x + 1 < width) {
                visit(mask, visited, p + 1, queue);
            }
            if (q >= width) {
                visit(mask, visited, p - width, queue);
            }
            if (q < lastRowStart) {
                visit(mask, visited, p + width, queue);
            }
            if (z > 0) {
                visit(mask, visited, p - plane, queue);
            }
            if (z + 1 < depth) {
                visit(mask, visited, p + plane, queue);
            }
        }
        return count;
    }

    static char[] columnLookup(int height, int width) {
        char[] columnOf = new char[height * width];
        for (int q = 0; q < columnOf.length; q++) {
            columnOf[q] = (char) (q % width);
        }
        return columnOf;
    }

    private static void visit(byte[] mask, byte[] visited, int p, IntRing queue) {
        if (mask[p] != 0 && visited[p] == 0) {
            visited[p] = 1;
            queue.add(p);
        }
    }

    /** A growable FIFO of ints in a ring buffer; not thread-safe, one per flood call chain. */
    private static final class IntRing {
        private int[] items = new int[1 << 14];
        private int head;
        private int size;

        void clear() {
            head = 0;
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void add(int value) {
            if (size == items.length) {
                int[] grown = new int[items.length * 2];
                for (int k = 0; k < size; k++) {
                    grown[k] = items[(head + k) & (items.length - 1)];
                }
                items = grown;
                head = 0;
            }
            items[(head + size) & (items.length - 1)] = value;
            size++;
        }

        int poll() {
            int value = items[head];
            head = (head + 1) & (items.length - 1);
            size--;
            return value;
        }
    }
}
