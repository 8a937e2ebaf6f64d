package org.dicomguard.core.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal Part-10 writer for synthetic studies and tests: 128-byte preamble, "DICM", a file
 * meta group made from SOPClassUID and SOPInstanceUID, and the data set in Explicit VR Little
 * Endian. Sequences and items are written with undefined length and delimiters; native pixel
 * data with its length; encapsulated pixel data (from a read file) with its fragments.
 *
 * <p>Values read from Big Endian files are swapped to little endian. Thread-safe: stateless.
 */
public final class DicomWriter {
    /** Implementation Class UID of this library (2.25 form, derived from a UUID). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.160927375424437128296306158826539312737";
    /** Implementation Version Name written into the meta group. */
    public static final String IMPLEMENTATION_VERSION_NAME = "DICOMGUARD_0_1";

    private DicomWriter() {
    }

    /**
     * @param file    target file, created or replaced
     * @param dataSet data set with SOPClassUID and SOPInstanceUID; group 0002 elements in it are ignored
     * @throws IOException when the file cannot be written
     * @throws IllegalArgumentException when SOPClassUID or SOPInstanceUID is missing
     */
    public static void write(Path file, Attributes dataSet) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, dataSet);
        }
    }

    /**
     * @param dataSet as {@link #write(Path, Attributes)}
     * @return the Part-10 file bytes
     */
    public static byte[] toBytes(Attributes dataSet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, dataSet);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /**
     * The header of a file whose encapsulated pixel data the caller appends (test and benchmark
     * fixtures: RLE, JPEG): the meta group declares {@code transferSyntaxUid}; the data set is
     * written in Explicit VR Little Endian, as every encapsulated syntax requires.
     *
     * @param dataSet           as {@link #write(Path, Attributes)}, usually without PixelData
     * @param transferSyntaxUid the syntax to declare: Explicit VR Little Endian or an encapsulated one
     * @return the Part-10 file bytes
     * @throws IllegalArgumentException for an Implicit VR, Big Endian or Deflated syntax, whose data
     *                                  set this writer cannot encode
     */
    public static byte[] toBytes(Attributes dataSet, String transferSyntaxUid) {
        if (TransferSyntax.isImplicitVr(transferSyntaxUid) || TransferSyntax.isBigEndian(transferSyntaxUid)
                || TransferSyntax.isDeflated(transferSyntaxUid)) {
            throw new IllegalArgumentException("transferSyntaxUid must have an Explicit VR Little Endian data set, got "
                    + transferSyntaxUid);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, dataSet, transferSyntaxUid);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toByteArray();
    }

    /**
     * @param out     receives the file bytes; not closed
     * @param dataSet as {@link #write(Path, Attributes)}
     * @throws IOException from the stream
     */
    public static void write(OutputStream out, Attributes dataSet) throws IOException {
        write(out, dataSet, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }

    private static void write(OutputStream out, Attributes dataSet, String transferSyntaxUid) throws IOException {
        String sopClass = dataSet.getString(Tag.SOPClassUID).orElseThrow(() ->
                new IllegalArgumentException("dataSet must contain SOPClassUID " + Tag.toHexString(Tag.SOPClassUID)));
        String sopInstance = dataSet.getString(Tag.SOPInstanceUID).orElseThrow(() ->
                new IllegalArgumentException("dataSet must contain SOPInstanceUID "
                        + Tag.toHexString(Tag.SOPInstanceUID)));
        Attributes meta = Attributes.builder()
                .putBytes(Tag.FileMetaInformationVersion, VR.OB, new byte[] {0, 1})
                .putString(Tag.MediaStorageSOPClassUID, VR.UI, sopClass)
                .putString(Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstance)
                .putString(Tag.TransferSyntaxUID, VR.UI, transferSyntaxUid)
                .putString(Tag.ImplementationClassUID, VR.UI, IMPLEMENTATION_CLASS_UID)
                .putString(Tag.ImplementationVersionName, VR.SH, IMPLEMENTATION_VERSION_NAME)
                .build();
        ByteArrayOutputStream metaBytes = new ByteArrayOutputStream();
        ElementEncoder metaEncoder = new ElementEncoder(metaBytes);
        for (DicomElement e : meta.elementsInOrder()) {
            metaEncoder.element(e);
        }
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        ElementEncoder encoder = new ElementEncoder(out);
        encoder.header(Tag.FileMetaInformationGroupLength, VR.UL, 4);
        encoder.u32(metaBytes.size());
        metaBytes.writeTo(out);
        for (DicomElement e : dataSet.elementsInOrder()) {
            if ((e.tag >>> 16) != Tag.FILE_META_GROUP) {
                encoder.element(e);
            }
        }
        out.flush();
    }
}
