package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.TransferSyntax;

import java.util.Map;
import java.util.Objects;

/**
 * Chooses the {@link FrameDecoder} for an encapsulated transfer syntax.
 *
 * <table>
 *   <caption>Supported encapsulated transfer syntaxes</caption>
 *   <tr><th>UID</th><th>Name</th><th>Decoder</th></tr>
 *   <tr><td>1.2.840.10008.1.2.5</td><td>RLE Lossless</td><td>own (PS3.5 Annex G)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.50</td><td>JPEG Baseline</td><td>TwelveMonkeys/JDK, YBR to RGB</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.51</td><td>JPEG Extended</td><td>as baseline, 8-bit only</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.57, .70</td><td>JPEG Lossless</td><td>own (T.81 process 14)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.80, .81</td><td>JPEG-LS</td><td>own (T.87)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.90, .91</td><td>JPEG 2000</td><td>jai-imageio (jj2000)</td></tr>
 * </table>
 * Everything else (12-bit JPEG Extended, MPEG, HEVC, unknown UIDs) is
 * refused with UNSUPPORTED_TRANSFER_SYNTAX naming the UID; HTJ2K (.201/.202/.203) with
 * UNSUPPORTED_HTJ2K. Decoders are shared singletons,
 * stateless and thread-safe.
 */
public final class FrameDecoders {
    /** RLE Lossless. */
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    /** JPEG Baseline (Process 1), 8-bit lossy. */
    public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    /** JPEG Extended (Process 2 and 4): decoded only when bitsStored is 8. */
    public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";
    /** JPEG Lossless, Non-Hierarchical (Process 14). */
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    /** JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, selection value 1). */
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    /** JPEG 2000 Image Compression (Lossless Only). */
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    /** JPEG 2000 Image Compression. */
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

    /** JPEG-LS Lossless. */
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    /** JPEG-LS Lossy (Near-Lossless). */
    public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

    private static final Map<String, String> REFUSED_NAMES = Map.of(
            "1.2.840.10008.1.2.4.100", "MPEG2 Main Profile",
            "1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264",
            "1.2.840.10008.1.2.4.110", "JPEG XL Lossless");

    private static final FrameDecoder RLE = new RleFrameDecoder();
    private static final FrameDecoder BASELINE = new JpegBaselineFrameDecoder(JPEG_BASELINE);
    private static final FrameDecoder EXTENDED = new JpegBaselineFrameDecoder(JPEG_EXTENDED);
    private static final FrameDecoder LOSSLESS = new JpegLosslessFrameDecoder();
    private static final FrameDecoder J2K = new J2kFrameDecoder();
    private static final FrameDecoder JPEG_LS = new JpegLsFrameDecoder();

    private FrameDecoders() {
    }

    /**
     * The decoder for a transfer syntax, without looking at the image. For JPEG Extended the
     * returned decoder refuses 12-bit images at {@link FrameDecoder#decode} time with
     * UNSUPPORTED_TRANSFER_SYNTAX; use {@link #forTransferSyntax(String, ImageDescriptor)} to
     * refuse them before reading the pixel data.
     *
     * @param transferSyntaxUid an encapsulated transfer syntax UID, not null
     * @return the shared decoder for it
     * @throws DicomException UNSUPPORTED_TRANSFER_SYNTAX naming the UID when there is none
     */
    public static FrameDecoder forTransferSyntax(String transferSyntaxUid) throws DicomException {
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        switch (transferSyntaxUid) {
            case RLE_LOSSLESS:
                return RLE;
            case JPEG_BASELINE:
                return BASELINE;
            case JPEG_EXTENDED:
                return EXTENDED;
            case JPEG_LOSSLESS:
            case JPEG_LOSSLESS_SV1:
                return LOSSLESS;
            case JPEG_2000_LOSSLESS:
            case JPEG_2000:
                return J2K;
            case JPEG_LS_LOSSLESS:
            case JPEG_LS_NEAR_LOSSLESS:
                return JPEG_LS;
            default:
                if (TransferSyntax.isHtj2k(transferSyntaxUid)) {
                    throw new DicomException(DicomErrorCode.UNSUPPORTED_HTJ2K, "High-Throughput JPEG 2000 transfer "
                            + "syntax " + transferSyntaxUid + " is not decoded (HTJ2K block coder not implemented)");
                }
                String name = REFUSED_NAMES.get(transferSyntaxUid);
                throw new DicomException(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX,
                        "unsupported transfer syntax " + transferSyntaxUid + (name == null ? "" : " (" + name + ")"));
        }
    }

    /**
     * The decoder for a transfer syntax and image: like {@link #forTransferSyntax(String)}, but
     * also refuses JPEG Baseline/Extended images with bitsStored &gt; 8 up front.
     *
     * @param transferSyntaxUid an encapsulated transfer syntax UID, not null
     * @param descriptor        the header's image attributes, not null
     * @return the shared decoder for it
     * @throws DicomException UNSUPPORTED_TRANSFER_SYNTAX naming the UID when there is none
     */
    public static FrameDecoder forTransferSyntax(String transferSyntaxUid, ImageDescriptor descriptor)
            throws DicomException {
        Objects.requireNonNull(descriptor, "descriptor");
        FrameDecoder decoder = forTransferSyntax(transferSyntaxUid);
        if (decoder == BASELINE || decoder == EXTENDED) {
            JpegBaselineFrameDecoder.requireEightBit(transferSyntaxUid, descriptor);
        }
        return decoder;
    }
}
