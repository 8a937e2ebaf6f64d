package org.dicomguard.core.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps the fragments of encapsulated pixel data to frames (PS3.5 A.4), in this order: by the
 * Extended Offset Table when present and consistent; by the basic offset table when present and
 * consistent; one frame per fragment when the counts agree; all fragments for a single frame;
 * else by the end-of-image marker (0xFFD9, also JPEG 2000's end-of-codestream) that ends each
 * frame's last fragment, as dcmtk and GDCM do for multi-fragment frames without a table.
 */
final class FrameFragments {
    private static final int MARKER_PREFIX = 0xFF;
    private static final int END_OF_IMAGE = 0xD9;

    private FrameFragments() {
    }

    /**
     * @return for each frame the indexes (into the element's fragment arrays, 1-based: 0 is the
     *         offset table) of its fragments, in order
     */
    static int[][] assign(DicomElement e, int frames) throws DicomException {
        return assign(e, frames, null);
    }

    /**
     * @param extendedOffsetTable the data set's (7FE0,0001) element, or null when absent
     * @return for each frame the indexes (into the element's fragment arrays, 1-based: 0 is the
     *         offset table) of its fragments, in order
     */
    static int[][] assign(DicomElement e, int frames, DicomElement extendedOffsetTable) throws DicomException {
        int fragmentCount = e.fragmentOffsets.length - 1;
        if (fragmentCount < 1) {
            throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "PixelData at offset " + e.streamOffset
                    + " has no fragments");
        }
        if (extendedOffsetTable != null && extendedOffsetTable.valueLength == 8L * frames) {
            long[] starts = new long[frames];
            for (int f = 0; f < frames; f++) {
                starts[f] = extendedOffsetTable.s64(8 * f);
            }
            int[][] byTable = byFrameStarts(e, starts, fragmentCount);
            if (byTable.length == frames) {
                return byTable;
            }
        }
        int tableLength = e.fragmentLengths[0];
        if (tableLength >= 4 && tableLength % 4 == 0 && tableLength / 4 == frames) {
            int[][] byTable = byFrameStarts(e, basicOffsetTable(e, frames), fragmentCount);
            if (byTable.length == frames) {
                return byTable;
            }
        }
        int[][] out = new int[frames][];
        if (fragmentCount == frames) {
            for (int f = 0; f < frames; f++) {
                out[f] = new int[] {f + 1};
            }
            return out;
        }
        if (frames == 1) {
            out[0] = range(1, fragmentCount + 1);
            return out;
        }
        int[][] byMarker = byEndOfImage(e, frames, fragmentCount);
        if (byMarker.length == frames) {
            return byMarker;
        }
        throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "cannot assign " + fragmentCount
                + " fragments to " + frames + " frames: no usable offset table and " + byMarker.length
                + " fragments end with an end-of-image marker");
    }

    private static long[] basicOffsetTable(DicomElement e, int frames) {
        long[] frameStart = new long[frames];
        int p = e.fragmentOffsets[0];
        for (int f = 0; f < frames; f++) {
            frameStart[f] = (e.buffer[p] & 0xFF) | ((e.buffer[p + 1] & 0xFF) << 8) | ((e.buffer[p + 2] & 0xFF) << 16)
                    | ((long) (e.buffer[p + 3] & 0xFF) << 24);
            p += 4;
        }
        return frameStart;
    }

    /**
     * @param frameStart offset of each frame's first item header from the first fragment's
     * @return the assignment, or an empty array when the offsets do not match the fragments
     */
    private static int[][] byFrameStarts(DicomElement e, long[] frameStart, int fragmentCount) {
        int frames = frameStart.length;
        for (int f = 0; f < frames; f++) {
            if (f > 0 && frameStart[f] <= frameStart[f - 1] || f == 0 && frameStart[0] != 0) {
                return new int[0][];
            }
        }
        int[][] out = new int[frames][];
        long itemOffset = 0; // offset of each fragment's item header from the first fragment's
        int fragment = 1;
        for (int f = 0; f < frames; f++) {
            long next = f + 1 < frames ? frameStart[f + 1] : Long.MAX_VALUE;
            if (itemOffset != frameStart[f]) {
                return new int[0][];
            }
            int first = fragment;
            while (fragment <= fragmentCount && itemOffset < next) {
                itemOffset += 8L + e.fragmentLengths[fragment];
                fragment++;
            }
            if (fragment == first) {
                return new int[0][];
            }
            out[f] = range(first, fragment);
        }
        return fragment == fragmentCount + 1 ? out : new int[0][];
    }

    /**
     * Frames end at the fragments whose last bytes (before at most one 0x00 pad byte) are FF D9;
     * the last frame also ends with the last fragment. Entropy-coded JPEG data and JPEG 2000
     * packet data cannot contain FF D9, so a fragment never ends with it by chance.
     *
     * @return the assignment; fewer or more groups than {@code frames} when the markers disagree
     */
    private static int[][] byEndOfImage(DicomElement e, int frames, int fragmentCount) {
        List<int[]> groups = new ArrayList<>();
        int first = 1;
        for (int fragment = 1; fragment <= fragmentCount; fragment++) {
            if (endsWithEndOfImage(e, fragment) || fragment == fragmentCount) {
                groups.add(range(first, fragment + 1));
                first = fragment + 1;
                if (groups.size() > frames) {
                    break;
                }
            }
        }
        return groups.toArray(new int[0][]);
    }

    private static boolean endsWithEndOfImage(DicomElement e, int fragment) {
        int start = e.fragmentOffsets[fragment];
        int p = start + e.fragmentLengths[fragment] - 1;
        if (p >= start && e.buffer[p] == 0) {
            p--; // the pad byte that makes an odd-length stream even
        }
        return p - 1 >= start && (e.buffer[p] & 0xFF) == END_OF_IMAGE && (e.buffer[p - 1] & 0xFF) == MARKER_PREFIX;
    }

    private static int[] range(int fromInclusive, int toExclusive) {
        int[] indexes = new int[toExclusive - fromInclusive];
        for (int i = 0; i < indexes.length; i++) {
            indexes[i] = fromInclusive + i;
        }
        return indexes;
    }

    /** @return the fragments' bytes concatenated, a new array */
    static byte[] concatenate(DicomElement e, int[] fragmentIndexes) throws DicomException {
        long total = 0;
        for (int index : fragmentIndexes) {
            total += e.fragmentLengths[index];
        }
        if (total > DicomReadLimits.MAX_ARRAY_LENGTH) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "encoded frame of " + total + " bytes is too large");
        }
        byte[] out = new byte[(int) total];
        int at = 0;
        for (int index : fragmentIndexes) {
            System.arraycopy(e.buffer, e.fragmentOffsets[index], out, at, e.fragmentLengths[index]);
            at += e.fragmentLengths[index];
        }
        return out;
    }
}
