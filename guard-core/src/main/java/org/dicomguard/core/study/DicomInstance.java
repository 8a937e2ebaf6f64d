package org.dicomguard.core.study;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One DICOM instance of a study as a caller hands it over: a file, the bytes of a Part-10 file
 * (received over DICOMweb or C-STORE), or a stream of them. All three are read by the same
 * {@link org.dicomguard.core.dicom.DicomReader} with the same limits; a stream is read at most
 * {@code maxFileSizeBytes + 1} bytes far, so an endless or oversized stream fails with
 * {@code LIMIT_EXCEEDED} instead of filling the heap.
 */
public sealed interface DicomInstance permits DicomInstance.File, DicomInstance.Bytes, DicomInstance.Stream {

    /**
     * @param path a DICOM file
     * @return the instance
     */
    static DicomInstance of(Path path) {
        return new File(path);
    }

    /**
     * @param bytes a whole Part-10 file; not copied, so it must not be modified while a run reads it
     * @return the instance
     */
    static DicomInstance of(byte[] bytes) {
        return new Bytes(bytes);
    }

    /**
     * @param stream a whole Part-10 file; read once, to its end, during the run, and not closed
     *               (the caller owns it)
     * @return the instance
     */
    static DicomInstance of(InputStream stream) {
        return new Stream(stream);
    }

    /** @param path a DICOM file, not null */
    record File(Path path) implements DicomInstance {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    /** @param bytes a whole Part-10 file, not null, not copied */
    record Bytes(byte[] bytes) implements DicomInstance {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /** @param stream a whole Part-10 file, not null, read once and not closed */
    record Stream(InputStream stream) implements DicomInstance {
        public Stream {
            Objects.requireNonNull(stream, "stream");
        }
    }
}
