package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FrameFragmentsTest {
    /** Encapsulated PixelData with the given offset table entries and fragments. */
    private static DicomElement pixelData(long[] offsetTable, byte[]... fragments) throws DicomException {
        RawDicom raw = RawDicom.part10(TransferSyntax.RLE_LOSSLESS).header(Tag.PixelData, "OB", 0xFFFFFFFFL)
                .item(Tag.Item, offsetTable.length * 4L);
        for (long offset : offsetTable) {
            raw.u32(offset);
        }
        for (byte[] f : fragments) {
            raw.item(Tag.Item, f.length).raw(f);
        }
        raw.item(Tag.SequenceDelimitationItem, 0);
        return new DicomReader().read(raw.bytes()).dataSet().element(Tag.PixelData).orElseThrow();
    }

    @Test
    void assign_offsetTable_groupsSeveralFragmentsPerFrame() throws DicomException {
        // Frame 0 = fragments 1 and 2 (2 + 4 bytes, items of 10 and 12 bytes), frame 1 = fragment 3.
        DicomElement e = pixelData(new long[] {0, 22}, new byte[] {1, 2}, new byte[] {3, 4, 5, 6}, new byte[] {7, 8});
        int[][] frames = FrameFragments.assign(e, 2);
        assertArrayEquals(new int[] {1, 2}, frames[0]);
        assertArrayEquals(new int[] {3}, frames[1]);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, FrameFragments.concatenate(e, frames[0]));
    }

    @Test
    void assign_noOffsetTableAndOneFragmentPerFrame_mapsInOrder() throws DicomException {
        DicomElement e = pixelData(new long[0], new byte[] {1, 2}, new byte[] {3, 4});
        int[][] frames = FrameFragments.assign(e, 2);
        assertArrayEquals(new int[] {1}, frames[0]);
        assertArrayEquals(new int[] {2}, frames[1]);
    }

    @Test
    void assign_singleFrameSeveralFragments_concatenatesAll() throws DicomException {
        DicomElement e = pixelData(new long[0], new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5, 6});
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6}, FrameFragments.concatenate(e, FrameFragments.assign(e, 1)[0]));
    }

    @Test
    void assign_inconsistentOffsetTable_fallsBackOrFails() throws DicomException {
        DicomElement e = pixelData(new long[] {0, 5}, new byte[] {1, 2}, new byte[] {3, 4}, new byte[] {5, 6});
        DicomException x = assertThrows(DicomException.class, () -> FrameFragments.assign(e, 2));
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, x.code());
    }

    @Test
    void assign_severalFragmentsPerFrameNoOffsetTable_splitsOnEndOfImage() throws DicomException {
        byte[] a1 = {(byte) 0xFF, (byte) 0xD8, 1, 2};
        byte[] a2 = {3, 4, (byte) 0xFF, (byte) 0xD9};
        byte[] b1 = {(byte) 0xFF, (byte) 0xD8, 5, 6};
        byte[] b2 = {7, (byte) 0xFF, (byte) 0xD9, 0}; // odd-length stream padded with one zero byte
        byte[] c1 = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        DicomElement e = pixelData(new long[0], a1, a2, b1, b2, c1);
        int[][] frames = FrameFragments.assign(e, 3);
        assertArrayEquals(new int[] {1, 2}, frames[0]);
        assertArrayEquals(new int[] {3, 4}, frames[1]);
        assertArrayEquals(new int[] {5}, frames[2]);
    }

    @Test
    void assign_endOfImageMarkersDisagreeWithFrameCount_isCorrupt() throws DicomException {
        byte[] eoi = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9};
        DicomElement e = pixelData(new long[0], eoi, eoi, eoi, eoi);
        DicomException x = assertThrows(DicomException.class, () -> FrameFragments.assign(e, 3));
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, x.code());
    }

    @Test
    void assign_extendedOffsetTable_groupsByItsOffsets() throws DicomException {
        DicomElement e = pixelData(new long[0], new byte[] {1, 2}, new byte[] {3, 4, 5, 6}, new byte[] {7, 8});
        byte[] table = new byte[16];
        table[8] = 22; // frame 1 starts at the third item: 10 + 12 bytes after the first
        DicomElement eot = DicomElement.value(Tag.ExtendedOffsetTable, VR.OV, table, 0, 16, false, 0);
        int[][] frames = FrameFragments.assign(e, 2, eot);
        assertArrayEquals(new int[] {1, 2}, frames[0]);
        assertArrayEquals(new int[] {3}, frames[1]);
    }
}
