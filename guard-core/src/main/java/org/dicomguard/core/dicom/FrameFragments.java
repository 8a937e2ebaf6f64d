package org.dicomguard.core.dicom;

/**
 * Maps the fragments of encapsulated pixel data to frames (PS3.5 A.4): by the basic offset table
 * when present and consistent; else one frame per fragment when the counts agree; else, for a
 * single frame, all fragments.
 */
final class FrameFragments {
    private FrameFragments() {
    }

    /**
     * @return for each frame the indexes (into the element's fragment arrays, 1-based: 0 is the
     *         offset table) of its fragments, in order
     */
    static int[][] assign(DicomElement e, int frames) throws DicomException {
        int fragmentCount = e.fragmentOffsets.length - 1;
        if (fragmentCount < 1) {
            throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "PixelData at offset " + e.streamOffset
                    + " has no fragments");
        }
        int tableLength = e.fragmentLengths[0];
        if (tableLength >= 4 && tableLength % 4 == 0 && tableLength / 4 == frames) {
            int[][] byTable = byOffsetTable(e, frames, fragmentCount);
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
            int[] all = new int[fragmentCount];
            for (int i = 0; i < fragmentCount; i++) {
                all[i] = i + 1;
            }
            out[0] = all;
            return out;
        }
        throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "cannot assign " + fragmentCount
                + " fragments to " + frames + " frames without a basic offset table");
    }

    /** @return the assignment, or an empty array when the table does not match the fragments */
    private static int[][] byOffsetTable(DicomElement e, int frames, int fragmentCount) {
        long[] frameStart = new long[frames];
        int p = e.fragmentOffsets[0];
        for (int f = 0; f < frames; f++) {
            frameStart[f] = (e.buffer[p] & 0xFF) | ((e.buffer[p + 1] & 0xFF) << 8) | ((e.buffer[p + 2] & 0xFF) << 16)
                    | ((long) (e.buffer[p + 3] & 0xFF) << 24);
            p += 4;
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
            int[] indexes = new int[fragment - first];
            for (int i = 0; i < indexes.length; i++) {
                indexes[i] = first + i;
            }
            out[f] = indexes;
        }
        return fragment == fragmentCount + 1 ? out : new int[0][];
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
