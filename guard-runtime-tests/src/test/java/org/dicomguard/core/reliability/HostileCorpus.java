package org.dicomguard.core.reliability;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.AttributesBuilder;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.dicom.RawDicom;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.dicom.VR;
import org.dicomguard.core.dicom.codec.ImageDescriptor;
import org.dicomguard.core.synthetic.SyntheticImageHeader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the hostile-input corpus from one small, valid synthetic mammogram header (with marked
 * patient identifiers, so the leak test can reuse the corpus): each entry breaks exactly one thing
 * and is named after it, dcm4che style. The committed copies under
 * {@code src/test/resources/hostile/} are checked byte for byte against this generator by
 * {@link HostileCorpusTest}; regenerate them with
 * {@code mvn -o -q -B -pl guard-runtime-tests -am test -Pregenerate-golden -Dtest=HostileCorpusTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
public final class HostileCorpus {

    /** Markers written into every corpus file that carries a header. */
    public static final ReliabilityStudies.Markers MARKERS = ReliabilityStudies.Markers.distinctive();
    /** Rows and columns of the small valid mammogram the corpus starts from: the header rules' minimum. */
    public static final int SIZE_PIXELS = 64;
    private static final String STUDY_UID = "2.25.900100200300400500600700";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    private static final String RT_PLAN_STORAGE = "1.2.840.10008.5.1.4.1.1.481.5";
    private static final String BASIC_TEXT_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.11";

    /**
     * One corpus file: its bytes and the result every entry point must give for it.
     *
     * @param bytes  the file content
     * @param status the contract status: "failed" or "rejected"
     * @param code   the Failed error code or the first rejection reason's code
     */
    public record Entry(byte[] bytes, String status, String code) {
    }

    private HostileCorpus() {
    }

    /** @return every named file with its expected status and code, in a stable order */
    public static Map<String, Entry> entries() {
        Map<String, Entry> m = new LinkedHashMap<>();
        byte[] valid = validMammogram();
        m.put("empty.dcm", new Entry(new byte[0], "failed", "NOT_DICOM"));
        m.put("png-renamed.dcm", new Entry(png(), "failed", "NOT_DICOM"));
        m.put("zip-renamed.dcm", new Entry(zip(valid), "failed", "NOT_DICOM"));
        m.put("truncated-pixel-data.dcm", new Entry(java.util.Arrays.copyOf(valid, valid.length - SIZE_PIXELS),
                "failed", "TRUNCATED"));
        m.put("length-0xfffffff0.dcm", new Entry(withTail(header(), element(Tag.PixelData, "OB", 0xFFFFFFF0L,
                new byte[16])), "failed", "TRUNCATED"));
        m.put("length-beyond-file.dcm", new Entry(withTail(header(), element(Tag.PixelData, "OW", 4096,
                new byte[64])), "failed", "TRUNCATED"));
        m.put("nested-sequences-200-deep.dcm", new Entry(withTail(header(), nested(200)), "failed", "LIMIT_EXCEEDED"));
        m.put("billions-of-pixels.dcm", new Entry(billionsOfPixels(), "failed", "LIMIT_EXCEEDED"));
        m.put("fragment-offset-outside-data.dcm", new Entry(fragmentOffsetOutsideData(), "failed",
                "CORRUPT_PIXEL_DATA"));
        m.put("bad-vr.dcm", new Entry(withTail(header(), badVr()), "failed", "INVALID_STRUCTURE"));
        m.put("no-pixel-data-mammogram.dcm", new Entry(header(), "failed", "NO_PIXEL_DATA"));
        m.put("rtplan-no-pixels.dcm", new Entry(DicomWriter.toBytes(ReliabilityStudies.identity(RT_PLAN_STORAGE,
                STUDY_UID + ".9", STUDY_UID, "RTPLAN", MARKERS).build()), "rejected", "WRONG_MODALITY"));
        m.put("sr-no-pixels.dcm", new Entry(DicomWriter.toBytes(ReliabilityStudies.identity(BASIC_TEXT_SR_STORAGE,
                STUDY_UID + ".8", STUDY_UID, "SR", MARKERS).build()), "rejected", "WRONG_MODALITY"));
        return m;
    }

    /** @return a complete 64 x 64 MG file with marked identifiers: the base of every hostile entry */
    public static byte[] validMammogram() {
        AttributesBuilder b = imageHeader(SIZE_PIXELS, SIZE_PIXELS, 1, 16);
        short[] pixels = new short[SIZE_PIXELS * SIZE_PIXELS];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (short) ((i * 37) % 4096);
        }
        b.putPixelData(pixels);
        return DicomWriter.toBytes(b.build());
    }

    static AttributesBuilder imageHeader(int rows, int columns, int frames, int bitsAllocated) {
        AttributesBuilder b = ReliabilityStudies.identity(SyntheticImageHeader.DIGITAL_MAMMOGRAPHY_FOR_PRESENTATION,
                STUDY_UID + ".1", STUDY_UID, "MG", MARKERS);
        b.putString(Tag.BodyPartExamined, VR.CS, "BREAST");
        b.putString(Tag.ViewPosition, VR.CS, "CC");
        b.putString(Tag.ImageLaterality, VR.CS, "L");
        b.putDoubles(Tag.PixelSpacing, VR.DS, 0.1, 0.1);
        if (frames != 1) {
            b.putInts(Tag.NumberOfFrames, VR.IS, frames);
        }
        int bitsStored = bitsAllocated == 8 ? 8 : 12;
        return b.putImagePixelModule(ImageDescriptor.monochrome(rows, columns, bitsAllocated, bitsStored, 0,
                "MONOCHROME2"));
    }

    /** @return the valid mammogram's header without its pixel data */
    static byte[] header() {
        return DicomWriter.toBytes(imageHeader(SIZE_PIXELS, SIZE_PIXELS, 1, 16).build());
    }

    private static byte[] billionsOfPixels() {
        // 10000 x 10000 (the largest size the header rules accept) x 100000 frames: 1e13 declared
        // pixels behind 4 bytes of data; the reader's pixel limit must refuse before allocating.
        Attributes a = imageHeader(10_000, 10_000, 100_000, 16).build();
        return withTail(DicomWriter.toBytes(a), element(Tag.PixelData, "OW", 4, new byte[4]));
    }

    private static byte[] fragmentOffsetOutsideData() {
        byte[] dataSet = dataSetOf(DicomWriter.toBytes(imageHeader(SIZE_PIXELS, SIZE_PIXELS, 2, 8).build()));
        ByteArrayOutputStream px = new ByteArrayOutputStream();
        writeHeader(px, Tag.PixelData, "OB", 0xFFFFFFFFL);
        // Basic offset table: frame 2 starts 2 GB past the first fragment, far outside the data.
        item(px, Tag.Item, le32(0L, 0x7FFFFFF0L));
        item(px, Tag.Item, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        item(px, Tag.Item, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9});
        item(px, Tag.SequenceDelimitationItem, new byte[0]);
        return part10(JPEG_BASELINE, concat(dataSet, px.toByteArray()));
    }

    /** @return depth nested undefined-length ContentSequence items, properly delimited */
    private static byte[] nested(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            writeHeader(out, Tag.ContentSequence, "SQ", 0xFFFFFFFFL);
            writeTag(out, Tag.Item);
            out.writeBytes(le32(0xFFFFFFFFL));
        }
        for (int i = 0; i < depth; i++) {
            item(out, Tag.ItemDelimitationItem, new byte[0]);
            item(out, Tag.SequenceDelimitationItem, new byte[0]);
        }
        return out.toByteArray();
    }

    private static byte[] badVr() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTag(out, Tag.ContentSequence);
        out.writeBytes(new byte[] {'x', '1', 2, 0, 'A', 'B'});
        return out.toByteArray();
    }

    /** A 1 x 1 PNG signature and IHDR chunk, with a correct CRC. */
    private static byte[] png() {
        ByteBuffer ihdr = ByteBuffer.allocate(17).order(ByteOrder.BIG_ENDIAN);
        ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(1).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12).order(ByteOrder.BIG_ENDIAN);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue()).putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII))
                .putInt(0xAE426082);
        return png.array();
    }

    /** A zip holding the valid mammogram, with a fixed entry time so the bytes are reproducible. */
    private static byte[] zip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry e = new ZipEntry("image.dcm");
            e.setTime(1_700_000_000_000L);
            zip.putNextEntry(e);
            zip.write(content);
            zip.closeEntry();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** @return the data set part of a DicomWriter file (after preamble, DICM and the meta group) */
    static byte[] dataSetOf(byte[] part10) {
        int groupLength = ByteBuffer.wrap(part10, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return java.util.Arrays.copyOfRange(part10, 144 + groupLength, part10.length);
    }

    static byte[] part10(String transferSyntaxUid, byte[] dataSet) {
        return RawDicom.part10(transferSyntaxUid).raw(dataSet).bytes();
    }

    static byte[] withTail(byte[] file, byte[] tail) {
        return concat(file, tail);
    }

    static byte[] element(int tag, String vr, long declaredLength, byte[] actualValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeHeader(out, tag, vr, declaredLength);
        out.writeBytes(actualValue);
        return out.toByteArray();
    }

    static void writeHeader(ByteArrayOutputStream out, int tag, String vr, long length) {
        out.writeBytes(new RawDicom().header(tag, vr, length).bytes());
    }

    static void item(ByteArrayOutputStream out, int tag, byte[] value) {
        out.writeBytes(new RawDicom().item(tag, value.length).raw(value).bytes());
    }

    static void writeTag(ByteArrayOutputStream out, int tag) {
        out.writeBytes(new RawDicom().tag(tag).bytes());
    }

    static byte[] le32(long... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putInt((int) v);
        }
        return b.array();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
