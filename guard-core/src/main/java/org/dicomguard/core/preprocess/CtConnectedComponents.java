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
        long[] seeds = new long[16];
        long[] counts = new long[16];
        int n = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] != 0 && visited[i] == 0) {
                long count = flood(mask, visited, null, i, depth, height, width, queue);
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
        byte[] visited = new byte[mask.length];
        byte[] out = new byte[mask.length];
        IntRing queue = new IntRing();
        for (int seed : seeds) {
            if (mask[seed] != 0 && visited[seed] == 0) {
                flood(mask, visited, out, seed, depth, height, width, queue);
            }
        }
        return out;
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
        byte[] visited = new byte[passable.length];
        byte[] out = new byte[passable.length];
        IntRing queue = new IntRing();
        for (int z = 0; z < depth; z++) {
            int base = z * height * width;
            for (int y = 0; y < height; y++) {
                boolean edgeRow = y == 0 || y == height - 1;
                for (int x = 0; x < width; x++) {
                    if (!edgeRow && x != 0 && x != width - 1) {
                        continue;
                    }
                    int i = base + y * width + x;
                    if (passable[i] != 0 && visited[i] == 0) {
                        flood(passable, visited, out, i, depth, height, width, queue);
                    }
                }
            }
        }
        return out;
    }

    private static long flood(byte[] mask, byte[] visited, byte[] out, int seed, int depth, int height, int width,
            IntRing queue) {
        int plane = height * width;
        queue.clear();
        visited[seed] = 1;
        queue.add(seed);
        long count = 0;
        while (!queue.isEmpty()) {
            int p = queue.poll();
            count++;
            if (out != null) {
                out[p] = 1;
            }
            int x = p % width;
            int y = (p / width) % height;
            int z = p / plane;
            if (x > 0) {
                visit(mask, visited, p - 1, queue);
            }
            if (x + 1 < width) {
                visit(mask, visited, p + 1, queue);
            }
            if (y > 0) {
                visit(mask, visited, p - width, queue);
            }
            if (y + 1 < height) {
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
