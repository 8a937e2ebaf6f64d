package org.dicomguard.core.study;

import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One file of a study as preprocessing sees it: its header now, its pixels when preprocessing
 * reaches it.
 *
 * <p>Design note: the Pipeline reads only headers up front, so header rules run before any pixel
 * byte is read, and each image's file is read in full only by {@link #file()}, which preprocessing
 * calls one image at a time and does not keep. A four-view mammography study therefore holds the
 * file bytes and decoded pixels of one view at a time, not of all four (peak heap per study in
 * flight, benchmarks/README.md). A file that changed between the header read and the full read
 * (another SOP instance, or other header facts than the rules judged) fails with
 * {@link DicomErrorCode#INVALID_STRUCTURE} rather than being preprocessed unjudged.
 *
 * <p>Immutable and thread-safe.
 */
public final class StudyImage {

    /** Reads the whole file when asked. */
    @FunctionalInterface
    private interface Loader {
        DicomFile load() throws DicomException;
    }

    private final Attributes header;
    private final Loader loader;

    private StudyImage(Attributes header, Loader loader) {
        this.header = header;
        this.loader = loader;
    }

    /**
     * @param file a fully read file (not header-only)
     * @return the file as a study image; {@link #file()} returns it
     * @throws IllegalArgumentException when the file was read header-only
     */
    public static StudyImage of(DicomFile file) {
        Objects.requireNonNull(file, "file");
        if (file.isHeaderOnly()) {
            throw new IllegalArgumentException("a header-only DicomFile has no pixels; use onDemand");
        }
        return new StudyImage(file.dataSet(), () -> file);
    }

    /**
     * @param files fully read files
     * @return one study image per file, in order
     */
    public static List<StudyImage> of(List<DicomFile> files) {
        List<StudyImage> images = new ArrayList<>(files.size());
        files.forEach(f -> images.add(of(f)));
        return images;
    }

    /**
     * Reads the header of each file now; {@link #file()} reads the whole file later.
     *
     * @param files  the study's files, in order
     * @param reader the reader whose limits apply to both reads
     * @return one study image per file
     * @throws DicomException the first header that cannot be read, as {@link #readHeader}
     */
    public static List<StudyImage> readHeaders(List<Path> files, DicomReader reader) throws DicomException {
        List<StudyImage> images = new ArrayList<>(files.size());
        for (int i = 0; i < files.size(); i++) {
            images.add(readHeader(files.get(i), i, files.size(), reader));
        }
        return images;
    }

    /**
     * Reads one file's header now; {@link #file()} reads the whole file later.
     *
     * @param file   the file
     * @param index  its 0-based position in the study, for messages
     * @param count  the number of files in the study, for messages
     * @param reader the reader whose limits apply to both reads
     * @return the study image
     * @throws DicomException when the header cannot be read; the message is prefixed with the
     *                        file's position ("file 2 of 4: ..."), never its path (paths can
     *                        carry patient names)
     */
    public static StudyImage readHeader(Path file, int index, int count, DicomReader reader) throws DicomException {
        String position = "file " + (index + 1) + " of " + count + ": ";
        DicomFile header;
        try {
            header = reader.readHeader(file);
        } catch (DicomException e) {
            throw positioned(position, e);
        }
        return onDemand(header.dataSet(), file, reader, position);
    }

    /**
     * Reads one instance's header now; {@link #file()} reads the whole instance later. Bytes and
     * streams go through the same reader, limits and checks as files: a stream is read here, at
     * most {@code maxFileSizeBytes + 1} bytes far, and then handled as bytes.
     *
     * @param instance the instance
     * @param index    its 0-based position in the study, for messages
     * @param count    the number of instances in the study, for messages
     * @param reader   the reader whose limits apply
     * @return the study image
     * @throws DicomException when the header cannot be read (IO_ERROR when a stream fails,
     *                        LIMIT_EXCEEDED when it is longer than the file-size limit), prefixed
     *                        with the instance's position
     */
    public static StudyImage readHeader(DicomInstance instance, int index, int count, DicomReader reader)
            throws DicomException {
        if (instance instanceof DicomInstance.File f) {
            return readHeader(f.path(), index, count, reader);
        }
        String position = "file " + (index + 1) + " of " + count + ": ";
        byte[] bytes;
        try {
            bytes = instance instanceof DicomInstance.Bytes b ? b.bytes()
                    : readBounded(((DicomInstance.Stream) instance).stream(), reader.limits().maxFileSizeBytes());
        } catch (DicomException e) {
            throw positioned(position, e);
        }
        DicomFile header;
        try {
            header = reader.readHeader(bytes);
        } catch (DicomException e) {
            throw positioned(position, e);
        }
        return onDemand(header.dataSet(), () -> reader.read(bytes), position);
    }

    /** Reads a stream to its end, refusing one longer than the limit without holding more than limit + 1 bytes. */
    private static byte[] readBounded(java.io.InputStream stream, long maxBytes) throws DicomException {
        try {
            byte[] bytes = stream.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "stream longer than maxFileSizeBytes="
                        + maxBytes);
            }
            return bytes;
        } catch (java.io.IOException e) {
            throw new DicomException(DicomErrorCode.IO_ERROR, "cannot read stream: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Reads the whole instance again. */
    @FunctionalInterface
    private interface Source {
        DicomFile read() throws DicomException;
    }

    private static StudyImage onDemand(Attributes header, Path path, DicomReader reader, String position) {
        return onDemand(header, () -> reader.read(path), position);
    }

    private static StudyImage onDemand(Attributes header, Source source, String position) {
        return new StudyImage(header, () -> {
            DicomFile file;
            try {
                file = source.read();
            } catch (DicomException e) {
                throw positioned(position, e);
            }
            if (!sameImage(header, file.dataSet())) {
                throw new DicomException(DicomErrorCode.INVALID_STRUCTURE, position
                        + "the file changed between its header read and its pixel read");
            }
            return file;
        });
    }

    private static DicomException positioned(String position, DicomException e) {
        return new DicomException(e.code(), position + e.getMessage(), e);
    }

    private static boolean sameImage(Attributes header, Attributes full) {
        return header.getString(Tag.SOPInstanceUID).equals(full.getString(Tag.SOPInstanceUID))
                && header.getString(Tag.StudyInstanceUID).equals(full.getString(Tag.StudyInstanceUID))
                && header.getString(Tag.SeriesInstanceUID).equals(full.getString(Tag.SeriesInstanceUID))
                && DicomInputs.headerFacts(header).equals(DicomInputs.headerFacts(full));
    }

    /** @return the image's SOPInstanceUID, or "" when its header has none */
    public String sopInstanceUid() {
        return dataSet().getString(Tag.SOPInstanceUID, "");
    }

    /** @return the data set up to PixelData: what header rules and view placement look at */
    public Attributes dataSet() {
        return header;
    }

    /**
     * @return the whole file, pixels included; read now for images from {@link #readHeaders}, so
     *         callers decode it and let it go rather than keep it
     * @throws DicomException when the file cannot be read any more, or changed since its header was read
     */
    public DicomFile file() throws DicomException {
        return loader.load();
    }
}
