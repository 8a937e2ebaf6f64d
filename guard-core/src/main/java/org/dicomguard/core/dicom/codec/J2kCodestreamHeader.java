package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

/**
 * The image size segment (SIZ, ITU T.800 A.5.1) at the start of a raw JPEG 2000 codestream, read
 * without decoding anything: what the codestream will make a decoder allocate.
 *
 * @param width      Xsiz - XOsiz, the image width on the reference grid
 * @param height     Ysiz - YOsiz
 * @param precisions bits per sample of each component (1..38)
 * @param signed     whether each component is signed
 * @param subsampled whether any component has XRsiz or YRsiz other than 1
 */
record J2kCodestreamHeader(long width, long height, int[] precisions, boolean[] signed, boolean subsampled) {

    private static final int SOC = 0xFF4F;
    private static final int SIZ = 0xFF51;
    private static final int SIZ_FIXED_BYTES = 38;

    /** @return the number of components (Csiz) */
    int components() {
        return precisions.length;
    }

    /** @return the largest component precision in bits */
    int maxPrecision() {
        int max = 0;
        for (int p : precisions) {
            max = Math.max(max, p);
        }
        return max;
    }

    /** @return whether any component is signed */
    boolean anySigned() {
        for (boolean s : signed) {
            if (s) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param codestream bytes that may start with a raw codestream (SOC then SIZ)
     * @return whether they do; a JP2 file or anything else answers false
     */
    static boolean isRawCodestream(byte[] codestream) {
        return codestream.length >= 4 && u16(codestream, 0) == SOC && u16(codestream, 2) == SIZ;
    }

    /**
     * @param codestream a raw codestream (see {@link #isRawCodestream})
     * @param codecName  name used in error messages
     * @return the SIZ segment's fields
     * @throws DicomException CORRUPT_PIXEL_DATA when the segment is truncated or inconsistent
     */
    static J2kCodestreamHeader read(byte[] codestream, String codecName) throws DicomException {
        if (!isRawCodestream(codestream) || codestream.length < 4 + SIZ_FIXED_BYTES) {
            throw ImageIoFrames.corrupt(codecName + " codestream does not start with SOC and a complete SIZ", null);
        }
        int lsiz = u16(codestream, 4);
        long xsiz = u32(codestream, 8);
        long ysiz = u32(codestream, 12);
        long xosiz = u32(codestream, 16);
        long yosiz = u32(codestream, 20);
        int csiz = u16(codestream, 40);
        if (csiz < 1 || lsiz != SIZ_FIXED_BYTES + 3 * csiz || codestream.length < 4 + lsiz
                || xsiz <= xosiz || ysiz <= yosiz) {
            throw ImageIoFrames.corrupt(codecName + " SIZ segment is inconsistent (Lsiz " + lsiz + ", Csiz " + csiz
                    + ", " + xsiz + "x" + ysiz + " from " + xosiz + "," + yosiz + ")", null);
        }
        int[] precisions = new int[csiz];
        boolean[] signed = new boolean[csiz];
        boolean subsampled = false;
        for (int c = 0; c < csiz; c++) {
            int at = 42 + 3 * c;
            int ssiz = codestream[at] & 0xFF;
            precisions[c] = (ssiz & 0x7F) + 1;
            signed[c] = (ssiz & 0x80) != 0;
            subsampled |= codestream[at + 1] != 1 || codestream[at + 2] != 1;
        }
        return new J2kCodestreamHeader(xsiz - xosiz, ysiz - yosiz, precisions, signed, subsampled);
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }
}
