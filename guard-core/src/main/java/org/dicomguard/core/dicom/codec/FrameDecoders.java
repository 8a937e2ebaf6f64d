package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.TransferSyntax;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one table of encapsulated transfer syntaxes: for each UID (a {@link TransferSyntax}
 * constant) its name, the decoder that reads it or the code it is refused with, and how many
 * decoded bytes one encoded byte can produce at most (checked before the output is allocated).
 *
 * <table>
 *   <caption>Encapsulated transfer syntaxes</caption>
 *   <tr><th>UID</th><th>Name</th><th>Decoder</th></tr>
 *   <tr><td>1.2.840.10008.1.2.5</td><td>RLE Lossless</td><td>own (PS3.5 Annex G)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.50</td><td>JPEG Baseline</td><td>own for monochrome (IJG islow IDCT), else TwelveMonkeys/JDK, YBR to RGB</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.51</td><td>JPEG Extended</td><td>own for monochrome 8/12-bit, else as baseline (8-bit)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.57, .70</td><td>JPEG Lossless</td><td>own (T.81 process 14)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.80, .81</td><td>JPEG-LS</td><td>own (T.87)</td></tr>
 *   <tr><td>1.2.840.10008.1.2.4.90, .91</td><td>JPEG 2000</td><td>see {@link J2kFrameDecoder}</td></tr>
 * </table>
 * HTJ2K (.201/.202/.203) is refused with UNSUPPORTED_HTJ2K; MPEG2, H.264, JPEG XL and unknown
 * UIDs with UNSUPPORTED_TRANSFER_SYNTAX naming the UID. Decoders are shared singletons,
 * stateless and thread-safe.
 */
public final class FrameDecoders {

    /**
     * One row of the table.
     *
     * @param uid                       the transfer syntax UID, a {@link TransferSyntax} constant
     * @param name                      its name in PS3.6
     * @param decoderName               who decodes it, for documentation and benchmarks; "refused" when none
     * @param decoder                   the shared decoder, or null when the syntax is refused
     * @param refusal                   the code a refused syntax is answered with; null when decoded
     * @param maxDecodedPerEncodedByte  at most this many decoded bytes per encoded byte of a frame
     *                                  (with slack); 0 when the syntax has no useful bound
     */
    public record Entry(String uid, String name, String decoderName, FrameDecoder decoder, DicomErrorCode refusal,
                        long maxDecodedPerEncodedByte) {
        /** Checks that exactly one of decoder and refusal is set. */
        public Entry {
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(name, "name");
            if ((decoder == null) == (refusal == null)) {
                throw new IllegalArgumentException("exactly one of decoder and refusal must be set for " + uid);
            }
        }
    }

    private static final FrameDecoder RLE = new RleFrameDecoder();
    private static final FrameDecoder BASELINE = new JpegBaselineFrameDecoder(TransferSyntax.JPEG_BASELINE_8BIT);
    private static final FrameDecoder EXTENDED = new JpegBaselineFrameDecoder(TransferSyntax.JPEG_EXTENDED_12BIT);
    private static final FrameDecoder LOSSLESS = new JpegLosslessFrameDecoder();
    private static final FrameDecoder J2K = new J2kFrameDecoder();
    private static final FrameDecoder JPEG_LS = new JpegLsFrameDecoder();

    // Bounds: RLE's PackBits turns 2 bytes into at most 128 (64); a JPEG DCT block costs at least
    // 2 bits for 64 samples of at most 2 bytes (1024); lossless JPEG costs at least 1 bit per sample
    // of at most 2 bytes (32). JPEG-LS run mode and JPEG 2000 have no useful bound.
    private static final Map<String, Entry> TABLE = table(List.of(
            decoded(TransferSyntax.RLE_LOSSLESS, "RLE Lossless", "own (PS3.5 Annex G)", RLE, 64),
            decoded(TransferSyntax.JPEG_BASELINE_8BIT, "JPEG Baseline (Process 1)",
                    "own for monochrome (IJG islow IDCT), else TwelveMonkeys/JDK libjpeg", BASELINE, 1024),
            decoded(TransferSyntax.JPEG_EXTENDED_12BIT, "JPEG Extended (Process 2 & 4)",
                    "own (T.81 process 1/4, IJG islow IDCT) for monochrome 8/12-bit, else TwelveMonkeys", EXTENDED, 1024),
            decoded(TransferSyntax.JPEG_LOSSLESS, "JPEG Lossless, Non-Hierarchical (Process 14)",
                    "own (T.81 process 14)", LOSSLESS, 32),
            decoded(TransferSyntax.JPEG_LOSSLESS_SV1, "JPEG Lossless, First-Order Prediction (Process 14 SV1)",
                    "own (T.81 process 14)", LOSSLESS, 32),
            decoded(TransferSyntax.JPEG_LS_LOSSLESS, "JPEG-LS Lossless", "own (T.87)", JPEG_LS, 0),
            decoded(TransferSyntax.JPEG_LS_NEAR_LOSSLESS, "JPEG-LS Lossy (Near-Lossless)", "own (T.87)", JPEG_LS, 0),
            decoded(TransferSyntax.JPEG_2000_LOSSLESS, "JPEG 2000 (Lossless Only)", J2kFrameDecoder.DECODER_NAME,
                    J2K, 0),
            decoded(TransferSyntax.JPEG_2000, "JPEG 2000", J2kFrameDecoder.DECODER_NAME, J2K, 0),
            refused(TransferSyntax.HTJ2K_LOSSLESS, "High-Throughput JPEG 2000 (Lossless Only)",
                    DicomErrorCode.UNSUPPORTED_HTJ2K),
            refused(TransferSyntax.HTJ2K_RPCL_LOSSLESS, "High-Throughput JPEG 2000 with RPCL Options (Lossless Only)",
                    DicomErrorCode.UNSUPPORTED_HTJ2K),
            refused(TransferSyntax.HTJ2K, "High-Throughput JPEG 2000", DicomErrorCode.UNSUPPORTED_HTJ2K),
            refused(TransferSyntax.MPEG2_MAIN_PROFILE, "MPEG2 Main Profile",
                    DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX),
            refused(TransferSyntax.MPEG4_AVC_H264, "MPEG-4 AVC/H.264", DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX),
            refused(TransferSyntax.JPEG_XL_LOSSLESS, "JPEG XL Lossless", DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX)));

    private FrameDecoders() {
    }

    private static Entry decoded(String uid, String name, String decoderName, FrameDecoder decoder, long ratio) {
        return new Entry(uid, name, decoderName, decoder, null, ratio);
    }

    private static Entry refused(String uid, String name, DicomErrorCode code) {
        return new Entry(uid, name, "refused", null, code, 0);
    }

    private static Map<String, Entry> table(List<Entry> entries) {
        Map<String, Entry> byUid = new LinkedHashMap<>();
        for (Entry entry : entries) {
            if (byUid.put(entry.uid(), entry) != null) {
                throw new IllegalStateException("transfer syntax listed twice: " + entry.uid());
            }
        }
        return byUid;
    }

    /** @return every row of the table in PS3.6 order, decoded and refused syntaxes alike */
    public static List<Entry> table() {
        return List.copyOf(TABLE.values());
    }

    /**
     * @param transferSyntaxUid a transfer syntax UID, not null
     * @return its row, empty for native and unknown syntaxes
     */
    public static Optional<Entry> entry(String transferSyntaxUid) {
        return Optional.ofNullable(TABLE.get(Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid")));
    }

    /**
     * The decoder for a transfer syntax, without looking at the image. For JPEG Extended the
     * returned decoder refuses 12-bit colour images at {@link FrameDecoder#decode} time with
     * UNSUPPORTED_TRANSFER_SYNTAX; use {@link #forTransferSyntax(String, ImageDescriptor)} to
     * refuse them before reading the pixel data.
     *
     * @param transferSyntaxUid an encapsulated transfer syntax UID, not null
     * @return the shared decoder for it
     * @throws DicomException UNSUPPORTED_HTJ2K for HTJ2K; UNSUPPORTED_TRANSFER_SYNTAX naming the
     *                        UID (and its name when known) for every other syntax without a decoder
     */
    public static FrameDecoder forTransferSyntax(String transferSyntaxUid) throws DicomException {
        Entry entry = entry(transferSyntaxUid).orElse(null);
        if (entry == null) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_TRANSFER_SYNTAX,
                    "unsupported transfer syntax " + transferSyntaxUid);
        }
        if (entry.decoder() != null) {
            return entry.decoder();
        }
        if (entry.refusal() == DicomErrorCode.UNSUPPORTED_HTJ2K) {
            throw new DicomException(DicomErrorCode.UNSUPPORTED_HTJ2K, "High-Throughput JPEG 2000 transfer "
                    + "syntax " + transferSyntaxUid + " is not decoded (HTJ2K block coder not implemented)");
        }
        throw new DicomException(entry.refusal(),
                "unsupported transfer syntax " + transferSyntaxUid + " (" + entry.name() + ")");
    }

    /**
     * The decoder for a transfer syntax and image: like {@link #forTransferSyntax(String)}, but
     * also refuses JPEG Baseline/Extended images with bitsStored &gt; 8 in colour or &gt; 12 up front.
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
