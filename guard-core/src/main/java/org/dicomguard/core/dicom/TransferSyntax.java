package org.dicomguard.core.dicom;

/**
 * Transfer syntax UIDs (PS3.5 section 10 and Annex A) and how each one encodes a data set: the one
 * place a transfer syntax UID is spelled out in main code. Which decoder reads each encapsulated
 * syntax is the table in {@link org.dicomguard.core.dicom.codec.FrameDecoders}. Thread-safe: stateless.
 */
public final class TransferSyntax {
    /** 1.2.840.10008.1.2 Implicit VR Little Endian (the default when a file does not say). */
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    /** 1.2.840.10008.1.2.1 Explicit VR Little Endian. */
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    /** 1.2.840.10008.1.2.1.99 Deflated Explicit VR Little Endian. */
    public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1.99";
    /** 1.2.840.10008.1.2.2 Explicit VR Big Endian (retired, still found in archives). */
    public static final String EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2";
    /** 1.2.840.10008.1.2.4.50 JPEG Baseline (Process 1), 8-bit lossy. */
    public static final String JPEG_BASELINE_8BIT = "1.2.840.10008.1.2.4.50";
    /** 1.2.840.10008.1.2.4.51 JPEG Extended (Process 2 and 4), 8- and 12-bit lossy. */
    public static final String JPEG_EXTENDED_12BIT = "1.2.840.10008.1.2.4.51";
    /** 1.2.840.10008.1.2.4.57 JPEG Lossless, Non-Hierarchical (Process 14). */
    public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";
    /** 1.2.840.10008.1.2.4.70 JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, SV1). */
    public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";
    /** 1.2.840.10008.1.2.4.80 JPEG-LS Lossless. */
    public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";
    /** 1.2.840.10008.1.2.4.81 JPEG-LS Lossy (Near-Lossless). */
    public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";
    /** 1.2.840.10008.1.2.4.90 JPEG 2000 Lossless Only. */
    public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";
    /** 1.2.840.10008.1.2.4.91 JPEG 2000. */
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";
    /** 1.2.840.10008.1.2.4.201 High-Throughput JPEG 2000 Lossless Only: refused with UNSUPPORTED_HTJ2K. */
    public static final String HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201";
    /** 1.2.840.10008.1.2.4.202 High-Throughput JPEG 2000 with RPCL Options Lossless Only: refused. */
    public static final String HTJ2K_RPCL_LOSSLESS = "1.2.840.10008.1.2.4.202";
    /** 1.2.840.10008.1.2.4.203 High-Throughput JPEG 2000: refused with UNSUPPORTED_HTJ2K. */
    public static final String HTJ2K = "1.2.840.10008.1.2.4.203";
    /** 1.2.840.10008.1.2.5 RLE Lossless. */
    public static final String RLE_LOSSLESS = "1.2.840.10008.1.2.5";
    /** 1.2.840.10008.1.2.4.100 MPEG2 Main Profile / Main Level: refused. */
    public static final String MPEG2_MAIN_PROFILE = "1.2.840.10008.1.2.4.100";
    /** 1.2.840.10008.1.2.4.102 MPEG-4 AVC/H.264 High Profile / Level 4.1: refused. */
    public static final String MPEG4_AVC_H264 = "1.2.840.10008.1.2.4.102";
    /** 1.2.840.10008.1.2.4.110 JPEG XL Lossless: refused. */
    public static final String JPEG_XL_LOSSLESS = "1.2.840.10008.1.2.4.110";

    private TransferSyntax() {
    }

    /**
     * @param uid a transfer syntax UID
     * @return true for the three native syntaxes and Deflated, whose pixel data is not encapsulated
     */
    public static boolean isNative(String uid) {
        return IMPLICIT_VR_LITTLE_ENDIAN.equals(uid) || EXPLICIT_VR_LITTLE_ENDIAN.equals(uid)
                || EXPLICIT_VR_BIG_ENDIAN.equals(uid) || DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(uid);
    }

    /**
     * @param uid a transfer syntax UID
     * @return true for the three High-Throughput JPEG 2000 syntaxes
     */
    public static boolean isHtj2k(String uid) {
        return HTJ2K_LOSSLESS.equals(uid) || HTJ2K_RPCL_LOSSLESS.equals(uid) || HTJ2K.equals(uid);
    }

    /**
     * @param uid a transfer syntax UID
     * @return true when the data set is Implicit VR (only the default syntax)
     */
    public static boolean isImplicitVr(String uid) {
        return IMPLICIT_VR_LITTLE_ENDIAN.equals(uid);
    }

    /**
     * @param uid a transfer syntax UID
     * @return true for Explicit VR Big Endian
     */
    public static boolean isBigEndian(String uid) {
        return EXPLICIT_VR_BIG_ENDIAN.equals(uid);
    }

    /**
     * @param uid a transfer syntax UID
     * @return true when the data set after the meta group is a raw deflate stream
     */
    public static boolean isDeflated(String uid) {
        return DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.equals(uid);
    }
}
