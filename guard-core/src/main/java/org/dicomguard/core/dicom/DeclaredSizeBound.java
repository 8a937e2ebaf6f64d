package org.dicomguard.core.dicom;

import org.dicomguard.core.dicom.codec.FrameDecoders;

/**
 * Refuses an image whose declared size its bytes could never produce, and one over the decode
 * budget, before the output array is allocated: a 700-byte file declaring 10000 x 10000 RLE
 * would otherwise allocate 200 MB and take the JVM down.
 *
 * <p>Bounds (decoded bytes per encoded byte of a frame, with slack) are a column of the transfer
 * syntax table, {@link FrameDecoders.Entry#maxDecodedPerEncodedByte()}; syntaxes without a useful
 * bound (JPEG-LS run mode, JPEG 2000) rely on the decode budgets alone.
 * Checked at the dispatch level, so every codec of a syntax is covered.
 */
final class DeclaredSizeBound {

    /** Slack per frame for headers and markers of a tiny frame. */
    private static final long FRAME_SLACK_BYTES = 1024;

    private DeclaredSizeBound() {
    }

    /**
     * @param module the declared image
     * @param limits the per-file budget
     * @throws DicomException LIMIT_EXCEEDED when the decoded bytes exceed the per-file budget or the
     *                        study budget open on this thread
     */
    static void chargeDecoded(PixelModule module, DicomReadLimits limits) throws DicomException {
        long decoded = (long) module.totalSamples() * module.bytesPerSample();
        String what = "decoded pixels of " + module.rows() + "x" + module.columns() + "x" + module.frames()
                + " frames";
        if (decoded > limits.maxDecodedBytesPerFile()) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, what + " (" + decoded + " bytes) exceed the"
                    + " file decode budget maxDecodedBytesPerFile=" + limits.maxDecodedBytesPerFile());
        }
        DecodeBudget.chargeCurrent(decoded, what);
    }

    /**
     * @param transferSyntaxUid the pixel data's syntax
     * @param module            the declared image
     * @param pixelData         the encapsulated element
     * @param frameFragments    fragment indexes of each frame
     * @throws DicomException CORRUPT_PIXEL_DATA when a frame declares more bytes than its encoded
     *                        bytes can produce
     */
    static void checkEncapsulated(String transferSyntaxUid, PixelModule module, DicomElement pixelData,
                                  int[][] frameFragments) throws DicomException {
        long ratio = FrameDecoders.entry(transferSyntaxUid).map(FrameDecoders.Entry::maxDecodedPerEncodedByte)
                .orElse(0L);
        if (ratio == 0) {
            return;
        }
        long frameBytes = (long) module.samplesPerFrame() * module.bytesPerSample();
        for (int frame = 0; frame < frameFragments.length; frame++) {
            long encoded = 0;
            for (int index : frameFragments[frame]) {
                encoded += pixelData.fragmentLengths[index];
            }
            long possible = encoded * ratio + FRAME_SLACK_BYTES;
            if (frameBytes > possible) {
                throw new DicomException(DicomErrorCode.CORRUPT_PIXEL_DATA, "frame " + frame + " declares "
                        + frameBytes + " decoded bytes but its " + encoded + " encoded bytes of " + transferSyntaxUid
                        + " can produce at most " + possible);
            }
        }
    }
}
