package org.dicomguard.core.dicom;

import java.util.Map;

/**
 * Refuses an image whose declared size its bytes could never produce, and one over the decode
 * budget, before the output array is allocated: a 700-byte file declaring 10000 x 10000 RLE
 * would otherwise allocate 200 MB and take the JVM down.
 *
 * <p>Bounds (decoded bytes per encoded byte of a frame, with slack): RLE's PackBits turns 2 bytes
 * into at most 128 (64); a JPEG DCT block costs at least 2 bits for 64 samples of at most 2 bytes
 * (1024); lossless JPEG costs at least 1 bit per sample of at most 2 bytes (32). JPEG-LS run mode,
 * JPEG 2000 and other syntaxes have no useful bound and rely on the decode budgets alone.
 * Checked at the dispatch level, so every codec of a syntax is covered.
 */
final class DeclaredSizeBound {

    private static final Map<String, Long> MAX_DECODED_PER_ENCODED_BYTE = Map.of(
            TransferSyntax.RLE_LOSSLESS, 64L,
            TransferSyntax.JPEG_BASELINE_8BIT, 1024L,
            TransferSyntax.JPEG_EXTENDED_12BIT, 1024L,
            TransferSyntax.JPEG_LOSSLESS, 32L,
            TransferSyntax.JPEG_LOSSLESS_SV1, 32L);
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
        Long ratio = MAX_DECODED_PER_ENCODED_BYTE.get(transferSyntaxUid);
        if (ratio == null) {
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
