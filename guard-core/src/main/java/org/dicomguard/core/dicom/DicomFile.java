package org.dicomguard.core.dicom;

import java.util.Objects;
import java.util.Optional;

/**
 * A parsed DICOM file: the file meta group, the data set and the transfer syntax. Pixel data is
 * kept encoded (a view into the file bytes) until {@link #decodeImage()} is called.
 *
 * <p>Immutable and thread-safe.
 */
public final class DicomFile {
    private final Attributes fileMetaInformation;
    private final Attributes dataSet;
    private final Optional<String> declaredTransferSyntaxUid;
    private final String transferSyntaxUid;
    private final boolean headerOnly;
    private final DicomReadLimits limits;

    DicomFile(Attributes fileMetaInformation, Attributes dataSet, Optional<String> declaredTransferSyntaxUid,
              String transferSyntaxUid, boolean headerOnly, DicomReadLimits limits) {
        this.fileMetaInformation = Objects.requireNonNull(fileMetaInformation);
        this.dataSet = Objects.requireNonNull(dataSet);
        this.declaredTransferSyntaxUid = Objects.requireNonNull(declaredTransferSyntaxUid);
        this.transferSyntaxUid = Objects.requireNonNull(transferSyntaxUid);
        this.headerOnly = headerOnly;
        this.limits = Objects.requireNonNull(limits);
    }

    /** @return the group 0002 elements; empty when the file has no meta group */
    public Attributes fileMetaInformation() {
        return fileMetaInformation;
    }

    /** @return the data set (everything after the meta group) */
    public Attributes dataSet() {
        return dataSet;
    }

    /** @return TransferSyntaxUID from the meta group; empty when the file does not declare one */
    public Optional<String> declaredTransferSyntaxUid() {
        return declaredTransferSyntaxUid;
    }

    /**
     * @return the declared transfer syntax, or when none is declared the one inferred from the
     *         bytes; it selects the pixel codec
     */
    public String transferSyntaxUid() {
        return transferSyntaxUid;
    }

    /** @return true when read by {@link DicomReader#readHeader}: elements after PixelData are absent */
    public boolean isHeaderOnly() {
        return headerOnly;
    }

    /** @return true when the data set has a top-level PixelData element (false for header-only reads) */
    public boolean hasPixelData() {
        return dataSet.contains(Tag.PixelData);
    }

    /**
     * Decodes all frames into primitive arrays (native data directly, encapsulated data through
     * the codec of the transfer syntax).
     *
     * @return the decoded image
     * @throws DicomException NO_PIXEL_DATA, UNSUPPORTED_PIXEL_FORMAT, LIMIT_EXCEEDED (pixel count,
     *                        checked before allocation), CORRUPT_PIXEL_DATA, UNSUPPORTED_TRANSFER_SYNTAX
     * @throws IllegalStateException for a header-only read, which has no pixel data to decode
     */
    public DicomImage decodeImage() throws DicomException {
        if (headerOnly) {
            throw new IllegalStateException("decodeImage() needs DicomReader.read, this file was read header-only");
        }
        return PixelDataDecoder.decode(dataSet, transferSyntaxUid, limits);
    }

    /** @return transfer syntax and element count only: safe to log */
    @Override
    public String toString() {
        return "DicomFile[transferSyntaxUid=" + transferSyntaxUid + ", elements=" + dataSet.size()
                + ", headerOnly=" + headerOnly + "]";
    }
}
