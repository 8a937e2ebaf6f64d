package org.dicomguard.core.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The optional native JPEG 2000 path: OpenJPEG 2.5 inside OpenCV 4.9 ({@code org.openpnp:opencv},
 * an optional Maven dependency whose jar carries the native library for Linux, macOS and Windows).
 *
 * <p>Design note: nothing here is touched unless {@link #available()} says the classes are on the
 * class path and the native library loaded; any failure to load (jar absent, unsupported
 * platform, no temporary folder) leaves JPEG 2000 to jai-imageio. The code that names OpenCV's
 * types lives in {@link OpenCvJ2kDecoder}, which is loaded only once the library is: the JVM's
 * verifier would otherwise need those classes to load this one. Setting the system property
 * {@value #DISABLE_PROPERTY} to {@code false} also does, for measurement. The raw codestream is
 * wrapped in a minimal JP2 file whose colour box says greyscale or sRGB, so OpenCV neither warns
 * about an unknown colour space on every frame nor converts colours; OpenCV returns three
 * components in BGR order and they are put back in stream order. Only what OpenCV decodes
 * exactly as OpenJPEG does goes this way: unsigned components of one precision up to 16 bits,
 * not subsampled (signed and subsampled streams are left to jai-imageio).
 */
final class OpenCvJ2k {
    /** System property; "false" keeps JPEG 2000 on jai-imageio. */
    static final String DISABLE_PROPERTY = "dicomguard.j2k.native";
    private static final Logger LOG = Logger.getLogger(OpenCvJ2k.class.getName());
    private static final int GREYSCALE = 17;
    private static final int SRGB = 16;

    private OpenCvJ2k() {
    }

    private static final class Holder {
        static final boolean LOADED = load();

        private static boolean load() {
            if ("false".equalsIgnoreCase(System.getProperty(DISABLE_PROPERTY))) {
                return false;
            }
            try {
                Class.forName("org.opencv.imgcodecs.Imgcodecs", false, OpenCvJ2k.class.getClassLoader());
                OpenCvJ2kDecoder.loadLibrary();
                return true;
            } catch (ClassNotFoundException absent) {
                return false;
            } catch (LinkageError | RuntimeException failed) {
                LOG.log(Level.INFO, "native JPEG 2000 decoder (OpenCV) not loaded, using jai-imageio: {0}",
                        failed.toString());
                return false;
            }
        }
    }

    /** @return whether the native decoder is loaded (loads it on first call) */
    static boolean available() {
        return Holder.LOADED;
    }

    /**
     * @param header the codestream's SIZ
     * @return whether this decoder decodes the codestream exactly (see the class comment)
     */
    static boolean accepts(J2kCodestreamHeader header) {
        int precision = header.precisions()[0];
        for (int p : header.precisions()) {
            if (p != precision) {
                return false;
            }
        }
        return !header.anySigned() && !header.subsampled() && precision <= 16
                && (header.components() == 1 || header.components() == 3);
    }

    /** A JP2 file (T.800 Annex I): signature, file type, header with ihdr and colr, then the codestream. */
    static byte[] wrapAsJp2(byte[] codestream, J2kCodestreamHeader header) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(codestream.length + 85);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(12);
            out.writeInt(0x6A502020);
            out.writeInt(0x0D0A870A);
            out.writeInt(20);
            out.writeBytes("ftypjp2 ");
            out.writeInt(0);
            out.writeBytes("jp2 ");
            out.writeInt(8 + 22 + 15);
            out.writeBytes("jp2h");
            out.writeInt(22);
            out.writeBytes("ihdr");
            out.writeInt((int) header.height());
            out.writeInt((int) header.width());
            out.writeShort(header.components());
            out.writeByte(header.precisions()[0] - 1);
            out.writeByte(7);
            out.writeByte(0);
            out.writeByte(0);
            out.writeInt(15);
            out.writeBytes("colr");
            out.writeByte(1);
            out.writeByte(0);
            out.writeByte(0);
            out.writeInt(header.components() == 1 ? GREYSCALE : SRGB);
            out.writeInt(8 + codestream.length);
            out.writeBytes("jp2c");
            out.write(codestream);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }
}
