package org.dicomguard.core.reliability;

import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Hostile intake files built in code (issue 14): each would kill the JVM, lose the batch or leak
 * a patient identifier at the Pipeline's door before the limits existed. Every entry names the
 * Failed code or first rejection code that {@code Pipeline.run} and {@code score} must give, with
 * {@code -Xmx256m} and default limits.
 */
public final class HostileIntakeCorpus {

    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    /** Inflated size of the deflate bomb: 150 MB of zeros in about 150 KB. */
    public static final int DEFLATE_BOMB_INFLATED_BYTES = 150_000_000;

    private HostileIntakeCorpus() {
    }

    /** @return every named file with its expected status and code, in a stable order */
    public static Map<String, HostileCorpus.Entry> entries() {
        Map<String, HostileCorpus.Entry> m = new LinkedHashMap<>();
        m.put("rle-10000x10000-declared.dcm", new HostileCorpus.Entry(rleDeclaring10000x10000(), "failed",
                "CORRUPT_PIXEL_DATA"));
        m.put("deflate-bomb-150mb.dcm", new HostileCorpus.Entry(deflateBomb(), "failed", "LIMIT_EXCEEDED"));
        m.put("modality-with-control-characters.dcm", new HostileCorpus.Entry(withModality("MG\n\u001b[31m\rX"),
                "rejected", "WRONG_MODALITY"));
        m.put("modality-2500-characters.dcm", new HostileCorpus.Entry(withModality("M".repeat(2500)), "rejected",
                "WRONG_MODALITY"));
        m.put("patient-name-wrong-length.dcm", new HostileCorpus.Entry(patientNameWithWrongLength(), "failed",
                "INVALID_STRUCTURE"));
        return m;
    }

    /**
     * A small file (under 1 KB) whose header passes the rules and declares 10000 x 10000 16-bit
     * pixels in RLE: PackBits cannot turn its few hundred bytes into 200 MB.
     */
    static byte[] rleDeclaring10000x10000() {
        byte[] dataSet = HostileCorpus.dataSetOf(DicomWriter.toBytes(HostileCorpus.imageHeader(10_000, 10_000, 1, 16)
                .build()));
        ByteArrayOutputStream px = new ByteArrayOutputStream();
        HostileCorpus.writeHeader(px, Tag.PixelData, "OB", 0xFFFFFFFFL);
        HostileCorpus.item(px, Tag.Item, new byte[0]);
        byte[] rle = new byte[200];
        rle[0] = 2; // two segments (16-bit), header of 64 bytes
        rle[4] = 64;
        rle[8] = (byte) 132;
        for (int i = 64; i < rle.length; i += 2) {
            rle[i] = (byte) -127; // repeat next byte 128 times
        }
        HostileCorpus.item(px, Tag.Item, rle);
        HostileCorpus.item(px, Tag.SequenceDelimitationItem, new byte[0]);
        return HostileCorpus.part10(RLE, HostileCorpus.concat(dataSet, px.toByteArray()));
    }

    /** A Deflated Explicit VR file whose data set inflates to 150 MB (an OB value of zeros). */
    static byte[] deflateBomb() {
        byte[] header = HostileCorpus.dataSetOf(DicomWriter.toBytes(HostileCorpus.imageHeader(64, 64, 1, 16)
                .build()));
        ByteArrayOutputStream value = new ByteArrayOutputStream();
        HostileCorpus.writeHeader(value, Tag.PixelData, "OB", DEFLATE_BOMB_INFLATED_BYTES);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] out = new byte[64 * 1024];
        deflater.setInput(HostileCorpus.concat(header, value.toByteArray()));
        drain(deflater, compressed, out);
        byte[] zeros = new byte[1 << 20];
        for (int written = 0; written < DEFLATE_BOMB_INFLATED_BYTES; written += zeros.length) {
            deflater.setInput(zeros, 0, Math.min(zeros.length, DEFLATE_BOMB_INFLATED_BYTES - written));
            drain(deflater, compressed, out);
        }
        deflater.finish();
        while (!deflater.finished()) {
            compressed.write(out, 0, deflater.deflate(out));
        }
        deflater.end();
        return HostileCorpus.part10(DEFLATED, compressed.toByteArray());
    }

    private static void drain(Deflater deflater, ByteArrayOutputStream to, byte[] buffer) {
        while (!deflater.needsInput()) {
            to.write(buffer, 0, deflater.deflate(buffer));
        }
    }

    /** The valid 64 x 64 mammogram with another Modality value (written as LO: CS cannot hold it). */
    static byte[] withModality(String modality) {
        AttributesBuilder b = HostileCorpus.imageHeader(HostileCorpus.SIZE_PIXELS, HostileCorpus.SIZE_PIXELS, 1, 16);
        b.putString(Tag.Modality, VR.UT, modality);
        b.putPixelData(new short[HostileCorpus.SIZE_PIXELS * HostileCorpus.SIZE_PIXELS]);
        return DicomWriter.toBytes(b.build());
    }

    /**
     * The header with PatientName's length field 2 bytes short: the parser then reads the name's
     * last bytes as the next tag ("XN" "AM" is (4E58,4D41)), which must never be printed.
     */
    static byte[] patientNameWithWrongLength() {
        byte[] file = HostileCorpus.header();
        byte[] name = HostileCorpus.MARKERS.patientName().getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(file, name);
        // The explicit VR short length field sits just before the value.
        int declared = (file[at - 2] & 0xFF) | (file[at - 1] & 0xFF) << 8;
        int shorter = declared - 6;
        file[at - 2] = (byte) shorter;
        file[at - 1] = (byte) (shorter >>> 8);
        return file;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found");
    }
}
